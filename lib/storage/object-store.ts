/**
 * The one storage interface. Keys are slash-separated paths such as `sessions/<id>/recording.json`.
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
  /** A URL the signed-in owner can download from: a served route locally, a signed/blob URL on Vercel. */
  downloadUrl(key: string): Promise<string>;
  /** Cheap reachability check for /v1/ready. */
  ping(): Promise<void>;
}
