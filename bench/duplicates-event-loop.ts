/**
 * `npx tsx bench/duplicates-event-loop.ts`: the event loop's delay while GET /api/contacts/duplicates answers over 10,000
 * contacts, a third of them near-identical at one employer (the case that stalled the server before the answer was
 * capped at 500 pairs). Prints the pairs found, the wall time and the loop's max and p99 delay.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDatabase } from '../src/db/index.js';
import { createApp } from '../src/server/app.js';
import { createLogger } from '../src/server/logger.js';
import { sendJson } from '../src/server/testing/send-json.js';

const db = await openDatabase({ dataDir: 'memory://' });
const app = createApp({ db, logger: createLogger('silent') });
const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
// 10,000 people, a third near-identical at one employer (the bench's worst case), the rest over 50 employers.
for (let i = 0; i < 10000; i++)
  lines.push(
    i < 3500
      ? `Bench,Contact ${i},,,"Riverside Health",Attending,15 Mar 2023`
      : `Ana${i},Lee${i},,a${i}@x.org,"Hospital ${i % 50}",Attending,15 Mar 2023`,
  );
const r = await sendJson(app, 'POST', '/api/contacts/import', {
  filename: 'Connections.csv',
  contentBase64: Buffer.from(lines.join('\n')).toString('base64'),
});
console.log('import', r.status);
const h = monitorEventLoopDelay({ resolution: 10 });
h.enable();
const t = performance.now();
const res = await sendJson(app, 'GET', '/api/contacts/duplicates');
const body = (await res.json()) as { items: unknown[]; total: number; truncated: boolean };
h.disable();
console.log(
  'duplicates',
  res.status,
  'items',
  body.items.length,
  'total',
  body.total,
  'ms',
  (performance.now() - t).toFixed(0),
  'event-loop max delay ms',
  (h.max / 1e6).toFixed(0),
  'p99',
  (h.percentile(99) / 1e6).toFixed(0),
);
await db.close();
