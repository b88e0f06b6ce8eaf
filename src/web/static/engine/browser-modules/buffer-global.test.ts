import { describe, expect, it } from 'vitest';
import { base64ToBytes } from './buffer-global.js';

describe('the browser edition’s base64 decoding for uploaded files', () => {
  it('gives the bytes Node’s Buffer gives for a UTF-8 CSV with a byte-order mark', () => {
    const csv =
      '\uFEFFACGME ID,Program Name,City,State\n1201200001,Riverside Family Medicine,Peoria,IL\nx,Zürich é,ß,NY\n';
    const base64 = Buffer.from(csv, 'utf8').toString('base64');
    expect(base64ToBytes(base64)).toEqual(new Uint8Array(Buffer.from(base64, 'base64')));
  });
});
