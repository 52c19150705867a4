import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as downloadRoute } from "@/app/api/storage/[...key]/route";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { resetEnvCache } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { type FakeVercelBlob, startFakeVercelBlob } from "@/test/fakes/vercel-blob-server";
import { generatedStream, hashStream } from "@/test/helpers/byte-streams";
import { createSessionFor, createUserWithApiKey } from "@/test/helpers/owner-fixtures";
import { getObjectStore } from "./get-object-store";
import type { ObjectStore } from "./object-store";

/**
 * One contract, two stores: the local disk store (the embedded default) and the Vercel Blob store talking to
 * the local fake of Vercel Blob's HTTP API. Both are obtained through `getObjectStore()`, so the selection by
 * BLOB_READ_WRITE_TOKEN is exercised too.
 */
const BIG_BYTES = 48 * 1024 * 1024;

let dataDir: string;
let fake: FakeVercelBlob;
let apiKey: string;
let sessionId: string;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  fake = await startFakeVercelBlob();
  const owner = await createUserWithApiKey("read");
  apiKey = owner.apiKey;
  sessionId = await createSessionFor(owner.userId);
});

afterAll(async () => {
  delete process.env.BLOB_READ_WRITE_TOKEN;
  delete process.env.VERCEL_BLOB_API_URL;
  resetEnvCache();
  await fake?.close();
  await closeTestDatabase(dataDir);
});

async function useStore(kind: "local" | "vercel-blob"): Promise<ObjectStore> {
  if (kind === "vercel-blob") {
    process.env.BLOB_READ_WRITE_TOKEN = fake.token;
    process.env.VERCEL_BLOB_API_URL = fake.apiUrl;
  } else {
    delete process.env.BLOB_READ_WRITE_TOKEN;
    delete process.env.VERCEL_BLOB_API_URL;
  }
  resetEnvCache();
  const store = await getObjectStore();
  expect(store.kind).toBe(kind);
  return store;
}

/** Fetches a download URL the way its consumer would: the served route with the owner's key, or a plain GET. */
async function download(kind: "local" | "vercel-blob", url: string): Promise<Response> {
  if (kind === "vercel-blob") return fetch(url);
  expect(url.startsWith("/api/storage/")).toBe(true);
  const key = url.slice("/api/storage/".length).split("/").map(decodeURIComponent);
  const request = new Request(`http://127.0.0.1${url}`, { headers: { authorization: `Bearer ${apiKey}` } });
  return downloadRoute(request, { params: Promise.resolve({ key }) });
}

/** Bytes the destination has received so far: the local store's temp folder, or the fake's upload counter. */
async function bytesReceived(kind: "local" | "vercel-blob"): Promise<number> {
  if (kind === "vercel-blob") return fake.receivedBytes();
  const tempDir = `${path.join(dataDir, "objects")}.tmp`;
  const names = await fs.readdir(tempDir).catch(() => [] as string[]);
  let total = 0;
  for (const name of names)
    total += (await fs.stat(path.join(tempDir, name)).catch(() => ({ size: 0 }))).size;
  return total;
}

const text = async (stream: ReadableStream<Uint8Array> | undefined) => {
  expect(stream).toBeDefined();
  return new Response(stream).text();
};

