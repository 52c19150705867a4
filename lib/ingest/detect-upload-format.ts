import {
  DETECT_HEAD_BYTES,
  detectRecordingFormat as detectFromHead,
  isGzip,
  type RecordingFormat,
} from "@/lib/pipeline/import/detect-format";

// Upload-side detection over the first bytes of a file: the importers' detector, after inflating a gzip head
// with DecompressionStream (Web APIs only), since a head is all an upload handler holds.

export { DETECT_HEAD_BYTES, type RecordingFormat };

async function gunzipHead(head: Uint8Array): Promise<Uint8Array> {
  const reader = new Blob([head as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>)
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    while (total < DETECT_HEAD_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.byteLength;
    }
  } catch {
    // A head is a truncated gzip stream by nature: keep what inflated before the cut.
  }
  await reader.cancel().catch(() => undefined);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export async function detectRecordingFormat(
  head: Uint8Array,
  fileName?: string,
): Promise<RecordingFormat | undefined> {
  const bytes = isGzip(head) ? await gunzipHead(head) : head;
  return detectFromHead(bytes.subarray(0, DETECT_HEAD_BYTES), fileName?.replace(/\.gz$/i, ""));
}
