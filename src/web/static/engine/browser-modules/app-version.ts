declare const __MATCHWISE_VERSION__: string;

/** The version package.json had when the static edition was built (vite.static.config.ts defines it). */
export function appVersion(): string {
  return __MATCHWISE_VERSION__;
}
