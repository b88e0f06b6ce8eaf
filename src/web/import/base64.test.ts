import { describe, expect, it } from 'vitest';
import { bytesToBase64, readFileAsBase64 } from './base64.js';

describe('bytesToBase64', () => {
  it('encodes a CSV header the way the server will decode it', () => {
    const bytes = new TextEncoder().encode('acgmeId,name,city,state\n');
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('handles files larger than one chunk, with every byte value', () => {
    const bytes = new Uint8Array(100_000).map((_, index) => index % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('encodes an empty file as an empty string', () => {
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });
});

describe('readFileAsBase64', () => {
  it('reads a Blob, e.g. a chosen XLSX file', async () => {
    const blob = new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04])]);
    expect(await readFileAsBase64(blob)).toBe('UEsDBA==');
  });
});
