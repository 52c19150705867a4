/**
 * Streaming UTF-8 decoding with the output of `new TextDecoder("utf-8").decode(chunk, { stream: true })`, chunk
 * for chunk, but through one-shot `decode()` calls.
 *
 * Why: Node's TextDecoder has a SIMD fast path only for one-shot decoding; the first `{ stream: true }` call
 * switches a decoder to the ICU converter for good, which is about half as fast (a sixth of a native import's CPU
 * went to decoding). A streaming decoder only differs from one-shot decoding in what it holds back at the end of a
 * chunk — a valid but incomplete sequence — and in dropping a byte order mark once, at the start of the stream.
 * Both are done here; utf8-chunk-decoder.test.ts compares the two on random bytes and chunkings.
 */
export class Utf8ChunkDecoder {
  // ignoreBOM: a one-shot decode would otherwise drop a BOM at the start of every chunk.
  private readonly decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  private carry: Uint8Array | undefined;
  private isStart = true;

  /** Text of `chunk`, holding back an incomplete sequence at its end for the next call. */
  decode(chunk: Uint8Array): string {
    let bytes = chunk;
    if (this.carry) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
      this.carry = undefined;
    }
    const held = incompleteTailLength(bytes);
    if (held > 0) {
      this.carry = bytes.slice(bytes.length - held);
      bytes = bytes.subarray(0, bytes.length - held);
    }
    return this.output(bytes.length > 0 ? this.decoder.decode(bytes) : "");
  }

  /** Text of what is still held back at the end of the stream (an incomplete sequence becomes U+FFFD). */
  end(): string {
    const carry = this.carry;
    this.carry = undefined;
    return this.output(carry ? this.decoder.decode(carry) : "");
  }

  private output(text: string): string {
    if (!this.isStart || text.length === 0) return text;
    this.isStart = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

/** Bytes allowed right after a lead byte (WHATWG Encoding, UTF-8 decoder); later continuations are 80–BF. */
function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * How many bytes at the end of `bytes` (0–3) form a valid but incomplete UTF-8 sequence — what a streaming
 * decoder keeps for the next chunk. Invalid bytes are not held: both decoders replace them at once.
 */
export function incompleteTailLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const byte = bytes[n - back] as number;
    if (byte < 0x80) return 0;
    if (byte < 0xc0) continue;
    const length = sequenceLength(byte);
    if (length === 0 || back >= length) return 0;
    for (let k = 1; k < back; k++) {
      const next = bytes[n - back + k] as number;
      const [low, high] = k === 1 ? secondByteRange(byte) : [0x80, 0xbf];
      if (next < low || next > high) return 0;
    }
    return back;
  }
  return 0;
}
