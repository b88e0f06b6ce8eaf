// pako 1.x ships no types; these are the parts node-zlib.ts uses.
declare module 'pako' {
  export class Inflate {
    constructor(options?: { raw?: boolean; chunkSize?: number });
    onData: (chunk: Uint8Array) => void;
    push(data: Uint8Array, final: boolean): boolean;
    readonly err: number;
    readonly msg: string;
  }
  const pako: { Inflate: typeof Inflate };
  export default pako;
}
