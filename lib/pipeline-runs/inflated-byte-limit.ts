import { getEnv } from "@/lib/env";
import { ImportLimitError } from "@/lib/pipeline/import/import-issue";

/**
 * How far one uploaded file may inflate: the configured absolute cap, and for a file of known size the ratio cap
 * (a gzip bomb inflates ~1000×; real recordings 5–30×). The importer counts inflated bytes as they stream and
 * stops at the cap, so a bomb costs at most this much work, never its full size.
 */
export function inflatedByteLimit(storedBytes: number | undefined, env = getEnv()): number {
  const absolute = env.TRACEPIPE_MAX_INFLATED_BYTES;
  if (!storedBytes) return absolute;
  return Math.min(absolute, Math.max(storedBytes, 64 * 1024) * env.TRACEPIPE_MAX_INFLATE_RATIO);
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The error a person reads on the failed session: which file, which cap, what to do. */
export function inflationLimitError(
  fileName: string,
  storedBytes: number | undefined,
  error: ImportLimitError,
): ImportLimitError {
  if (error.limit !== "maxBytes") return error;
  const env = getEnv();
  const maxBytes = error.value;
  return new ImportLimitError(
    "maxBytes",
    maxBytes,
    `${fileName} inflates to more than ${megabytes(maxBytes)} (${maxBytes} bytes${storedBytes ? `, over ${env.TRACEPIPE_MAX_INFLATE_RATIO}× its ${megabytes(storedBytes)} upload or the ${megabytes(env.TRACEPIPE_MAX_INFLATED_BYTES)} cap` : ""}): refused as a possible decompression bomb. Split the recording into smaller files.`,
  );
}
