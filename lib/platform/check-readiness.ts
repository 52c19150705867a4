import { getDatabaseHandleMode, getDb } from "@/db/client";
import { pendingMigrationCount } from "@/db/migrate";
import { getObjectStore } from "@/lib/storage/get-object-store";

export interface ReadinessCheck {
  status: "ok" | "failing";
  detail?: string;
}

export interface Readiness {
  status: "ready" | "not_ready";
  checks: { database: ReadinessCheck; migrations: ReadinessCheck; storage: ReadinessCheck };
}

async function check(run: () => Promise<string | undefined>): Promise<ReadinessCheck> {
  try {
    const detail = await run();
    return detail ? { status: "ok", detail } : { status: "ok" };
  } catch (error) {
    return { status: "failing", detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Readiness: database reachable, every committed migration applied, storage writable. */
export async function checkReadiness(): Promise<Readiness> {
  const database = await check(async () => {
    const db = await getDb();
    await db.execute("select 1");
    return getDatabaseHandleMode();
  });
  const migrations = await check(async () => {
    const pending = await pendingMigrationCount(await getDb());
    if (pending > 0) throw new Error(`${pending} migration(s) not applied`);
    return undefined;
  });
  const storage = await check(async () => {
    const store = await getObjectStore();
    await store.ping();
    return store.kind;
  });
  const ready = [database, migrations, storage].every((c) => c.status === "ok");
  return { status: ready ? "ready" : "not_ready", checks: { database, migrations, storage } };
}
