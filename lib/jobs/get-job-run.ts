import { z } from "zod";
import { getDb } from "@/db/client";
import { getJobRunById, type JobRun, type JobRunStatus, listJobRuns } from "@/db/queries/job-runs";

export type { JobRun, JobRunStatus };

/** A run of the embedded executor, for status checks and debugging; null when it does not exist. */
export async function getJobRun(id: string): Promise<JobRun | null> {
  // Postgres rejects a malformed uuid with an error; for a lookup that is simply "no such run".
  if (!z.uuid().safeParse(id).success) return null;
  return getJobRunById(await getDb(), id);
}

/** Recent runs, newest first, optionally filtered: for debugging only. */
export async function listRecentJobRuns(
  filter: { status?: JobRunStatus; functionId?: string; limit?: number } = {},
): Promise<JobRun[]> {
  return listJobRuns(await getDb(), filter);
}
