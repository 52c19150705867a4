import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ChainedAuditEntry, findChainBreak, hashAuditEntry } from "./audit-hash";

const entry = (
  seq: number,
  prevHash: string | null,
  extra: Partial<ChainedAuditEntry> = {},
): ChainedAuditEntry => ({
  id: `00000000-0000-4000-8000-${String(seq).padStart(12, "0")}`,
  workspaceId: "11111111-1111-4111-8111-111111111111",
  seq,
  type: "api_key.created",
  actorType: "user",
  actorId: "11111111-1111-4111-8111-111111111111",
  targetType: "api_key",
  targetId: "k1",
  requestId: "r1",
  ip: "203.0.113.1",
  userAgent: "ua",
  before: null,
  after: { name: "laptop", scope: "read" },
  metadata: {},
  createdAt: new Date("2026-12-01T10:00:00.123Z"),
  prevHash,
  ...extra,
});

function chain(length: number) {
  const out: (ChainedAuditEntry & { hash: string })[] = [];
  for (let seq = 1; seq <= length; seq++) {
    const e = entry(seq, out.at(-1)?.hash ?? null);
    out.push({ ...e, hash: hashAuditEntry(e) });
  }
  return out;
}

describe("hashAuditEntry", () => {
  it("is SHA-256 hex of the canonical entry: key order in JSON values does not matter", () => {
    const a = hashAuditEntry(entry(1, null, { after: { name: "x", scope: "read" } }));
    const b = hashAuditEntry(entry(1, null, { after: { scope: "read", name: "x" } }));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).toBe(b);
  });

  it("changes when any hashed field changes", () => {
    const base = entry(2, "a".repeat(64));
    const changes: Partial<ChainedAuditEntry>[] = [
      { id: "00000000-0000-4000-8000-999999999999" },
      { workspaceId: null },
      { seq: 3 },
      { type: "api_key.revoked" },
      { actorType: "api_key" },
      { actorId: null },
      { targetType: "user" },
      { targetId: "k2" },
      { requestId: null },
      { ip: "203.0.113.2" },
      { userAgent: "other" },
      { before: { revokedAt: null } },
      { after: { name: "laptop", scope: "full" } },
      { metadata: { a: 1 } },
      { createdAt: new Date("2026-12-01T10:00:00.124Z") },
      { prevHash: "b".repeat(64) },
    ];
    const hashes = new Set([hashAuditEntry(base), ...changes.map((c) => hashAuditEntry({ ...base, ...c }))]);
    expect(hashes.size).toBe(changes.length + 1);
  });
});

describe("findChainBreak", () => {
  it("accepts an intact chain, also when checked in batches", () => {
    const entries = chain(6);
    expect(findChainBreak(entries, null)).toBeNull();
    const head = entries[2];
    expect(findChainBreak(entries.slice(3), head ? { seq: head.seq, hash: head.hash } : null)).toBeNull();
  });

  it("names the first entry that is altered, removed or re-hashed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.constantFrom("alter", "remove", "rehash"), (at, how) => {
        const entries = chain(6);
        const victim = entries[at];
        if (!victim) throw new Error("no entry");
        if (how === "alter") entries[at] = { ...victim, ip: "192.0.2.66" };
        if (how === "rehash") {
          const forged = { ...victim, userAgent: "forged" };
          entries[at] = { ...forged, hash: hashAuditEntry(forged) };
        }
        if (how === "remove") entries.splice(at, 1);
        const found = findChainBreak(entries, null);
        if (how === "alter") return found?.id === victim.id && found.reason.includes("hash does not match");
        // A removed or re-hashed entry shows at the next one (removing the last leaves a shorter valid chain).
        if (at === 5) return found === null;
        return found?.id === chain(6)[at + 1]?.id;
      }),
    );
  });
});
