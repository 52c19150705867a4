/**
 * Per-account fairness for the pipeline: at most this many runs of one function per account at once, so one
 * account's backlog (or four decompression bombs) cannot hold every worker while another account waits. The
 * embedded executor honours it the same way an Inngest engine does.
 */
export const ACCOUNT_RUN_LIMIT = 2;

/** The event field that names the owning account; when ownership moves to workspaces, change this line. */
export const accountConcurrency = { key: "event.data.userId", limit: ACCOUNT_RUN_LIMIT } as const;
