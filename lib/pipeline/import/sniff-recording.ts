import { DETECT_HEAD_BYTES, detectRecordingFormat, isGzip, type RecordingFormat } from "./detect-format";

export interface SniffedRecording {
  /** Detected format, or undefined when the file is not a supported recording. */
  format: RecordingFormat | undefined;
  /** Whether the input was gzip-compressed (`stream` is then already decompressed). */
  gzip: boolean;
  /** The whole (decompressed) recording, head included. */
  stream: ReadableStream<Uint8Array>;
}

/** Reads up to `limit` bytes from the reader without losing them: returns them with the reader positioned after. */
async function readHead(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  limit: number,
): Promise<{ chunks: Uint8Array[]; isDone: boolean }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) return { chunks, isDone: true };
    chunks.push(value);
    size += value.byteLength;
  }
  return { chunks, isDone: false };
}

function concat(chunks: Uint8Array[], limit: number): Uint8Array {
  const size = Math.min(
    limit,
    chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0),
  );
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    if (offset >= size) break;
    const part = chunk.subarray(0, size - offset);
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** Re-attaches already read chunks in front of the rest of a reader. */
function withHead(
  chunks: Uint8Array[],
  reader: ReadableStreamDefaultReader<Uint8Array>,
  isDone: boolean,
): ReadableStream<Uint8Array> {
  let pending = [...chunks];
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = pending.shift();
      if (next) {
        controller.enqueue(next);
        return;
      }
      if (isDone) {
        controller.close();
        return;
      }
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel(reason) {
      pending = [];
      await reader.cancel(reason);
    },
  });
}

/**
 * Detects the format of a recording stream, transparently decompressing gzip (Web `DecompressionStream`).
 * Only the first few KB are read ahead; the returned stream replays them.
 */
export async function sniffRecording(
  input: ReadableStream<Uint8Array>,
  fileName?: string,
): Promise<SniffedRecording> {
  const rawReader = input.getReader();
  const raw = await readHead(rawReader, 2);
  const rawStream = withHead(raw.chunks, rawReader, raw.isDone);
  const gzip = isGzip(concat(raw.chunks, 2));
  const plain = gzip
    ? rawStream.pipeThrough(
        new DecompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>,
      )
    : rawStream;
  const reader = plain.getReader();
  const head = await readHead(reader, DETECT_HEAD_BYTES).catch(() => ({ chunks: [], isDone: true }));
  const format = detectRecordingFormat(
    concat(head.chunks, DETECT_HEAD_BYTES),
    fileName?.replace(/\.gz$/i, ""),
  );
  return { format, gzip, stream: withHead(head.chunks, reader, head.isDone) };
}
