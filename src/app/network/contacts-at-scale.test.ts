import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupSchema } from '../../core/backup/index.js';
import { readContactsCsv, readVCards } from '../../core/network/import/index.js';
import type { Database } from '../../db/index.js';
import { describeEachEngine } from '../../db/testing/engines.js';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import { sendJson } from '../../server/testing/send-json.js';
import { exportBackup, restoreBackup } from '../backup/backup-service.js';
import { commitContactImport } from './network-service.js';

const NOW = new Date('2026-11-25T12:00:00Z');

/** A LinkedIn Connections.csv of `rows` distinct people, as LinkedIn writes it (preamble, CRLF). */
function connectionsCsv(rows: number, prefix: string): string {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `Ana${i},Lee-${prefix}${i},https://www.linkedin.com/in/${prefix}-${i},${prefix}.${i}@example.org,` +
        `"Hospital ${i % 700}, Family Medicine",Attending,15 Mar 2023`,
    );
  }
  return lines.join('\r\n');
}

const bytes = (text: string) => new TextEncoder().encode(text);

// Past 4,095 contacts a single INSERT of 16 columns a row passed PostgreSQL's 65,535-parameter limit.
describeEachEngine('a network of 50,000 contacts', (engine) => {
  let source: Database;
  let target: Database;

  beforeAll(async () => {
    source = await engine.open();
    target = await engine.open();
  }, 120_000);
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('imports a 50,000-row Connections.csv, exports every contact as vCard, CSV and backup, and restores it whole', async () => {
    const imported = await commitContactImport(source, {
      filename: 'Connections.csv',
      bytes: bytes(connectionsCsv(50_000, 'big')),
      now: NOW,
    });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.createdIds).toHaveLength(50_000);
    expect(imported.value.errors).toEqual([]);
    const stored = await source.contacts.list();
    expect(stored).toHaveLength(50_000);

    const app = createApp({ db: source, logger: createLogger('silent'), now: () => NOW });
    const vcf = await (await app.request('/api/contacts/export.vcf')).text();
    const cards = readVCards(vcf);
    if (!cards.ok) throw new Error(cards.error.message);
    expect(new Set(cards.value.contacts.map((card) => card.contact.linkedinUrl))).toEqual(
      new Set(stored.map((c) => c.linkedinUrl)),
    );
    const csv = await (await app.request('/api/contacts/export.csv')).text();
    const rows = readContactsCsv(csv);
    if (!rows.ok) throw new Error(rows.error.message);
    expect(rows.value.contacts).toHaveLength(50_000);
    expect(new Set(rows.value.contacts.map((r) => r.contact.email))).toEqual(
      new Set(stored.map((c) => c.email)),
    );

    const backup = await exportBackup(source, { now: () => NOW, appVersion: '0.1.0' });
    expect(backup.network.contacts).toHaveLength(50_000);
    // Through JSON and the schema, as a downloaded file comes back.
    const file = backupSchema.parse(JSON.parse(JSON.stringify(backup)));
    const restored = await restoreBackup(target, file);
    if (!restored.ok) throw new Error(JSON.stringify(restored.error.slice(0, 3)));
    expect(await target.contacts.list()).toEqual(stored);
  }, 600_000);

  describe('through the API', () => {
    it('imports a 5,000-row Connections.csv in one request', async () => {
      const app = createApp({ db: target, logger: createLogger('silent'), now: () => NOW });
      const response = await sendJson(app, 'POST', '/api/contacts/import', {
        filename: 'Connections.csv',
        contentBase64: Buffer.from(connectionsCsv(5_000, 'api')).toString('base64'),
      });
      expect(response.status).toBe(201);
      expect(((await response.json()) as { createdIds: string[] }).createdIds).toHaveLength(5_000);
    }, 120_000);
  });
});
