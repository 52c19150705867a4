/**
 * Reads the first `maxRecords` JSON lines of a stream and stops (cancels the rest), so a preview of a large
 * example costs a few KB, not the whole file. Works on web streams: a fetch body or the object store's stream.
 */
export async function readJsonlPreview(
  stream: ReadableStream<Uint8Array>,
  maxRecords: number,
  maxBytes = 2_000_000,
): Promise<{ records: unknown[]; isTruncated: boolean }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const records: unknown[] = [];
  let buffer = "";
  let bytes = 0;
  let isDone = false;
  const take = (line: string) => {
    if (!line.trim()) return;
    try {
      records.push(JSON.parse(line));
    } catch {
      records.push({ unparseable_line: line.slice(0, 500) });
    }
  };
  try {
    while (records.length < maxRecords && bytes < maxBytes) {
      const { value, done } = await reader.read();
      if (done) {
        isDone = true;
        break;
      }
      bytes += value.byteLength;
      buffer += decoder.decode(value, { stream: true });
      let newline = buffer.indexOf("\n");
      while (newline >= 0 && records.length < maxRecords) {
        take(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf("\n");
      }
    }
    if (isDone && records.length < maxRecords) {
      take(buffer + decoder.decode());
      buffer = "";
    }
  } finally {
    if (!isDone) await reader.cancel().catch(() => undefined);
  }
  return { records, isTruncated: !isDone || buffer.trim().length > 0 };
}
