import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, MEMORY_DATA_DIR, openDatabase } from '../../db/index.js';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { startServer } from '../start-server.js';

const A_CONTACT = JSON.stringify({ name: 'Dr. Maria Lopez', role: 'faculty' });
const JSON_TYPE = { 'content-type': 'application/json' };

interface Problem {
  status: number;
  type: string;
  title: string;
  errors: { path: string; message: string }[];
}

async function problemOf(response: Response, status: number): Promise<Problem> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = (await response.json()) as Problem;
  expect(problem.status).toBe(status);
  return problem;
}

describe('Request rules: only Matchwise’s own pages may call its API', () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  let webRoot: string;

  const postContact = (headers: Record<string, string>, body: string = A_CONTACT) =>
    app.request('/api/contacts', { method: 'POST', headers, body });
  const contactCount = async () => (await db.contacts.list()).length;

  beforeAll(async () => {
    db = await openDatabase({ dataDir: MEMORY_DATA_DIR });
    webRoot = await mkdtemp(path.join(os.tmpdir(), 'matchwise-web-'));
    await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><title>Matchwise</title>');
    app = createApp({ db, logger: createLogger('silent'), webRoot, allowedHosts: ['matchwise.example.com'] });
  });
  afterAll(async () => {
    await db?.close();
    await rm(webRoot, { recursive: true, force: true });
  });

  describe('JSON bodies only (415)', () => {
    it('refuses a text/plain POST, as an HTML form or a no-cors fetch sends it, and stores nothing', async () => {
      const before = await contactCount();
      const problem = await problemOf(await postContact({ 'content-type': 'text/plain;charset=UTF-8' }), 415);
      expect(problem.errors[0]).toMatchObject({ path: 'Content-Type' });
      expect(problem.errors[0]?.message).toContain('application/json');
      expect(await contactCount()).toBe(before);
    });

    it('refuses a form-encoded PUT and a body with no content type at all', async () => {
      await problemOf(
        await app.request('/api/profile', {
          method: 'PUT',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'name=x',
        }),
        415,
      );
      // A Blob or bytes sent by fetch carry no Content-Type; over HTTP they still have a length.
      await problemOf(await postContact({ 'content-length': String(A_CONTACT.length) }), 415);
    });

    it('accepts application/json with a charset, and a DELETE with no body and no content type', async () => {
      const created = await postContact({ 'content-type': 'Application/JSON; charset=utf-8' });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const deleted = await app.request(`/api/contacts/${id}`, { method: 'DELETE' });
      expect(deleted.status).toBe(204);
    });
  });

  describe('same origin only (403)', () => {
    it('refuses a JSON POST from http://evil.example, naming the Origin header, and stores nothing', async () => {
      const before = await contactCount();
      const problem = await problemOf(
        await postContact({ ...JSON_TYPE, origin: 'http://evil.example' }),
        403,
      );
      expect(problem.errors[0]?.path).toBe('Origin');
      expect(await contactCount()).toBe(before);
    });

    it('refuses a request the browser marks cross-site or same-site (another port on this machine)', async () => {
      for (const site of ['cross-site', 'same-site']) {
        const problem = await problemOf(await postContact({ ...JSON_TYPE, 'sec-fetch-site': site }), 403);
        expect(problem.errors[0]).toMatchObject({ path: 'Sec-Fetch-Site' });
      }
    });

    it('refuses an opaque origin ("null", a sandboxed frame) and another port of localhost', async () => {
      await problemOf(await postContact({ ...JSON_TYPE, origin: 'null' }), 403);
      await problemOf(await postContact({ ...JSON_TYPE, origin: 'http://localhost:3000' }), 403);
    });

    it('refuses reads from another site too, so no page can probe the data', async () => {
      await problemOf(await app.request('/api/backup', { headers: { origin: 'http://evil.example' } }), 403);
      await problemOf(await app.request('/api/backup', { headers: { 'sec-fetch-site': 'cross-site' } }), 403);
    });

    it('accepts the app’s own pages, the address bar, and clients that are not browsers', async () => {
      // app.request addresses http://localhost, so that is this server's own origin here.
      expect((await postContact({ ...JSON_TYPE, origin: 'http://localhost' })).status).toBe(201);
      expect((await postContact({ ...JSON_TYPE, 'sec-fetch-site': 'same-origin' })).status).toBe(201);
      const fromAddressBar = await app.request('/api/backup', { headers: { 'sec-fetch-site': 'none' } });
      expect(fromAddressBar.status).toBe(200);
      // curl, the CLI, scripts: neither header.
      expect((await postContact(JSON_TYPE)).status).toBe(201);
    });

    it('leaves pages alone: a link from another site still opens the app', async () => {
      const page = await app.request('/programs', { headers: { 'sec-fetch-site': 'cross-site' } });
      expect(page.status).toBe(200);
    });
  });

  describe('allowed host names (421)', () => {
    it('refuses Host: evil.example on the API and on pages, as a DNS-rebinding page would send it', async () => {
      const api = await problemOf(
        await app.request('/api/backup', { headers: { host: 'evil.example' } }),
        421,
      );
      expect(api.errors[0]?.path).toBe('Host');
      await problemOf(await app.request('/', { headers: { host: 'evil.example:5177' } }), 421);
      await problemOf(await app.request('/api/health', { headers: { host: '127.0.0.2:5177' } }), 421);
      await problemOf(await app.request('/api/health', { headers: { host: 'localhost.evil.example' } }), 421);
    });

    it('answers the loopback names on any port, and a configured hosted name', async () => {
      for (const host of [
        '127.0.0.1:5177',
        'localhost:5177',
        '[::1]:5177',
        'LOCALHOST.',
        'Matchwise.Example.com',
      ]) {
        const response = await app.request('/api/health', { headers: { host } });
        expect([host, response.status]).toEqual([host, 200]);
      }
    });

    it('matches Origin against the host the request was addressed to, over http or https', async () => {
      const headers = {
        ...JSON_TYPE,
        host: 'matchwise.example.com',
        origin: 'https://matchwise.example.com',
      };
      expect((await postContact(headers)).status).toBe(201);
      await problemOf(await postContact({ ...headers, origin: 'https://other.example.com' }), 403);
    });

    it('will not listen on every interface without being told its names', async () => {
      await expect(
        startServer({
          host: '0.0.0.0',
          port: 0,
          database: { dataDir: MEMORY_DATA_DIR },
          logger: createLogger('silent'),
        }),
      ).rejects.toThrow(/MATCHWISE_ALLOWED_HOSTS/);
    });
  });

  describe('security headers', () => {
    const expectSecurityHeaders = (response: Response) => {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    };

    it('are on API answers, pages, files, errors and refusals alike', async () => {
      expectSecurityHeaders(await app.request('/api/health'));
      expectSecurityHeaders(await app.request('/'));
      expectSecurityHeaders(await app.request('/index.html'));
      expectSecurityHeaders(await app.request('/api/nope'));
      expectSecurityHeaders(await app.request('/api/health', { headers: { host: 'evil.example' } }));
      expectSecurityHeaders(await postContact({ origin: 'http://evil.example' }));
    });
  });

  describe('body size per endpoint (413)', () => {
    const bytes = (size: number) => JSON.stringify({ filename: 'big.csv', contentBase64: 'A'.repeat(size) });

    it('takes at most 1 MB on an ordinary endpoint, naming the limit', async () => {
      const problem = await problemOf(
        await postContact(
          JSON_TYPE,
          JSON.stringify({ name: 'x', role: 'faculty', notes: 'n'.repeat(1_100_000) }),
        ),
        413,
      );
      expect(problem.errors[0]?.message).toBe('POST /api/contacts takes at most 1 MB');
    });

    it('lets the file imports take a 2 MB file, and refuses one over 30 MB', async () => {
      const twoMb = await app.request('/api/imports/preview', {
        method: 'POST',
        headers: JSON_TYPE,
        body: bytes(2 * 1024 * 1024),
      });
      expect(twoMb.status).not.toBe(413);
      const problem = await problemOf(
        await app.request('/api/contacts/import/preview', {
          method: 'POST',
          headers: JSON_TYPE,
          body: bytes(31 * 1024 * 1024),
        }),
        413,
      );
      expect(problem.errors[0]?.message).toBe('POST /api/contacts/import/preview takes at most 30 MB');
    });
  });
});
