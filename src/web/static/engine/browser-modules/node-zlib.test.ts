import { deflateRawSync, inflateRawSync as nodeInflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateRawSync } from './node-zlib.js';

describe('inflateRawSync in the browser edition (the .xlsx ZIP check’s proof of each part’s size)', () => {
  const text = new TextEncoder().encode('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(2_000));
  const deflated = deflateRawSync(text);

  it('inflates as Node does', () => {
    expect(Buffer.from(inflateRawSync(deflated, { maxOutputLength: text.length }))).toEqual(
      nodeInflateRawSync(deflated),
    );
  });

  it('stops as soon as the output passes the ceiling, as a zip bomb’s would', () => {
    expect(() => inflateRawSync(deflated, { maxOutputLength: 1_000 })).toThrow(/more than 1000 bytes/);
    expect(() => nodeInflateRawSync(deflated, { maxOutputLength: 1_000 })).toThrow();
  });

  it('refuses bytes that are not deflate data', () => {
    expect(() => inflateRawSync(new Uint8Array([0xff, 0xff, 0xff, 0xff]))).toThrow();
  });
});
