import { ensureDatabaseReady } from "@/db/bootstrap";
import { childLogger } from "@/lib/logger";

type ServerStartHook = () => Promise<void>;
const serverStartHooks: ServerStartHook[] = [];

/** Work that belongs to the long-lived server process only (e.g. the embedded job executor) registers here. */
export function onServerStart(hook: ServerStartHook): void {
  serverStartHooks.push(hook);
}

export async function startServerProcess(): Promise<void> {
  const log = childLogger("startup");
  const started = performance.now();
  await ensureDatabaseReady();
  for (const hook of serverStartHooks) await hook();
  log.info({ ms: Math.round(performance.now() - started) }, "database migrated and catalog seeded");
}
