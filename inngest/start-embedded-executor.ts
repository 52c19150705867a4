import { getDatabaseHandleMode, getDb } from "@/db/client";
import { isInngestEngine } from "@/lib/env";
import { EmbeddedExecutor } from "@/lib/jobs/embedded-executor";
import { onServerStart } from "@/lib/platform/start-server-process";
import { inngest } from "./client";
import { functions } from "./functions";

/**
 * Starts the embedded executor in the Next server process when no Inngest engine is configured. Next exits on
 * SIGTERM once open requests finish; stopping here hands runs between steps back to the queue first. Runs
 * interrupted mid-step are re-driven at the next start (PGlite) or when their lease expires (Postgres).
 */
export function registerEmbeddedExecutorStart(): void {
  onServerStart(async () => {
    if (isInngestEngine()) return;
    const executor = new EmbeddedExecutor({
      client: inngest,
      functions,
      db: await getDb(),
      releaseLeasesOnStart: (await getDatabaseHandleMode()) === "pglite",
    });
    await executor.start();
    const stop = () => void executor.stop();
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
}
