import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";

/**
 * A local stand-in for Vercel Blob, speaking the HTTP protocol of `@vercel/blob` 2.8 as read from the SDK source
 * (`dist/chunk-*.js`, `dist/index.js`):
 *
 * Control API (the SDK's `VERCEL_BLOB_API_URL`, here `<origin>/api/blob`), `Authorization: Bearer <rw token>`:
 * - `PUT /?pathname=p` body = bytes; headers `x-vercel-blob-access`, `x-content-type`, `x-add-random-suffix`,
 *   `x-allow-overwrite` → `{url, downloadUrl, pathname, contentType, contentDisposition, etag}`
 * - `GET /?url=<url or pathname>` (head) → the same plus `size, uploadedAt, cacheControl`
 * - `GET /?prefix&cursor&limit` (list) → `{blobs: [{url, downloadUrl, pathname, size, uploadedAt, etag}], cursor, hasMore}`
 * - `POST /delete` `{urls: [...]}` → `{}` (missing blobs are not an error)
 * - `POST /signed-token` `{pathname, operations, validUntil}` → `{delegationToken, clientSigningToken, validUntil}`
 * - errors: `{error: {code, message}}` with codes the SDK maps (`not_found`, `forbidden`, `bad_request`, …)
 *
 * Blob host (real: `https://<store>.<access>.blob.vercel-storage.com/<pathname>`; here
 * `<origin>/<store>.<access>/<pathname>`): public blobs are readable by anyone, private ones with the bearer
 * token or a presigned URL (`vercel-blob-delegation` + `vercel-blob-signature` over the SDK's canonical string).
 * Multipart upload (`/mpu`) is not implemented: the store does not use it.
 */
export interface FakeVercelBlob {
  /** Value for VERCEL_BLOB_API_URL. */
  apiUrl: string;
  /** Value for BLOB_READ_WRITE_TOKEN (`vercel_blob_rw_<storeId>_<secret>`, the SDK parses the store id from it). */
  token: string;
  storeId: string;
  /** Counts of requests by route, for tests that assert on the protocol used. */
  requests: Record<string, number>;
  /** Upload body bytes received so far, counted as they arrive (before the upload completes). */
  receivedBytes(): number;
  close(): Promise<void>;
}

interface BlobRecord {
  pathname: string;
  access: "public" | "private";
  file: string;
  size: number;
  contentType: string;
  uploadedAt: Date;
  etag: string;
}

const base64url = (buffer: Buffer) => buffer.toString("base64url");

