import { readJsonlLines, streamJsonl } from "@/lib/pipeline/jsonl";
import { getObjectStore } from "@/lib/storage/get-object-store";

// JSONL artifacts in object storage, written and read as streams so that a stage never holds a whole layer's
// serialized form in memory.

/** ~64 KB chunks: one chunk per record would make the stream the bottleneck. */
const ARTIFACT_CHUNK_CHARS = 65_536;

export async function writeJsonlArtifact(
  key: string,
  records: AsyncIterable<unknown> | Iterable<unknown>,
): Promise<{ key: string; count: number; bytes: number }> {
  const store = await getObjectStore();
  let written = { count: 0, bytes: 0 };
  const stream = streamJsonl(records, {
    chunkChars: ARTIFACT_CHUNK_CHARS,
    onEnd: (totals) => {
      written = totals;
    },
  });
  await store.put(key, stream, { contentType: "application/x-ndjson" });
  return { key, ...written };
}

/** The artifact's stream; throws when it is missing, because a later stage cannot run without it. */
export async function getArtifactStream(key: string): Promise<ReadableStream<Uint8Array>> {
  const stream = await (await getObjectStore()).getStream(key);
  if (!stream) throw new Error(`Pipeline artifact ${key} is missing`);
  return stream;
}

export async function* readJsonlArtifact<T>(key: string): AsyncGenerator<T> {
  for await (const { text } of readJsonlLines(await getArtifactStream(key))) yield JSON.parse(text) as T;
}

export async function collectJsonlArtifact<T>(key: string): Promise<T[]> {
  const out: T[] = [];
  for await (const record of readJsonlArtifact<T>(key)) out.push(record);
  return out;
}
