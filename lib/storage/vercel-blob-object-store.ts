import { BlobNotFoundError, del, head, issueSignedToken, list, presignUrl, put } from "@vercel/blob";
import { notFound } from "@/lib/errors";
import type { ObjectStore, PutOptions, StoredObject } from "./object-store";
import { assertValidKey, assertValidPrefix, compareKeys } from "./storage-key";

/** How long a download URL handed to a browser stays valid. */
const DOWNLOAD_URL_TTL_MS = 15 * 60 * 1000;
const PING_TIMEOUT_MS = 5000;
/** Keys per `del` call; the API takes an array of URLs, kept modest so one request stays small. */
const DELETE_BATCH = 100;

/**
 * Vercel Blob, selected when BLOB_READ_WRITE_TOKEN is set. The SDK sends control-plane calls (put, head,
 * list, del, signed tokens) to `VERCEL_BLOB_API_URL` when that is set (it reads it from the environment on
 * every call), which is how tests point it at `test/fakes/vercel-blob-server.ts`.
 *
 * Blobs are **private**: recordings and generated examples are customer data, and a public blob is readable
 * by anyone who learns its URL, forever. Private blobs need the read-write token to read; browsers get a
 * short-lived presigned URL scoped to one pathname and the `get` operation instead.
 *
 * Reads go through `head()` and then fetch the blob URL the API reports, with the token, rather than the SDK's
 * `get()`: `get()` builds `https://<store>.private.blob.vercel-storage.com/…` itself and refuses any other
 * host, so it could not be pointed at a local fake. In production the reported URL is that same URL.
 */
export class VercelBlobObjectStore implements ObjectStore {
  readonly kind = "vercel-blob" as const;

  constructor(
    private readonly token: string,
    private readonly pingTimeoutMs = PING_TIMEOUT_MS,
  ) {}

  async put(key: string, body: ReadableStream<Uint8Array> | Uint8Array | string, options?: PutOptions) {
    assertValidKey(key);
    // A single streaming PUT: the body is piped to the API as it is read (the SDK passes the stream to fetch
    // with duplex "half"), so memory stays at a few chunks. The SDK's multipart mode would instead hold up
    // to 128 MB of 8 MB parts in memory.
    // The SDK's body type lists Buffer, not Uint8Array; this is a view over the same memory, not a copy.
    const payload =
      body instanceof Uint8Array ? Buffer.from(body.buffer, body.byteOffset, body.byteLength) : body;
    const result = await put(key, payload, {
      access: "private",
      token: this.token,
      addRandomSuffix: false,
      allowOverwrite: true,
      contentType: options?.contentType,
    });
    const stored = await this.head(result.pathname);
    if (!stored) throw new Error(`blob ${key} vanished after write`);
    return stored;
  }

  private async headBlob(key: string) {
    try {
      return await head(key, { token: this.token });
    } catch (error) {
      if (error instanceof BlobNotFoundError) return undefined;
      throw error;
    }
  }

  async head(key: string): Promise<StoredObject | undefined> {
    assertValidKey(key);
    const blob = await this.headBlob(key);
    return blob
      ? { key: blob.pathname, size: blob.size, uploadedAt: blob.uploadedAt, contentType: blob.contentType }
      : undefined;
  }

  async getStream(key: string) {
    assertValidKey(key);
    const blob = await this.headBlob(key);
    if (!blob) return undefined;
    // no-store: Next's patched fetch must never cache one customer's private blob for another request.
    const response = await fetch(blob.url, {
      headers: { authorization: `Bearer ${this.token}` },
      cache: "no-store",
    });
    if (response.status === 404) return undefined; // deleted between head and fetch
    if (!response.ok || !response.body) {
      throw new Error(`Vercel Blob read of ${key} failed with HTTP ${response.status}`);
    }
    return response.body;
  }

  async delete(key: string) {
    assertValidKey(key);
    await del(key, { token: this.token });
  }

  async deletePrefix(prefix: string) {
    const keys = (await this.list(prefix)).map((object) => object.key);
    for (let i = 0; i < keys.length; i += DELETE_BATCH) {
      await del(keys.slice(i, i + DELETE_BATCH), { token: this.token });
    }
  }

  async list(prefix: string): Promise<StoredObject[]> {
    assertValidPrefix(prefix);
    const out: StoredObject[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ prefix: prefix || undefined, cursor, limit: 1000, token: this.token });
      for (const blob of page.blobs) {
        out.push({ key: blob.pathname, size: blob.size, uploadedAt: blob.uploadedAt });
      }
      cursor = page.hasMore ? page.cursor : undefined;
    } while (cursor);
    return out.sort((a, b) => compareKeys(a.key, b.key));
  }

  /**
   * A presigned GET URL valid for 15 minutes, scoped to this one pathname. `presignUrl` signs the pathname,
   * not the host, so its query is attached to the blob URL the API reports (identical in production).
   */
  async downloadUrl(key: string) {
    assertValidKey(key);
    const blob = await this.headBlob(key);
    if (!blob) throw notFound("Object");
    const signed = await issueSignedToken({
      token: this.token,
      pathname: key,
      operations: ["get"],
      validUntil: Date.now() + DOWNLOAD_URL_TTL_MS,
    });
    const { presignedUrl } = await presignUrl(signed, { operation: "get", pathname: key, access: "private" });
    const url = new URL(blob.url);
    url.search = new URL(presignedUrl).search;
    return url.toString();
  }

  /**
   * A one-item list: proves the token and the store are valid without reading any data. Bounded in time: the
   * SDK retries network errors up to 10 times with exponential backoff (minutes in total), and /v1/ready must
   * answer promptly; an aborted request is not retried.
   */
  async ping() {
    const signal = AbortSignal.timeout(this.pingTimeoutMs);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("Vercel Blob did not answer in time")), this.pingTimeoutMs);
    });
    try {
      await Promise.race([list({ limit: 1, token: this.token, abortSignal: signal }), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
