/**
 * `node:module` in the browser: `createRequire` answers from modules the engine loaded before it started
 * serving (`provideModule`), since a browser cannot load a CommonJS package synchronously on demand. The demo
 * catalog's city list reads the `zipcodes` package this way (app/import/demo-cities.ts).
 */
const provided = new Map<string, unknown>();

export function provideModule(id: string, exports: unknown): void {
  provided.set(id, exports);
}

export function createRequire(): (id: string) => unknown {
  return (id) => {
    if (!provided.has(id)) throw new Error(`${id} was not loaded into the browser engine`);
    return provided.get(id);
  };
}
