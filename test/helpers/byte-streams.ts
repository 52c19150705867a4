import { createHash } from "node:crypto";

export interface StreamGate {
  /** Stop producing once this many bytes have been handed out… */
  atByte: number;
  /** …until this reports true (polled every 20 ms), or fail the stream after `timeoutMs`. */
  until: () => Promise<boolean>;
  timeoutMs?: number;
}

/**
 * A pull-based stream of `totalBytes` pseudo-random bytes, produced only as the consumer reads (so nothing is
 * held in memory ahead of it), plus the SHA-256 of what it produced once it has ended.
 *
 * With a `gate` it proves the consumer streams: it withholds the rest of the body until the destination has
 * received part of it. A consumer that buffers the whole body before sending never lets the gate open.
 */
export function generatedStream(
  totalBytes: number,
  options: { chunkBytes?: number; gate?: StreamGate } = {},
) {
  const { chunkBytes = 256 * 1024, gate } = options;
  let gateOpen = !gate;
  const hash = createHash("sha256");
  let produced = 0;
  let seed = 0x9e3779b9;
  let digest: string | undefined;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (gate && !gateOpen && produced >= gate.atByte) {
          const deadline = Date.now() + (gate.timeoutMs ?? 10_000);
          while (!(await gate.until())) {
            if (Date.now() > deadline) {
              throw new Error(
                `destination received nothing after ${produced} bytes were produced: not streaming`,
              );
            }
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          gateOpen = true;
        }
        if (produced >= totalBytes) {
          digest = hash.digest("hex");
          controller.close();
          return;
        }
        const size = Math.min(chunkBytes, totalBytes - produced);
        const chunk = new Uint8Array(size);
        const words = new Uint32Array(chunk.buffer, 0, Math.floor(size / 4));
        for (let i = 0; i < words.length; i++) {
          seed ^= seed << 13;
          seed ^= seed >>> 17;
          seed ^= seed << 5;
          words[i] = seed >>> 0;
        }
        hash.update(chunk);
        produced += size;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return {
    stream,
    digest: () => {
      if (!digest) throw new Error("stream not fully consumed");
      return digest;
    },
  };
}

/** SHA-256 and length of a stream, read chunk by chunk. */
export async function hashStream(
  stream: ReadableStream<Uint8Array>,
): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
    bytes += value.byteLength;
  }
  return { sha256: hash.digest("hex"), bytes };
}
