import { getObjectStore } from "@/lib/storage/get-object-store";

/**
 * JSONL artifacts in object storage, written and read as streams so that a stage never holds a whole layer's
 * serialized form in memory. Each line is one JSON value.
 */

const encoder = new TextEncoder();

/** Batches lines into ~64 KB chunks: one chunk per record would make the stream the bottleneck. */
function toJsonlStream(records: AsyncIterable<unknown> | Iterable<unknown>): {
  stream: ReadableStream<Uint8Array>;
  result: Promise<{ count: number; bytes: number }>;
} {
  let count = 0;
  let bytes = 0;
  let resolve!: (value: { count: number; bytes: number }) => void;
  let reject!: (error: unknown) => void;
  const result = new Promise<{ count: number; bytes: number }>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const iterator =
    Symbol.asyncIterator in records
      ? (records as AsyncIterable<unknown>)[Symbol.asyncIterator]()
      : (records as Iterable<unknown>)[Symbol.iterator]();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        let chunk = "";
        while (chunk.length < 65_536) {
          const next = await iterator.next();
          if (next.done) {
            if (chunk) enqueue(controller, chunk);
            controller.close();
            resolve({ count, bytes });
            return;
          }
          chunk += `${JSON.stringify(next.value)}\n`;
          count += 1;
        }
        enqueue(controller, chunk);
      } catch (error) {
        reject(error);
        controller.error(error);
      }
    },
  });
  const enqueue = (controller: ReadableStreamDefaultController<Uint8Array>, text: string) => {
    const data = encoder.encode(text);
    bytes += data.byteLength;
    controller.enqueue(data);
  };
  return { stream, result };
}

export async function writeJsonlArtifact(
  key: string,
  records: AsyncIterable<unknown> | Iterable<unknown>,
): Promise<{ key: string; count: number; bytes: number }> {
  const store = await getObjectStore();
  const { stream, result } = toJsonlStream(records);
  // A failing source rejects `result` and errors the stream; the put reports it, so `result` must not also
  // surface as an unhandled rejection (which would end the process).
  result.catch(() => undefined);
  await store.put(key, stream, { contentType: "application/x-ndjson" });
  return { key, ...(await result) };
}

/** Lines of a stored byte stream, decoded as UTF-8 across chunk boundaries. */
export async function* readLines(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffered = "";
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      let newline = buffered.indexOf("\n");
      while (newline >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line.trim()) yield line;
        newline = buffered.indexOf("\n");
      }
    }
    buffered += decoder.decode();
    if (buffered.trim()) yield buffered;
  } finally {
    // A reader that stops early (one page of a timeline) releases the file instead of reading it to the end.
    await reader.cancel().catch(() => undefined);
  }
}

/** The artifact's records; throws when it is missing, because a later stage cannot run without it. */
export async function* readJsonlArtifact<T>(key: string): AsyncGenerator<T> {
  const store = await getObjectStore();
  const stream = await store.getStream(key);
  if (!stream) throw new Error(`Pipeline artifact ${key} is missing`);
  for await (const line of readLines(stream)) yield JSON.parse(line) as T;
}

export async function collectJsonlArtifact<T>(key: string): Promise<T[]> {
  const out: T[] = [];
  for await (const record of readJsonlArtifact<T>(key)) out.push(record);
  return out;
}
