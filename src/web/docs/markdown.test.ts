import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../tests/support/paths.js';
import { resolveDocLink } from './documents.js';
import { parseInline, parseMarkdown, slug } from './markdown.js';

describe('the documents reader', () => {
  it('reads headings, paragraphs, lists, tables and code, and skips HTML comments', () => {
    const blocks = parseMarkdown(
      [
        '<!-- generated: do not edit -->',
        '# Title',
        '',
        'A **bold** claim with `code` and a [link](network-playbook.md#circles).',
        'It goes on.',
        '',
        '- one',
        '  continued',
        '- two',
        '',
        '| A | B |',
        '| --- | --- |',
        '| 1 | 2 |',
        '',
        '```',
        'x = 1',
        '```',
      ].join('\n'),
    );
    expect(blocks.map((block) => block.kind)).toEqual(['heading', 'paragraph', 'list', 'table', 'code']);
    expect(blocks[1]).toMatchObject({
      children: [
        { kind: 'text', text: 'A ' },
        { kind: 'strong' },
        { kind: 'text', text: ' claim with ' },
        { kind: 'code', text: 'code' },
        { kind: 'text', text: ' and a ' },
        { kind: 'link', href: 'network-playbook.md#circles' },
        { kind: 'text', text: '. It goes on.' },
      ],
    });
    expect(blocks[2]).toMatchObject({
      kind: 'list',
      items: [[{ text: 'one continued' }], [{ text: 'two' }]],
    });
    expect(blocks[3]).toMatchObject({ kind: 'table', rows: [[[{ text: '1' }], [{ text: '2' }]]] });
  });

  it('makes GitHub-style heading ids and keeps snake_case words whole', () => {
    expect(slug('Relationship strength (0–100)')).toBe('relationship-strength-0100');
    expect(parseInline('a_b_c')).toEqual([{ kind: 'text', text: 'a_b_c' }]);
  });

  it('links served documents inside the app and leaves repository files as text', () => {
    expect(resolveDocLink('docs/model-card.md#limits')).toEqual({ to: '/docs/model-card#limits' });
    expect(resolveDocLink('network-playbook.md')).toEqual({ to: '/docs/network-playbook' });
    expect(resolveDocLink('api.md')).toBeNull();
    expect(resolveDocLink('https://www.nrmp.org/')).toEqual({ external: 'https://www.nrmp.org/' });
  });

  it('reads the real model card: every table row has as many cells as its header', () => {
    const card = readFileSync(path.join(repoRoot, 'docs', 'model-card.md'), 'utf8');
    const tables = parseMarkdown(card).filter((block) => block.kind === 'table');
    expect(tables.length).toBeGreaterThan(2);
    for (const table of tables) for (const row of table.rows) expect(row).toHaveLength(table.head.length);
  });
});
