import { getDatabaseHandleMode, getDb } from "@/db/client";
import { isInngestEngine } from "@/lib/env";
import { OutboxRelay } from "@/lib/events/outbox-relay";
import { EmbeddedExecutor } from "@/lib/jobs/embedded-executor";
import { onServerStart } from "@/lib/platform/start-server-process";
import { inngest } from "./client";
import { functions } from "./functions";
import { inngestOutboxDelivery } from "./send-to-inngest";

let running: EmbeddedExecutor | undefined;
let inngestRelay: OutboxRelay | undefined;

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
 * With an Inngest engine, this process relays its outbox to Inngest's event API (the embedded executor does the
 * same for its own queue otherwise): at start, after each commit that wrote events, and on a timer.
 */
async function startInngestRelay(): Promise<OutboxRelay> {
  const db = await getDb();
  inngestRelay ??= new OutboxRelay(db, inngestOutboxDelivery(db));
  inngestRelay.start();
  return inngestRelay;
}

/**
 * Starts the executor (or, with an Inngest engine, the relay to it) with the Next server process. Next exits on
 * SIGTERM once open requests finish; stopping here hands runs that are between steps back to the queue. Runs
 * interrupted mid-step are re-driven at the next start (PGlite) or when their lease expires (Postgres).
 */
export function registerEmbeddedExecutorStart(): void {
  onServerStart(async () => {
    if (isInngestEngine()) {
      const relay = await startInngestRelay();
      process.once("SIGTERM", () => void relay.stop());
      return;
    }
    if (!(await startEmbeddedExecutor())) return;
    const stop = () => void stopEmbeddedExecutor();
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
}
