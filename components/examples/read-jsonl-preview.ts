import { readJsonlLines } from "@/lib/pipeline/jsonl";

/**
 * Reads the first `maxRecords` JSON lines of a stream and stops (cancels the rest), so a preview of a large
 * example costs a few KB, not the whole file. Works on web streams: a fetch body or the object store's stream.
 */
export async function readJsonlPreview(
  stream: ReadableStream<Uint8Array>,
  maxRecords: number,
  maxChars = 2_000_000,
): Promise<{ records: unknown[]; isTruncated: boolean }> {
  const records: unknown[] = [];
  let chars = 0;
  for await (const { text } of readJsonlLines(stream)) {
    // One line more than shown, or past the size budget: there is more than the preview holds.
    if (records.length >= maxRecords || chars >= maxChars) return { records, isTruncated: true };
    chars += text.length + 1;
    try {
      records.push(JSON.parse(text));
    } catch {
      records.push({ unparseable_line: text.slice(0, 500) });
    }
  }
  return { records, isTruncated: false };
}
