import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Utf8ChunkDecoder } from "./utf8-chunk-decoder";

/** Bytes that stress a UTF-8 decoder: BOM, every lead-byte class, continuations, and invalid bytes. */
const trickyByte = fc.oneof(
  fc.integer({ min: 0, max: 255 }),
  fc.constantFrom(0x41, 0x0a, 0xef, 0xbb, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xf0, 0xf4, 0xf5, 0xff),
  fc.constantFrom(0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf),
);

const bytesArbitrary = fc.oneof(
  fc.array(trickyByte, { maxLength: 40 }).map((bytes) => Uint8Array.from(bytes)),
  fc.string({ unit: "binary", maxLength: 20 }).map((text) => new TextEncoder().encode(`\uFEFF${text}`)),
  fc.string({ unit: "binary", maxLength: 30 }).map((text) => new TextEncoder().encode(text)),
);

function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.slice(start, point));
    start = point;
  }
  return chunks;
}

/** The reference: one streaming TextDecoder, per chunk, then the flush. */
function streamingReference(chunks: Uint8Array[]): string[] {
  const decoder = new TextDecoder("utf-8");
  return [...chunks.map((chunk) => decoder.decode(chunk, { stream: true })), decoder.decode()];
}

function chunkDecoded(chunks: Uint8Array[]): string[] {
  const decoder = new Utf8ChunkDecoder();
  return [...chunks.map((chunk) => decoder.decode(chunk)), decoder.end()];
}

describe("Utf8ChunkDecoder", () => {
  it("gives a streaming TextDecoder's output for every chunk, on any bytes and chunking (property)", () => {
    fc.assert(
      fc.property(bytesArbitrary, fc.array(fc.nat(), { maxLength: 8 }), (bytes, cuts) => {
        const chunks = split(bytes, cuts);
        expect(chunkDecoded(chunks)).toEqual(streamingReference(chunks));
      }),
      { numRuns: 20_000 },
    );
  });

  it("holds back split characters and drops only the first byte order mark", () => {
    const bytes = new TextEncoder().encode("\uFEFFé😀\uFEFFx");
    const oneByOne = split(bytes, [...bytes.keys()]);
    expect(chunkDecoded(oneByOne).join("")).toBe("é😀\uFEFFx");
    expect(chunkDecoded(oneByOne)).toEqual(streamingReference(oneByOne));
    expect(chunkDecoded([Uint8Array.of(0xf0, 0x9f)])).toEqual(["", "\uFFFD"]);
    expect(chunkDecoded([Uint8Array.of(0xed, 0xa0), Uint8Array.of(0x80)])).toEqual([
      "\uFFFD\uFFFD",
      "\uFFFD",
      "",
    ]);
  });
});
