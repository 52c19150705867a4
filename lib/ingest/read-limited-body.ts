import { AppError } from "@/lib/errors";

const formatBytes = (bytes: number) =>
  bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;

export const tooLarge = (limit: number, what = "The request body") =>
  new AppError({
    code: "payload_too_large",
    message: `${what} exceeds the limit of ${formatBytes(limit)} (${limit} bytes)`,
    extensions: { limit_bytes: limit },
  });

/** Refuses a body whose declared length is over the limit before reading a byte of it. */
export function refuseDeclaredOverLimit(request: Request, limit: number): void {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
}

/**
 * A body's chunks as they arrive, failing with 413 once more than `limit` bytes have passed: nothing past the
 * limit is read. Stopping early (a throw in the consumer's loop) cancels the stream.
 */
export async function* chunksWithinLimit(
  stream: ReadableStream<Uint8Array>,
  limit: number,
  what?: string,
): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.byteLength;
      if (total > limit) throw tooLarge(limit, what);
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * The request body, decompressed when `Content-Encoding: gzip`, as one byte array of at most `limit` bytes.
 * The decompressed size is counted while streaming, so a small gzip bomb is cut off at the limit instead of
 * being inflated in memory. Web APIs only (DecompressionStream), so it runs on the edge and in Node alike.
 */
export async function readLimitedBody(request: Request, limit: number): Promise<Uint8Array> {
  const encoding = (request.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (encoding !== "identity" && encoding !== "gzip") {
    throw new AppError({
      code: "unsupported_media_type",
      message: `Content-Encoding '${encoding}' is not supported; send identity or gzip`,
    });
  }
  refuseDeclaredOverLimit(request, limit);
  if (!request.body) return new Uint8Array(0);

  let stream: ReadableStream<Uint8Array> = request.body;
  if (encoding === "gzip")
    stream = stream.pipeThrough(
      new DecompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>,
    );
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    const what = encoding === "gzip" ? "The decompressed request body" : "The request body";
    for await (const chunk of chunksWithinLimit(stream, limit, what)) {
      total += chunk.byteLength;
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError({
      code: "bad_request",
      message:
        encoding === "gzip" ? "The gzip body is corrupt or truncated" : "The request body could not be read",
      cause: error,
    });
  }
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
