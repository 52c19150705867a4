import type { IdempotencyRecord, IdempotencyStore } from "@/lib/ingest/idempotency";

/** The idempotency table's semantics over a Map, for the ingest core's sandbox tests (no database there). */
export function createMemoryIdempotencyStore(): IdempotencyStore & {
  records: Map<string, IdempotencyRecord>;
} {
  const records = new Map<string, IdempotencyRecord & { claimedAt: number }>();
  const id = (a: { workspaceId: string; scope: string; key: string }) =>
    `${a.workspaceId}:${a.scope}:${a.key}`;
  return {
    records,
    claim: async (args) => {
      const current = records.get(id(args));
      const takeover =
        current &&
        (current.claimedAt < args.expiredBefore.getTime() ||
          (current.status === null && current.claimedAt < args.staleBefore.getTime()));
      if (current && !takeover) return false;
      records.set(id(args), {
        fingerprint: args.fingerprint,
        status: null,
        body: null,
        claimedAt: Date.now(),
      });
      return true;
    },
    find: async (args) => records.get(id(args)),
    save: async (args) => {
      const current = records.get(id(args));
      if (current?.fingerprint === args.fingerprint && current.status === null)
        records.set(id(args), { ...current, status: args.status, body: args.body });
    },
    release: async (args) => {
      const current = records.get(id(args));
      if (current?.fingerprint === args.fingerprint && current.status === null) records.delete(id(args));
    },
  };
}
