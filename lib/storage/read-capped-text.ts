import { AppError } from "@/lib/errors";
import { chunksWithinLimit } from "@/lib/ingest/read-limited-body";

/**
 * A stored object's bytes as UTF-8 text, for protocols that carry a whole file in one message (MCP resources).
 * Refused past `maxBytes` instead of buffered without bound; `downloadHint` says where to stream it instead.
 */
export async function readCappedText(
  stream: ReadableStream<Uint8Array>,
  limits: { maxBytes: number; what: string; downloadHint: string },
): Promise<string> {
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of chunksWithinLimit(stream, limits.maxBytes)) chunks.push(chunk);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "payload_too_large")) throw error;
    throw new AppError({
      code: "payload_too_large",
      message: `${limits.what} is larger than ${limits.maxBytes / 1024 / 1024} MB; download it from ${limits.downloadHint}`,
    });
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
