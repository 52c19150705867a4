/**
 * How long deleting a workspace takes, and what it asks of storage: N sessions with two stored objects each and
 * one example per session, deleted with `eraseWorkspace` (objects 8 prefixes at a time, then the rows in one
 * transaction). `--blob` stores them in the fake Vercel Blob (test/fakes/vercel-blob-server.ts) and counts its
 * requests, to estimate the time on the real service (~100 ms a request). Fresh PGlite in a temporary folder,
 * or the Postgres in DATABASE_URL.
 *   npx tsx scripts/bench/workspace-deletion-bench.ts [sessions=500] [--blob]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDatabaseReady } from "@/db/bootstrap";
import { closeDb, getDb } from "@/db/client";
import { insertWorkspace } from "@/db/queries/workspaces";
import { actionToolMaps, examples, models, sessions, suites } from "@/db/schema";
import { createTestUser } from "@/db/test-factories";
import { eraseWorkspace } from "@/lib/deletion/erase-workspace";
import { resetEnvCache } from "@/lib/env";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { startFakeVercelBlob } from "@/test/fakes/vercel-blob-server";

async function main() {
  const count = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? "500");
  const blob = process.argv.includes("--blob") ? await startFakeVercelBlob() : undefined;
  if (blob) {
    process.env.BLOB_READ_WRITE_TOKEN = blob.token;
    process.env.VERCEL_BLOB_API_URL = blob.apiUrl;
  }
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "deletion-bench-"));
  process.env.TRACEPIPE_DATA_DIR = tempDir;
  resetEnvCache();
  await ensureDatabaseReady();
  const db = await getDb();
  const owner = await createTestUser();
  const team = await insertWorkspace(db, { name: "Bench", ownerId: owner.id });
  const [suite] = await db.select({ id: suites.id }).from(suites).limit(1);
  const [model] = await db.select({ id: models.id }).from(models).limit(1);
  const [map] = await db.select({ id: actionToolMaps.id }).from(actionToolMaps).limit(1);
  if (!suite || !model || !map) throw new Error("catalog not seeded");
  const store = await getObjectStore();
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    await db.insert(sessions).values({
      id,
      workspaceId: team.id,
      userId: owner.id,
      suiteId: suite.id,
      storagePath: `sessions/${id}/`,
    });
    const [example] = await db
      .insert(examples)
      .values({
        workspaceId: team.id,
        userId: owner.id,
        sessionId: id,
        modelId: model.id,
        actionToolMapId: map.id,
      })
      .returning({ id: examples.id });
    await store.put(`sessions/${id}/1-input_events.jsonl`, "x".repeat(1000));
    await store.put(`sessions/${id}/artifacts/bronze.jsonl`, "y".repeat(500));
    await store.put(`examples/${example?.id}/messages.jsonl`, "z".repeat(200));
  }
  const before = blob ? Object.values(blob.requests).reduce((a, b) => a + b, 0) : 0;
  const started = performance.now();
  const erased = await eraseWorkspace(team.id);
  const ms = performance.now() - started;
  const requests = blob ? Object.values(blob.requests).reduce((a, b) => a + b, 0) - before : 0;
  console.log(
    `${store.kind}: ${count} sessions, ${erased?.counts.objects} objects, ${erased?.counts.bytes} bytes deleted in ${ms.toFixed(0)} ms` +
      (blob ? `; ${requests} storage requests (${(requests / count).toFixed(1)} a session)` : ""),
  );
  await closeDb();
  await blob?.close();
  fs.rmSync(tempDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
