import { decodeText, readLines } from "./import/read-lines";

// JSON Lines (one JSON value per line, `\n`-terminated, no pretty-printing): the one writer and the one reader.
// Line splitting and UTF-8 decoding are the importers' (import/read-lines.ts), which never hold more than a line
// and a chunk.

const encoder = new TextEncoder();

export function writeJsonl(records: Iterable<unknown>): string {
  let out = "";
  for (const record of records) out += `${JSON.stringify(record)}\n`;
  return out;
}

export interface StreamJsonlOptions {
  /**
   * Lines are gathered into chunks of about this many characters: for bulk writes (artifacts), one chunk per
   * record would make the stream the bottleneck. 0 (the default) sends each record as it comes, for responses a
   * client renders progressively.
   */
  chunkChars?: number;
  /** Called once the last record is out, with how many records and bytes were written. */
  onEnd?: (written: { count: number; bytes: number }) => void;
}

/** The same as a byte stream, pulled record by record, for large outputs and HTTP responses. */
export function streamJsonl(
  records: AsyncIterable<unknown> | Iterable<unknown>,
  options: StreamJsonlOptions = {},
): ReadableStream<Uint8Array> {
  const chunkChars = options.chunkChars ?? 0;
  const iterator =
    Symbol.asyncIterator in records
      ? (records as AsyncIterable<unknown>)[Symbol.asyncIterator]()
      : (records as Iterable<unknown>)[Symbol.iterator]();
  let count = 0;
  let bytes = 0;
  const enqueue = (controller: ReadableStreamDefaultController<Uint8Array>, text: string) => {
    const data = encoder.encode(text);
    bytes += data.byteLength;
    controller.enqueue(data);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk = "";
      do {
        const next = await iterator.next();
        if (next.done) {
          if (chunk) enqueue(controller, chunk);
          controller.close();
          options.onEnd?.({ count, bytes });
          return;
        }
        chunk += `${JSON.stringify(next.value)}\n`;
        count += 1;
      } while (chunk.length < chunkChars);
      enqueue(controller, chunk);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/**
 * The non-blank lines of a UTF-8 byte stream with their 1-based line numbers. Stopping early (one page of a
 * timeline, a preview) cancels the stream instead of reading it to the end.
 */
export async function* readJsonlLines(
  stream: ReadableStream<Uint8Array>,
): AsyncGenerator<{ line: number; text: string }> {
  for await (const batch of readLines(decodeText(stream))) {
    for (let i = 0; i < batch.texts.length; i++) {
      const text = batch.texts[i] ?? "";
      if (text.trim()) yield { line: batch.first + i, text };
    }
  }
}
