/**
 * The folder the app is served from, ending in "/": "/" for the local server, any folder for the static
 * edition (https://host/matchwise/), whose index.html finds it and leaves it on <html data-app-base>
 * (src/web/static/build/relocatable-html.ts).
 */
export function appBase(): string {
  return document.documentElement.dataset.appBase ?? '/';
}

/** The router's basename: the app folder without its trailing slash ("/" stays "/"). */
export function routerBasename(): string {
  const base = appBase();
  return base === '/' ? base : base.replace(/\/$/, '');
}
