import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  readonly url: string;
  /** How many requests asked for each path, to tell what a visit fetched from the network. */
  readonly requests: Map<string, number>;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /**
   * The folder the files are published under, e.g. "/matchwise" as on https://user.github.io/matchwise/;
   * addresses outside it are answered 404 with no file. Empty (the default): at the host's root.
   */
  prefix?: string;
}

/**
 * A plain static file server, as any host is (GitHub Pages, an S3 bucket, `python -m http.server`): files as
 * they are, a folder's index.html, and 404.html with status 404 for anything else. No Matchwise code runs in it.
 */
export async function startStaticServer(
  root: string,
  { prefix = '' }: StaticServerOptions = {},
): Promise<StaticServer> {
  const requests = new Map<string, number>();
  const fileAt = async (urlPath: string): Promise<string | null> => {
    const file = path.join(root, path.normalize(decodeURIComponent(urlPath)));
    if (!file.startsWith(root)) return null;
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) return file;
    if (info?.isDirectory()) return fileAt(path.posix.join(urlPath, 'index.html'));
    return null;
  };
  const server = createServer(async (req, res) => {
    const urlPath = new URL(req.url ?? '/', 'http://static').pathname;
    requests.set(urlPath, (requests.get(urlPath) ?? 0) + 1);
    if (prefix && urlPath === prefix) {
      // As hosts do for a folder asked without its slash, so relative addresses resolve inside it.
      res.writeHead(301, { location: `${prefix}/` }).end();
      return;
    }
    if (!urlPath.startsWith(`${prefix}/`)) {
      res.writeHead(404).end('Not found');
      return;
    }
    const file = await fileAt(urlPath.slice(prefix.length) || '/');
    const served = file ?? path.join(root, '404.html');
    const info = await stat(served).catch(() => null);
    if (!info) {
      res.writeHead(404).end('Not found');
      return;
    }
    res.writeHead(file ? 200 : 404, {
      'content-type': TYPES[path.extname(served)] ?? 'application/octet-stream',
      'content-length': info.size,
    });
    createReadStream(served).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
