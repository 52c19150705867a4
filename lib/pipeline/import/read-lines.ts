import { Utf8ChunkDecoder } from "./utf8-chunk-decoder";

/** Consecutive lines of a file: `texts[i]` is line `first + i` (1-based), without its LF or CRLF. */
export interface LineBatch {
  first: number;
  texts: string[];
}

export interface ReadLinesOptions {
  /** Longer lines are skipped (reported through `onTooLong`) instead of being buffered without bound. */
  maxLineChars?: number;
  onTooLong?: (line: number) => void;
}

const DEFAULT_MAX_LINE_CHARS = 32 * 1024 * 1024;
const CR = 13;

/**
 * Splits a text stream into lines (LF or CRLF), never holding more than one line plus one chunk. Yields the
 * lines of each chunk as one batch: per-line async iteration costs more than parsing a short line. A batch's
 * lines are consecutive (only the remainder of a skipped over-long line, which starts a chunk, is left out), so
 * it carries the first line number and plain strings rather than an object per line.
 */
export async function* readLines(
  text: AsyncIterable<string>,
  options: ReadLinesOptions = {},
): AsyncGenerator<LineBatch> {
  const maxLineChars = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS;
  let carry = "";
  let lineNumber = 0;
  let isSkipping = false;
  for await (const chunk of text) {
    const texts: string[] = [];
    let first = 0;
    let start = 0;
    let newline = chunk.indexOf("\n");
    while (newline !== -1) {
      lineNumber++;
      if (isSkipping) {
        isSkipping = false;
      } else {
        if (texts.length === 0) first = lineNumber;
        if (carry.length === 0) {
          const end = newline > start && chunk.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
          texts.push(chunk.slice(start, end));
        } else {
          const full = carry + chunk.slice(start, newline);
          texts.push(full.endsWith("\r") ? full.slice(0, -1) : full);
        }
      }
      carry = "";
      start = newline + 1;
      newline = chunk.indexOf("\n", start);
    }
    if (texts.length > 0) yield { first, texts };
    if (isSkipping) continue;
    carry += chunk.slice(start);
    if (carry.length > maxLineChars) {
      options.onTooLong?.(lineNumber + 1);
      carry = "";
      isSkipping = true;
    }
  }
  if (!isSkipping && carry.length > 0) {
    yield { first: lineNumber + 1, texts: [carry.endsWith("\r") ? carry.slice(0, -1) : carry] };
  }
}

/**
 * Text pieces of at most this many bytes. Every stage holds one piece's worth of lines, parsed records and events
 * at a time; with megabyte reads (files, the bench) that was thousands of live objects per step, copied by each
 * young-generation GC — a third of the CPU. 64 KB keeps them short-lived and costs one async step per piece.
 */
const PIECE_BYTES = 64 * 1024;

/**
 * Decodes UTF-8 bytes to text pieces, exactly as a streaming `TextDecoder` would (see utf8-chunk-decoder.ts for
 * why not one). Malformed bytes become U+FFFD; a leading byte order mark is dropped.
 */
export async function* decodeText(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new Utf8ChunkDecoder();
  for await (const chunk of iterateStream(stream)) {
    for (let start = 0; start < chunk.length; start += PIECE_BYTES) {
      const text = decoder.decode(
        start === 0 && chunk.length <= PIECE_BYTES ? chunk : chunk.subarray(start, start + PIECE_BYTES),
      );
      if (text.length > 0) yield text;
    }
  }
  const tail = decoder.end();
  if (tail.length > 0) yield tail;
}

/** Async iteration over a Web stream without relying on `ReadableStream[Symbol.asyncIterator]` (absent in some runtimes). */
export async function* iterateStream<T>(stream: ReadableStream<T>): AsyncGenerator<T> {
  const reader = stream.getReader();
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Cancelling (not just releasing) stops the producer when the consumer stops early.
    await reader.cancel().catch(() => undefined);
  }
}
