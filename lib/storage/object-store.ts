/**
 * The one storage interface. Keys are slash-separated paths such as `sessions/<id>/recording.json`; the rules
 * (no `..`, no empty segments, ≤ 950 chars) are in `storage-key.ts` and both stores enforce them.
 * Implementations: local disk under the data folder (embedded default, served by an authenticated route) and
 * Vercel Blob (when BLOB_READ_WRITE_TOKEN is set).
 */
export interface StoredObject {
  key: string;
  size: number;
  uploadedAt: Date;
  contentType?: string;
}

export interface PutOptions {
  contentType?: string;
}

export interface ObjectStore {
  readonly kind: "local" | "vercel-blob";
  /** Writes the whole body; a stream is written without buffering it in memory. */
  put(
    key: string,
    body: ReadableStream<Uint8Array> | Uint8Array | string,
    options?: PutOptions,
  ): Promise<StoredObject>;
  /** The object's bytes as a stream, or undefined when there is no such object. */
  getStream(key: string): Promise<ReadableStream<Uint8Array> | undefined>;
  head(key: string): Promise<StoredObject | undefined>;
  delete(key: string): Promise<void>;
  /** Deletes every object whose key starts with `prefix`. */
  deletePrefix(prefix: string): Promise<void>;
  list(prefix: string): Promise<StoredObject[]>;
  /**
   * A URL the signed-in owner can download from: locally the authenticated route `/api/storage/<key>` (checks
   * that the caller owns the session/example); on Vercel Blob a presigned GET URL for this one key, valid 15
   * minutes (a bearer URL: hand it only to the owner).
   */
  downloadUrl(key: string): Promise<string>;
  /** Cheap reachability check for /v1/ready. */
  ping(): Promise<void>;
}
