// Until lib/pipeline/import/detect-format.ts (importers) lands on main, this small detector follows its
// signature: `detectRecordingFormat(head, fileName?) → RecordingFormat | undefined`, over the first bytes of a
// file. Gzip heads are inflated with DecompressionStream, hence async here.

export type RecordingFormat =
  | "native"
  | "rrweb"
  | "devtools-recorder"
  | "chrome-trace"
  | "playwright-codegen";

export const DETECT_HEAD_BYTES = 64 * 1024;

const isGzip = (head: Uint8Array) => head[0] === 0x1f && head[1] === 0x8b;

async function gunzipHead(head: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([head as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"));
  const reader = stream.getReader();
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
    // A head is a truncated gzip stream by nature: keep what inflated before the end.
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

export function detectFromText(text: string): RecordingFormat | undefined {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{")) {
    if (/^\{\s*"traceEvents"\s*:/.test(trimmed) || /"(ph|cat)"\s*:\s*"/.test(trimmed.slice(0, 4096))) {
      return /^\{\s*"traceEvents"/.test(trimmed) || /"ph"\s*:/.test(trimmed.slice(0, 4096))
        ? "chrome-trace"
        : undefined;
    }
    if (/^\{\s*"title"\s*:/.test(trimmed) && /"steps"\s*:/.test(trimmed)) return "devtools-recorder";
    if (/"steps"\s*:\s*\[/.test(trimmed.slice(0, 4096))) return "devtools-recorder";
    // NDJSON of native events: each line an object with a timestamp and a type.
    const firstLine = trimmed.split("\n", 1)[0] ?? "";
    if (/"type"\s*:/.test(firstLine) && /"timestamp"\s*:/.test(firstLine)) return "native";
    if (/"type"\s*:\s*\d/.test(firstLine) && /"timestamp"\s*:/.test(firstLine)) return "rrweb";
    return undefined;
  }
  if (trimmed.startsWith("[")) {
    const sample = trimmed.slice(0, 4096);
    if (/"type"\s*:\s*\d+/.test(sample) && /"timestamp"\s*:/.test(sample)) return "rrweb";
    if (/"ph"\s*:\s*"/.test(sample)) return "chrome-trace";
    if (/"type"\s*:\s*"/.test(sample) && /"timestamp"\s*:/.test(sample)) return "native";
  }
  return undefined;
}

export async function detectRecordingFormat(
  head: Uint8Array,
  _fileName?: string,
): Promise<RecordingFormat | undefined> {
  const bytes = isGzip(head) ? await gunzipHead(head) : head;
  return detectFromText(new TextDecoder().decode(bytes.subarray(0, DETECT_HEAD_BYTES)));
}
