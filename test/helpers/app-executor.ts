import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { EmbeddedExecutor } from "@/lib/jobs/embedded-executor";

/** The app's functions on the embedded executor, polling and retrying fast enough for tests; started. */
export async function startAppExecutor(): Promise<EmbeddedExecutor> {
  const executor = new EmbeddedExecutor({
    client: inngest,
    functions,
    db: await getDb(),
    pollIntervalMs: 50,
    backoff: { baseMs: 50, maxMs: 200 },
  });
  await executor.start();
  return executor;
}
