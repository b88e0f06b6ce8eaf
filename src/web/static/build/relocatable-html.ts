import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Makes index.html work from whatever folder the static edition is published in (https://host/ or
 * https://host/matchwise/), with no setting at build time.
 *
 * Relative URLs alone do not do it: the same index.html answers deep links (/matchwise/network/3, from the
 * service worker or as the host's 404.html), where "./assets/x.js" would mean /matchwise/network/assets/x.js,
 * and a <base> element would turn in-page links such as "#main" into navigations. So the build moves the
 * tags Vite writes (entry script, preloads, stylesheet, manifest) into a small inline script that first finds
 * the folder the app lives in, then adds them with that folder in front:
 * - a page the app's service worker controls: the folder of the worker's script (sw.js sits at the root);
 * - index.html opened directly: its own folder;
 * - 404.html (a deep link on a first visit): the nearest folder above the address that holds
 *   manifest.webmanifest, asked of the host.
 * The folder is left on <html data-app-base>, where the router (basename) and the service worker's
 * registration read it (src/web/lib/app-base.ts). Everything the entry script loads after that (chunks,
 * workers, PGlite's files) is addressed relative to the script itself.
 */

interface Tag {
  tag: 'script' | 'link';
  attrs: Record<string, string>;
}

const MOVED_TAG = /<(script|link)\b([^>]*?)\s*\/?>(?:<\/script>)?/g;
const ATTRIBUTE = /([\w-]+)(?:="([^"]*)")?/g;

function attributes(source: string): Record<string, string> {
  return Object.fromEntries([...source.matchAll(ATTRIBUTE)].map((m) => [m[1] as string, m[2] ?? '']));
}

/** The tags to move: those whose address is a file of the build ("./…" once Vite's base is "./"). */
function isBuildFile(attrs: Record<string, string>): boolean {
  const address = attrs.src ?? attrs.href ?? '';
  return address.startsWith('./');
}

/** The inline script: `fallback` is true in 404.html. Plain ES5-level code, run before anything else. */
function bootstrap(tags: Tag[], fallback: boolean): string {
  const list = JSON.stringify(
    tags.map(({ tag, attrs }) => ({
      tag,
      attrs: Object.fromEntries(
        Object.entries(attrs).map(([k, v]) => [k, k === 'src' || k === 'href' ? v.slice(2) : v]),
      ),
    })),
  );
  return `(function () {
  var tags = ${list};
  var fallback = ${fallback};
  function folder(pathname) { return pathname.slice(0, pathname.lastIndexOf('/') + 1); }
  function add(tag, root) {
    var element = document.createElement(tag.tag);
    for (var name in tag.attrs) {
      var value = tag.attrs[name];
      element.setAttribute(name, name === 'src' || name === 'href' ? root + value : value);
    }
    document.head.appendChild(element);
    return element;
  }
  function start(root) {
    document.documentElement.setAttribute('data-app-base', root);
    var scripts = tags.filter(function (t) { return t.tag === 'script'; });
    var styles = [];
    tags.forEach(function (t) {
      if (t.tag !== 'link') return;
      var element = add(t, root);
      if (t.attrs.rel === 'stylesheet') styles.push(new Promise(function (done) { element.onload = element.onerror = done; }));
    });
    // The page renders as soon as the entry script runs: let the styles arrive first.
    Promise.all(styles).then(function () { scripts.forEach(function (t) { add(t, root); }); });
  }
  var controller = navigator.serviceWorker && navigator.serviceWorker.controller;
  if (controller && /\\/sw\\.js$/.test(new URL(controller.scriptURL).pathname)) return start(folder(new URL(controller.scriptURL).pathname));
  if (!fallback) return start(folder(location.pathname));
  var candidates = [];
  for (var at = folder(location.pathname); at; at = at === '/' ? '' : folder(at.slice(0, -1))) candidates.push(at);
  (function probe(i) {
    if (i >= candidates.length) return start('/');
    fetch(candidates[i] + 'manifest.webmanifest', { method: 'HEAD' }).then(
      function (response) { if (response.ok) start(candidates[i]); else probe(i + 1); },
      function () { probe(i + 1); }
    );
  })(0);
})();`;
}

/** index.html with the build's own tags moved into the bootstrap (for 404.html when `fallback`). */
export function relocatableHtml(html: string, fallback: boolean): string {
  const tags: Tag[] = [];
  const rest = html.replace(MOVED_TAG, (whole, tag: 'script' | 'link', source: string) => {
    const attrs = attributes(source);
    if (!isBuildFile(attrs)) return whole;
    tags.push({ tag, attrs });
    return '';
  });
  const script = `<script>${bootstrap(tags, fallback)}</script>`;
  return rest.replace(/<\/head>/, `${script}\n  </head>`).replace(/\n\s*\n/g, '\n');
}

/** The build step: rewrites index.html and writes 404.html beside it (what static hosts answer unknown paths with). */
export function relocatableHtmlPlugin(): Plugin {
  return {
    name: 'matchwise-relocatable-html',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir as string;
      const index = path.join(dir, 'index.html');
      const html = readFileSync(index, 'utf8');
      writeFileSync(index, relocatableHtml(html, false));
      writeFileSync(path.join(dir, '404.html'), relocatableHtml(html, true));
    },
  };
}
