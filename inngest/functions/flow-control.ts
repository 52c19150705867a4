/**
 * Per-account fairness for the pipeline: at most this many runs of one function per account at once, so one
 * account's backlog (or four decompression bombs) cannot hold every worker while another account waits. The
 * embedded executor honours it the same way an Inngest engine does. One, because the embedded executor runs
 * steps on one JavaScript thread: another account's run shares it with one big run (within 2× its time alone,
 * measured with scripts/bench/account-fairness-bench.ts), where a limit of 2 measured 2.4–2.7×.
 */
export const ACCOUNT_RUN_LIMIT = 1;

/** The event field that names the owning account: the workspace. */
export const accountConcurrency = { key: "event.data.workspaceId", limit: ACCOUNT_RUN_LIMIT } as const;