export async function startFakeVercelBlob(): Promise<FakeVercelBlob> {
  const storeId = `fake${randomBytes(6).toString("hex")}`;
  const token = `vercel_blob_rw_${storeId}_${randomBytes(16).toString("hex")}`;
  const signingSecret = randomBytes(32);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "fake-vercel-blob-"));
  const blobs = new Map<string, BlobRecord>();
  const requests: Record<string, number> = {};
  let receivedBytes = 0;
  let origin = "";

  const blobUrl = (b: BlobRecord) =>
    `${origin}/${storeId}.${b.access}/${b.pathname.split("/").map(encodeURIComponent).join("/")}`;
  const toApiBlob = (b: BlobRecord) => ({
    url: blobUrl(b),
    downloadUrl: `${blobUrl(b)}?download=1`,
    pathname: b.pathname,
    size: b.size,
    contentType: b.contentType,
    contentDisposition: `attachment; filename="${path.posix.basename(b.pathname)}"`,
    cacheControl: "public, max-age=2592000",
    uploadedAt: b.uploadedAt.toISOString(),
    etag: b.etag,
  });
  /** Accepts a pathname or a blob URL of this store, as the real API does for head and delete. */
  const pathnameOf = (urlOrPathname: string) => {
    if (!/^https?:\/\//.test(urlOrPathname)) return urlOrPathname;
    const url = new URL(urlOrPathname);
    const [, , ...rest] = url.pathname.split("/");
    return rest.map(decodeURIComponent).join("/");
  };

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const fail = (res: http.ServerResponse, status: number, code: string, message: string) =>
    send(res, status, { error: { code, message } });
  const readJson = async (req: http.IncomingMessage): Promise<Record<string, unknown>> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
  };

  async function handlePut(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    let pathname = url.searchParams.get("pathname") ?? "";
    if (!pathname || pathname.includes("//")) return fail(res, 400, "bad_request", "Invalid pathname");
    const access = req.headers["x-vercel-blob-access"];
    if (access !== "public" && access !== "private") {
      return fail(res, 400, "bad_request", "access must be public or private");
    }
    if (req.headers["x-add-random-suffix"] === "1") {
      const ext = path.posix.extname(pathname);
      pathname = `${pathname.slice(0, pathname.length - ext.length)}-${randomBytes(12).toString("base64url")}${ext}`;
    }
    if (blobs.has(pathname) && req.headers["x-allow-overwrite"] !== "1") {
      return fail(
        res,
        400,
        "bad_request",
        "This blob already exists, use `allowOverwrite: true` if you want to overwrite it. Or `addRandomSuffix: true` to generate a unique filename.",
      );
    }
    // Streamed to disk, never held in memory, so throughput tests measure the client side.
    const file = path.join(dir, `${randomBytes(12).toString("hex")}.blob`);
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      receivedBytes += chunk.length;
    });
    await pipeline(req, createWriteStream(file));
    const previous = blobs.get(pathname);
    const record: BlobRecord = {
      pathname,
      access,
      file,
      size,
      contentType: String(req.headers["x-content-type"] ?? "application/octet-stream"),
      uploadedAt: new Date(),
      etag: `"${randomBytes(8).toString("hex")}"`,
    };
    blobs.set(pathname, record);
    if (previous) await fs.rm(previous.file, { force: true });
    const { size: _size, uploadedAt: _at, cacheControl: _cc, ...result } = toApiBlob(record);
    send(res, 200, result);
  }

  function handleList(res: http.ServerResponse, url: URL) {
    const prefix = url.searchParams.get("prefix") ?? "";
    const limit = Math.min(Number(url.searchParams.get("limit") ?? 1000), 1000);
    const after = url.searchParams.get("cursor");
    const afterKey = after ? Buffer.from(after, "base64url").toString("utf8") : undefined;
    const matching = [...blobs.values()]
      .filter((b) => b.pathname.startsWith(prefix) && (afterKey === undefined || b.pathname > afterKey))
      .sort((a, b) => (a.pathname < b.pathname ? -1 : 1));
    const page = matching.slice(0, limit);
    const hasMore = matching.length > page.length;
    const last = page.at(-1);
    send(res, 200, {
      blobs: page.map((b) => {
        const { contentType: _ct, contentDisposition: _cd, cacheControl: _cc, ...item } = toApiBlob(b);
        return item;
      }),
      cursor: hasMore && last ? base64url(Buffer.from(last.pathname)) : undefined,
      hasMore,
    });
  }

  async function handleSignedToken(req: http.IncomingMessage, res: http.ServerResponse) {
    const body = await readJson(req);
    const validUntil = typeof body.validUntil === "number" ? body.validUntil : Date.now() + 3_600_000;
    const payload = {
      storeId,
      pathname: typeof body.pathname === "string" ? body.pathname : "*",
      operations: Array.isArray(body.operations) ? body.operations : ["get"],
      validUntil,
    };
    const payloadSegment = base64url(Buffer.from(JSON.stringify(payload)));
    const delegationToken = `${payloadSegment}.${base64url(createHmac("sha256", signingSecret).update(payloadSegment).digest())}`;
    const clientSigningToken = base64url(
      createHmac("sha256", signingSecret).update(delegationToken).digest(),
    );
    send(res, 200, { delegationToken, clientSigningToken, validUntil });
  }

  /** Verifies a presigned blob URL the way the CDN does: re-derive the per-issuance key, recompute the HMAC. */
  function isValidPresignedRead(url: URL, pathname: string, operation: "get" | "head"): boolean {
    const delegationToken = url.searchParams.get("vercel-blob-delegation");
    const signature = url.searchParams.get("vercel-blob-signature");
    if (!delegationToken || !signature) return false;
    const [payloadSegment = "", mac = ""] = delegationToken.split(".");
    const expectedMac = base64url(createHmac("sha256", signingSecret).update(payloadSegment).digest());
    if (mac !== expectedMac) return false;
    const scope = JSON.parse(Buffer.from(payloadSegment, "base64url").toString("utf8")) as {
      pathname: string;
      operations: string[];
      validUntil: number;
    };
    const urlValidUntil = Number(url.searchParams.get("vercel-blob-valid-until") ?? scope.validUntil);
    if (Date.now() > Math.min(scope.validUntil, urlValidUntil)) return false;
    if (!scope.operations.includes(operation)) return false;
    if (scope.pathname !== "*" && scope.pathname !== pathname) return false;
    const lines = [`operation=${operation}`, `pathname=${pathname}`];
    if (url.searchParams.has("vercel-blob-valid-until")) {
      lines.push(`vercel-blob-valid-until=${url.searchParams.get("vercel-blob-valid-until")}`);
    }
    lines.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    const key = base64url(createHmac("sha256", signingSecret).update(delegationToken).digest());
    const expected = Buffer.from(base64url(createHmac("sha256", key).update(lines.join("\n")).digest()));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  async function handleBlobRead(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    const [, host = "", ...rest] = url.pathname.split("/");
    const pathname = rest.map(decodeURIComponent).join("/");
    const blob = blobs.get(pathname);
    const access = host.endsWith(".private") ? "private" : "public";
    if (host !== `${storeId}.${access}`) return fail(res, 404, "not_found", "Unknown store");
    const operation = req.method === "HEAD" ? "head" : "get";
    const authorized =
      access === "public" ||
      req.headers.authorization === `Bearer ${token}` ||
      isValidPresignedRead(url, pathname, operation);
    if (!authorized) return fail(res, 403, "forbidden", "Access denied");
    if (!blob || blob.access !== access)
      return fail(res, 404, "not_found", "The requested blob does not exist");
    res.writeHead(200, {
      "content-type": blob.contentType,
      "content-length": String(blob.size),
      "last-modified": blob.uploadedAt.toUTCString(),
      etag: blob.etag,
      ...(url.searchParams.get("download") === "1"
        ? { "content-disposition": `attachment; filename="${path.posix.basename(pathname)}"` }
        : {}),
    });
    if (req.method === "HEAD") return res.end();
    await pipeline(createReadStream(blob.file), res);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL, route: string) {
    if (req.headers.authorization !== `Bearer ${token}`) {
      return fail(res, 403, "forbidden", "Access denied, please provide a valid token for this resource.");
    }
    if (req.method === "PUT" && route === "/") return handlePut(req, res, url);
    if (req.method === "GET" && route === "/" && url.searchParams.has("url")) {
      const blob = blobs.get(pathnameOf(url.searchParams.get("url") ?? ""));
      return blob
        ? send(res, 200, toApiBlob(blob))
        : fail(res, 404, "not_found", "The requested blob does not exist");
    }
    if (req.method === "GET" && route === "/") return handleList(res, url);
    if (req.method === "POST" && route === "/delete") {
      const { urls } = (await readJson(req)) as { urls?: string[] };
      for (const item of urls ?? []) {
        const pathname = pathnameOf(item);
        const blob = blobs.get(pathname);
        blobs.delete(pathname);
        if (blob) await fs.rm(blob.file, { force: true });
      }
      return send(res, 200, {});
    }
    if (req.method === "POST" && route === "/signed-token") return handleSignedToken(req, res);
    return fail(res, 400, "bad_request", `Unsupported ${req.method} ${route}`);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", origin);
    const isApi = url.pathname === "/api/blob" || url.pathname.startsWith("/api/blob/");
    const route = isApi ? url.pathname.slice("/api/blob".length) || "/" : "blob";
    const label = isApi
      ? `${req.method} ${route}${route === "/" && url.searchParams.has("url") ? " head" : ""}`
      : `${req.method} blob`;
    requests[label] = (requests[label] ?? 0) + 1;
    const work = isApi ? handleApi(req, res, url, route) : handleBlobRead(req, res, url);
    work.catch((error: unknown) => {
      if (!res.headersSent) fail(res, 500, "internal_server_error", String(error));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${origin}/api/blob`,
    token,
    storeId,
    requests,
    receivedBytes: () => receivedBytes,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
