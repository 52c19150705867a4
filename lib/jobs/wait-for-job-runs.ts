import type { Database } from "@/db/client";
import { type JobRun, listJobRunsForEvent } from "@/db/queries/job-runs";

const finalStatuses = new Set<JobRun["status"]>(["completed", "failed"]);

/** Polls until every run an event triggered has finished; for tests and scripts. */
export async function waitForEventRuns(
  db: Database,
  eventId: string,
  { timeoutMs = 30_000, expectedRuns = 1 }: { timeoutMs?: number; expectedRuns?: number } = {},
): Promise<JobRun[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const runs = await listJobRunsForEvent(db, eventId);
    if (runs.length >= expectedRuns && runs.every((run) => finalStatuses.has(run.status))) return runs;
    if (Date.now() > deadline) {
      const states = runs.map((run) => `${run.functionId}=${run.status}(${run.error ?? ""})`).join(", ");
      throw new Error(`Runs for event ${eventId} did not finish within ${timeoutMs} ms: [${states}]`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
