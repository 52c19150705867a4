import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { getDb } from "./client";
import { migrateDatabase } from "./migrate";
import { sealAuditChain } from "./seal-audit-chain";
import { seedCatalog } from "./seed-catalog";
import { seedDevApiKey } from "./seed-dev-api-key";

type StartupHook = () => Promise<void>;
const startupHooks: StartupHook[] = [];

/** Later start-up work that needs a migrated database (e.g. the development API key seed) registers here. */
export function onDatabaseReady(hook: StartupHook): void {
  startupHooks.push(hook);
}

const globalForBootstrap = globalThis as typeof globalThis & { __tracepipeBootstrap?: Promise<void> };

/** Migrates and seeds once per process. Called at server start and by scripts and tests. */
export function ensureDatabaseReady(): Promise<void> {
  globalForBootstrap.__tracepipeBootstrap ??= (async () => {
    await migrateDatabase();
    await sealAuditChain(await getDb());
    await seedCatalog(await getDb(), getBundledCatalog());
    await seedDevApiKey(await getDb());
    for (const hook of startupHooks) await hook();
  })().catch((error) => {
    globalForBootstrap.__tracepipeBootstrap = undefined;
    throw error;
  });
  return globalForBootstrap.__tracepipeBootstrap;
}

export function resetBootstrapForTests(): void {
  globalForBootstrap.__tracepipeBootstrap = undefined;
}
