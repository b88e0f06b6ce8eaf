import type { EngineClient } from './engine-client.js';

function isApiUrl(url: URL): boolean {
  return url.origin === location.origin && url.pathname.startsWith('/api/');
}

/** The file name a download link or the answer's Content-Disposition gives. */
function downloadName(anchor: HTMLAnchorElement, response: Response): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const quoted = /filename="([^"]+)"/i.exec(disposition)?.[1];
  return anchor.getAttribute('download') || quoted || 'matchwise-download';
}

/**
 * Routes the page's /api requests to the in-browser engine instead of the network, so the React app calls
 * the API exactly as it does against the Node server:
 * - `fetch('/api/…')` (every call in lib/api) is answered by the engine;
 * - a click on a download link to /api (backup, calendar, CSV export) is answered by the engine and saved
 *   from a blob URL, since a navigation cannot be answered from the page.
 * Everything else (other origins, the page's own files) goes to the network untouched.
 */
export function installApiTransport(
  engine: EngineClient,
  {
    onDownload,
    onWrite,
  }: {
    onDownload?: (path: string) => void;
    /** After the engine accepted a write (any method but GET and HEAD, answered 2xx). */
    onWrite?: () => void;
  } = {},
): void {
  const networkFetch = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    // Read the address without building a Request: that would take the body of a Request passed in.
    const address = input instanceof Request ? input.url : String(input);
    if (!isApiUrl(new URL(address, location.href))) return networkFetch(input, init);
    const request = new Request(input, init);
    const response = await engine.fetch(request);
    if (response.ok && request.method !== 'GET' && request.method !== 'HEAD') onWrite?.();
    return response;
  };

  document.addEventListener(
    'click',
    (event) => {
      if (event.defaultPrevented || event.button !== 0) return;
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!(anchor instanceof HTMLAnchorElement) || !isApiUrl(new URL(anchor.href))) return;
      event.preventDefault();
      void engine.fetch(new Request(anchor.href)).then(async (response) => {
        if (!response.ok) {
          window.alert(`Matchwise could not prepare the download (HTTP ${response.status}).`);
          return;
        }
        const url = URL.createObjectURL(await response.blob());
        const save = document.createElement('a');
        save.href = url;
        save.download = downloadName(anchor, response);
        document.body.append(save);
        save.click();
        save.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        onDownload?.(new URL(anchor.href).pathname);
      });
    },
    { capture: true },
  );
}
