import { getDatabaseHandleMode, getDb } from "@/db/client";
import { isInngestEngine } from "@/lib/env";
import { EmbeddedExecutor } from "@/lib/jobs/embedded-executor";
import { onServerStart } from "@/lib/platform/start-server-process";
import { inngest } from "./client";
import { functions } from "./functions";

let running: EmbeddedExecutor | undefined;

/** Starts the app's embedded executor (the app's client and functions) unless an Inngest engine is configured. */
export async function startEmbeddedExecutor(): Promise<EmbeddedExecutor | undefined> {
  if (isInngestEngine() || running) return running;
  running = new EmbeddedExecutor({
    client: inngest,
    functions,
    db: await getDb(),
    releaseLeasesOnStart: (await getDatabaseHandleMode()) === "pglite",
  });
  await running.start();
  return running;
}

export async function stopEmbeddedExecutor(): Promise<void> {
  const executor = running;
  running = undefined;
  await executor?.stop();
}

/**
 * Starts the executor with the Next server process. Next exits on SIGTERM once open requests finish; stopping
 * here hands runs that are between steps back to the queue. Runs interrupted mid-step are re-driven at the next
 * start (PGlite) or when their lease expires (Postgres).
 */
export function registerEmbeddedExecutorStart(): void {
  onServerStart(async () => {
    if (!(await startEmbeddedExecutor())) return;
    const stop = () => void stopEmbeddedExecutor();
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
}