describe.each(["local", "vercel-blob"] as const)("object store contract: %s", (kind) => {
  let store: ObjectStore;
  let base: string;
  beforeAll(async () => {
    store = await useStore(kind);
    base = `sessions/${sessionId}/${kind}`;
  });

  it("puts a string and reads it back as a stream, with head reporting its size", async () => {
    const before = Date.now();
    const stored = await store.put(`${base}/hello.txt`, "héllo wörld", { contentType: "text/plain" });
    expect(stored).toMatchObject({ key: `${base}/hello.txt`, size: Buffer.byteLength("héllo wörld") });
    expect(await text(await store.getStream(`${base}/hello.txt`))).toBe("héllo wörld");
    const head = await store.head(`${base}/hello.txt`);
    expect(head?.size).toBe(13);
    expect(head?.uploadedAt.getTime()).toBeGreaterThanOrEqual(before - 2000);
  });

  it("puts bytes and overwrites an existing key", async () => {
    const bytes = new Uint8Array(randomBytes(70_000));
    await store.put(`${base}/bytes.bin`, bytes);
    const back = new Uint8Array(await new Response(await store.getStream(`${base}/bytes.bin`)).arrayBuffer());
    expect(Buffer.compare(Buffer.from(back), Buffer.from(bytes))).toBe(0);
    await store.put(`${base}/bytes.bin`, "replaced");
    expect(await text(await store.getStream(`${base}/bytes.bin`))).toBe("replaced");
  });

  it(`streams a ${BIG_BYTES / 2 ** 20} MB put and get without buffering the body`, async () => {
    // Half the body is withheld until the destination has received 1 MB of it: a store that buffered the
    // whole body before writing would never get there.
    const source = generatedStream(BIG_BYTES, {
      gate: {
        atByte: BIG_BYTES / 2,
        until: async () => (await bytesReceived(kind)) - receivedBefore >= 2 ** 20,
      },
    });
    const receivedBefore = await bytesReceived(kind);
    const started = performance.now();
    await store.put(`${base}/big.bin`, source.stream);
    const putSeconds = (performance.now() - started) / 1000;
    expect((await store.head(`${base}/big.bin`))?.size).toBe(BIG_BYTES);
    const readStarted = performance.now();
    const back = await hashStream((await store.getStream(`${base}/big.bin`))!);
    const getSeconds = (performance.now() - readStarted) / 1000;
    expect(back).toEqual({ sha256: source.digest(), bytes: BIG_BYTES });
    logger.info(
      {
        store: kind,
        mb: BIG_BYTES / 2 ** 20,
        putMBps: Math.round(BIG_BYTES / 2 ** 20 / putSeconds),
        getMBps: Math.round(BIG_BYTES / 2 ** 20 / getSeconds),
      },
      "object store throughput",
    );
  });

  it("answers undefined for a missing key", async () => {
    expect(await store.getStream(`${base}/missing.txt`)).toBeUndefined();
    expect(await store.head(`${base}/missing.txt`)).toBeUndefined();
  });

  it("lists by prefix in key order, and deletes by key and by prefix", async () => {
    const dir = `${base}/list`;
    for (const name of ["b.txt", "a/2.txt", "a/1.txt", "c-raw.txt", "c-raw-2.txt"]) {
      await store.put(`${dir}/${name}`, name);
    }
    const keys = async (prefix: string) => (await store.list(prefix)).map((o) => o.key.slice(dir.length + 1));
    expect(await keys(`${dir}/`)).toEqual(["a/1.txt", "a/2.txt", "b.txt", "c-raw-2.txt", "c-raw.txt"]);
    expect(await keys(`${dir}/a/`)).toEqual(["a/1.txt", "a/2.txt"]);
    expect(await keys(`${dir}/c-raw`)).toEqual(["c-raw-2.txt", "c-raw.txt"]);
    expect(await store.list(`${dir}/zzz`)).toEqual([]);
    expect((await store.list(`${dir}/b.txt`))[0]?.size).toBe(5);

    await store.delete(`${dir}/b.txt`);
    await store.delete(`${dir}/never-existed.txt`);
    expect(await store.head(`${dir}/b.txt`)).toBeUndefined();
    await store.deletePrefix(`${dir}/a/`);
    expect(await keys(`${dir}/`)).toEqual(["c-raw-2.txt", "c-raw.txt"]);
    await store.deletePrefix(`${dir}/`);
    expect(await store.list(`${dir}/`)).toEqual([]);
    expect(await store.head(`${base}/hello.txt`)).toBeDefined();
  });

  it("gives a download URL that serves the object", async () => {
    await store.put(`${base}/export.jsonl`, '{"a":1}\n{"a":2}\n');
    const url = await store.downloadUrl(`${base}/export.jsonl`);
    const response = await download(kind, url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"a":1}\n{"a":2}\n');
  });

  it("rejects keys that could escape the store or differ between stores", async () => {
    for (const bad of ["../etc/passwd", `${base}/../../x`, "/abs", `${base}//double`, `${base}/a\\b`, ""]) {
      await expect(store.put(bad, "x"), bad).rejects.toBeInstanceOf(AppError);
      await expect(store.getStream(bad), bad).rejects.toBeInstanceOf(AppError);
    }
  });

  it("pings", async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
