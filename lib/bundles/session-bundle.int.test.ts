import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { createGunzip, gzipSync } from "node:zlib";
import tar from "tar-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exampleMessages from "@/app/v1/examples/[id]/messages/route";
import * as examples from "@/app/v1/examples/route";
import * as decisionRoute from "@/app/v1/review-items/[id]/decision/route";
import * as reviewItemsRoute from "@/app/v1/review-items/route";
import * as bundleRoute from "@/app/v1/sessions/[id]/bundle/route";
import * as sessionRoute from "@/app/v1/sessions/[id]/route";
import * as importRoute from "@/app/v1/sessions/import/route";
import * as sessions from "@/app/v1/sessions/route";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { generateExample } from "@/lib/pipeline-runs/generate-example";
import { getPipelineDeps } from "@/lib/pipeline-runs/pipeline-deps";
import { processSession } from "@/lib/pipeline-runs/process-session";
import { directSteps } from "@/lib/pipeline-runs/step-runner";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { calendarRecording } from "@/test/helpers/calendar-recording";
import { callRoute } from "@/test/helpers/call-route";

// Export and import of a session bundle through the real API, database and storage.

let dataDir: string;
let alice: Awaited<ReturnType<typeof createTestCaller>>;
let bob: Awaited<ReturnType<typeof createTestCaller>>;
const deps = getPipelineDeps();

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  alice = await createTestCaller();
  bob = await createTestCaller();
});
afterAll(() => closeTestDatabase(dataDir));

type Entry = { path: string; body: Buffer };

async function untar(gz: Buffer): Promise<Entry[]> {
  const entries: Entry[] = [];
  const extract = tar.extract();
  extract.on("entry", (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c) => chunks.push(c as Buffer));
    stream.on("end", () => {
      entries.push({ path: header.name, body: Buffer.concat(chunks) });
      next();
    });
  });
  await new Promise((resolve, reject) => {
    extract.on("finish", () => resolve(undefined));
    extract.on("error", reject);
    Readable.from(gz).pipe(createGunzip()).pipe(extract);
  });
  return entries;
}

async function retar(entries: Entry[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const e of entries) pack.entry({ name: e.path }, e.body);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return gzipSync(Buffer.concat(chunks));
}

async function exportBundle(id: string, caller = alice) {
  const res = await callRoute(bundleRoute.GET, {
    path: `/v1/sessions/${id}/bundle`,
    headers: caller.headers,
    params: { id },
  });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

function importBundle(bundle: Buffer, caller = bob, dryRun = false) {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bundle)], "bundle.tar.gz"));
  if (dryRun) form.append("dry_run", "true");
  return callRoute(importRoute.POST, {
    method: "POST",
    path: "/v1/sessions/import",
    headers: caller.headers,
    body: form,
  });
}

const manifestOf = (entries: Entry[]) =>
  JSON.parse(entries.find((e) => e.path === "manifest.json")?.body.toString() ?? "{}") as {
    files: { path: string; sha256: string; bytes: number }[];
  };

/** A calendar session with review items (one decided) and one example: every kind of bundle entry. */
async function processedSession() {
  const form = new FormData();
  form.append("suite_id", "google-calendar");
  form.append(
    "file",
    new File([`${calendarRecording(["Jul 14, 2026", "Dec 4, 2026"]).join("\n")}\n`], "input_events.jsonl"),
  );
  const { id } = await (
    await callRoute(sessions.POST, {
      method: "POST",
      path: "/v1/sessions",
      headers: alice.headers,
      body: form,
    })
  ).json();
  await processSession(id, directSteps, deps);
  const pending = await (
    await callRoute(reviewItemsRoute.GET, {
      path: `/v1/review-items?session_id=${id}`,
      headers: alice.headers,
    })
  ).json();
  const first = pending.data[0];
  if (!first) throw new Error("the recording should leave review items (no zone stated)");
  const decided = await callRoute(decisionRoute.POST, {
    method: "POST",
    path: `/v1/review-items/${first.id}/decision`,
    headers: { ...alice.headers, "content-type": "application/json" },
    params: { id: first.id },
    body: JSON.stringify({ decision: "reject", reason: "not a real meeting" }),
  });
  expect(decided.status).toBe(200);
  const example = await (
    await callRoute(examples.POST, {
      method: "POST",
      path: "/v1/examples",
      headers: { ...alice.headers, "content-type": "application/json" },
      body: JSON.stringify({ session_id: id }),
    })
  ).json();
  if (example.id)
    await generateExample(
      example.id,
      { userId: alice.user.id, workspaceId: alice.user.id },
      directSteps,
      deps,
    );
  return id as string;
}

