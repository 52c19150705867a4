import { AppError } from "@/lib/errors";
import { iterateStream } from "@/lib/pipeline/import/read-lines";

/**
 * A stored object's bytes as UTF-8 text, for protocols that carry a whole file in one message (MCP resources).
 * Refused past `maxBytes` instead of buffered without bound; `downloadHint` says where to stream it instead.
 */
export async function readCappedText(
  stream: ReadableStream<Uint8Array>,
  limits: { maxBytes: number; what: string; downloadHint: string },
): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of iterateStream(stream)) {
    size += chunk.byteLength;
    if (size > limits.maxBytes) {
      await stream.cancel().catch(() => undefined);
      throw new AppError({
        code: "payload_too_large",
        message: `${limits.what} is larger than ${limits.maxBytes / 1024 / 1024} MB; download it from ${limits.downloadHint}`,
      });
    }
    chunks.push(chunk);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