describe("session bundles", () => {
  let sessionId: string;
  let bundle: Buffer;

  beforeAll(async () => {
    sessionId = await processedSession();
    const exported = await exportBundle(sessionId);
    expect(exported.res.status).toBe(200);
    expect(exported.res.headers.get("content-type")).toBe("application/gzip");
    bundle = exported.body;
  });

  it("holds a manifest with every other entry's SHA-256 and size, raw files and artifacts", async () => {
    const entries = await untar(bundle);
    const manifest = manifestOf(entries);
    expect(entries.at(-1)?.path).toBe("manifest.json");
    expect(manifest).toMatchObject({ format: "tracepipe.session-bundle", version: 1 });
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      entries
        .map((e) => e.path)
        .filter((p) => p !== "manifest.json")
        .sort(),
    );
    for (const file of manifest.files) {
      const body = entries.find((e) => e.path === file.path)?.body ?? Buffer.alloc(0);
      expect(createHash("sha256").update(body).digest("hex")).toBe(file.sha256);
      expect(body.length).toBe(file.bytes);
    }
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "session.json",
        "review-items.jsonl",
        "artifacts/bronze.jsonl",
        "artifacts/gold-actions.jsonl",
      ]),
    );
    expect(paths.some((p) => p.startsWith("raw/"))).toBe(true);
  });

  it("dry run validates and reports, creating nothing", async () => {
    const before = await (
      await callRoute(sessions.GET, { path: "/v1/sessions", headers: bob.headers })
    ).json();
    const res = await importBundle(bundle, bob, true);
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report).toMatchObject({ dry_run: true, session_id: null });
    expect(report.files).toBeGreaterThan(3);
    const after = await (
      await callRoute(sessions.GET, { path: "/v1/sessions", headers: bob.headers })
    ).json();
    expect(after.data).toHaveLength(before.data.length);
  });

  it("a round trip into another account keeps every checksum, its review items and examples", async () => {
    const res = await importBundle(bundle);
    expect(res.status).toBe(201);
    const { session_id: imported } = await res.json();
    const detail = await (
      await callRoute(sessionRoute.GET, {
        path: `/v1/sessions/${imported}`,
        headers: bob.headers,
        params: { id: imported },
      })
    ).json();
    expect(detail.status).toBe("completed");
    const again = await untar((await exportBundle(imported, bob)).body);
    const original = manifestOf(await untar(bundle)).files;
    const byPath = (files: typeof original) => Object.fromEntries(files.map((f) => [f.path, f.sha256]));
    expect(byPath(manifestOf(again).files)).toEqual(byPath(original));
    expect(manifestOf(again).files).toEqual(original);

    const items = await (
      await callRoute(reviewItemsRoute.GET, {
        path: `/v1/review-items?session_id=${imported}`,
        headers: bob.headers,
      })
    ).json();
    const originalItems = await (
      await callRoute(reviewItemsRoute.GET, {
        path: `/v1/review-items?session_id=${sessionId}`,
        headers: alice.headers,
      })
    ).json();
    expect(items.data.length).toBe(originalItems.data.length);
    const rejected = await (
      await callRoute(reviewItemsRoute.GET, {
        path: `/v1/review-items?session_id=${imported}&status=rejected`,
        headers: bob.headers,
      })
    ).json();
    expect(rejected.data).toHaveLength(1);
    expect(rejected.data[0].decision).toMatchObject({ decision: "reject", reason: "not a real meeting" });

    const list = await (
      await callRoute(examples.GET, { path: `/v1/examples?session_id=${imported}`, headers: bob.headers })
    ).json();
    for (const example of list.data) {
      const messages = await callRoute(exampleMessages.GET, {
        path: `/v1/examples/${example.id}/messages`,
        headers: bob.headers,
        params: { id: example.id },
      });
      expect(messages.status).toBe(200);
    }
    // Alice's session is not Bob's: his key cannot export it.
    expect((await exportBundle(sessionId, bob)).res.status).toBe(404);
  });

  it("a tampered file is refused with 422 naming it, and nothing is stored", async () => {
    const entries = await untar(bundle);
    const bronze = entries.find((e) => e.path === "artifacts/bronze.jsonl");
    if (!bronze) throw new Error("no bronze entry");
    bronze.body = Buffer.concat([bronze.body, Buffer.from('{"id":"forged"}\n')]);
    const objectsBefore = (await (await getObjectStore()).list("sessions/")).length;
    const res = await importBundle(await retar(entries));
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const problem = await res.json();
    expect(problem.detail).toContain("artifacts/bronze.jsonl");
    expect(problem.bundle_file).toBe("artifacts/bronze.jsonl");
    expect((await (await getObjectStore()).list("sessions/")).length).toBe(objectsBefore);

    const extra = [...(await untar(bundle)), { path: "raw/9-extra.jsonl", body: Buffer.from("{}\n") }];
    const unlisted = await (await importBundle(await retar(extra))).json();
    expect(unlisted.detail).toContain("raw/9-extra.jsonl");
    const traversal = [...(await untar(bundle)), { path: "../../etc/passwd", body: Buffer.from("x") }];
    expect((await (await importBundle(await retar(traversal))).json()).detail).toContain("../../etc/passwd");
    expect((await importBundle(Buffer.from("not a bundle"))).status).toBe(422);
  });

  it("a decompression bomb is refused once it inflates past the cap (the upload cap reused)", async () => {
    const bomb = await retar([{ path: "raw/1-bomb.jsonl", body: Buffer.alloc(80 * 1024 * 1024) }]);
    const res = await importBundle(bomb);
    expect(res.status).toBe(422);
    expect((await res.json()).detail).toMatch(/decompression bomb/);
  });
});
