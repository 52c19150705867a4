import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sessions from "@/app/v1/sessions/route";
import { getDb } from "@/db/client";
import { sessions as sessionsTable } from "@/db/schema";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { findSuite } from "@/lib/catalog/find-suite";
import { callRoute } from "@/test/helpers/call-route";

type Caller = Awaited<ReturnType<typeof createTestCaller>>;
interface Page {
  data: { id: string; description: string | null; suite_id: string }[];
  next_cursor: string | null;
}

let dataDir: string;
let lister: Caller;
let other: Caller;
/** The lister's 160 sessions oldest first (created_at, then id); every third one's description holds a literal `50%_off`. */
const existing: { id: string; description: string }[] = [];
// The decoy matches `%50%_off%` when `%` and `_` are left as wildcards, and must not match the search.
const describeSession = (i: number) =>
  i % 3 === 0 ? `Refund 50%_off order ${i}` : i % 3 === 1 ? `Refund 50 and a half off ${i}` : `Reply ${i}`;

function create(caller: Caller, body: { suite_id: string; description?: string }) {
  return callRoute(sessions.POST, {
    method: "POST",
    path: "/v1/sessions",
    headers: { ...caller.headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  }).then(async (r) => (await r.json()).id as string);
}

const list = (caller: Caller, query: string) =>
  callRoute(sessions.GET, { path: `/v1/sessions?${query}`, headers: caller.headers });

/** Sessions the walks added, in creation order, with their descriptions. */
const addedByWalks: { id: string; description: string }[] = [];

/**
 * The sessions added before this walk that `matches` selects, then this walk's: oldest first, every one added
 * before the walk's last request is listed after the 160 (the last one may land before or after that request).
 */
function expectAddedOldestFirst(others: string[], added: string[], before: string[]) {
  const expected = [...before, ...added.slice(0, -1)];
  expect(others.slice(0, expected.length)).toEqual(expected);
  expect(others.slice(expected.length)).toEqual(others.length > expected.length ? added.slice(-1) : []);
}

/** Walks every page of `query`, creating one more session (described by `addDescription`) during each request. */
async function walk(query: string, addDescription: string) {
  const seen: string[] = [];
  const added: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const [res] = await Promise.all([
      list(lister, `${query}${cursor ? `&cursor=${cursor}` : ""}`),
      create(lister, { suite_id: "github", description: addDescription }).then((id) => {
        added.push(id);
        addedByWalks.push({ id, description: addDescription });
      }),
    ]);
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page;
    seen.push(...page.data.map((s) => s.id));
    cursor = page.next_cursor;
    pages++;
  } while (cursor && pages < 60);
  expect(cursor).toBeNull();
  return { seen, added };
}

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  lister = await createTestCaller();
  other = await createTestCaller();
  // Four sessions share each created_at, so pages also cut between equal timestamps (ordered by id there).
  const base = Date.now() - 3_600_000;
  const suite = findSuite(getBundledCatalog(), "github");
  if (!suite) throw new Error("catalog not seeded");
  const rows = Array.from({ length: 160 }, (_, i) => ({
    id: crypto.randomUUID(),
    workspaceId: lister.user.id,
    userId: lister.user.id,
    suiteId: suite.id,
    description: describeSession(i),
    status: "open" as const,
    storagePath: "",
    createdAt: new Date(base + Math.floor(i / 4) * 1000),
  }));
  await (await getDb()).insert(sessionsTable).values(rows);
  const oldestFirst = rows.sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1),
  );
  existing.push(...oldestFirst.map((r) => ({ id: r.id, description: r.description })));
});
afterAll(() => closeTestDatabase(dataDir));

describe("paging 160 sessions while sessions are being added", () => {
  it.each(["newest", "oldest"] as const)("order=%s: no duplicates, no gaps, in order", async (order) => {
    const ids = existing.map((s) => s.id);
    const before = addedByWalks.map((s) => s.id);
    const { seen, added } = await walk(`limit=25${order === "oldest" ? "&order=oldest" : ""}`, "added");
    expect(new Set(seen).size).toBe(seen.length);
    const fromBefore = seen.filter((id) => ids.includes(id));
    expect(fromBefore).toEqual(order === "newest" ? [...ids].reverse() : ids);
    if (order === "oldest") {
      // Sessions created during the walk are newer than every earlier one, so oldest first they come last.
      expect(seen.slice(0, ids.length)).toEqual(ids);
      expectAddedOldestFirst(seen.slice(ids.length), added, before);
    }
    // Only this caller's sessions are listed.
    const theirs = (await (await list(other, "limit=200")).json()) as Page;
    expect(theirs.data.some((s) => ids.includes(s.id))).toBe(false);
  });

  it.each(["newest", "oldest"] as const)(
    "order=%s with q: every match across pages, wildcards matched literally, case-insensitive",
    async (order) => {
      const matching = existing.filter((s) => s.description.includes("50%_off")).map((s) => s.id);
      expect(matching).toHaveLength(54);
      const before = addedByWalks.filter((s) => s.description.includes("50%_off")).map((s) => s.id);
      const { seen, added } = await walk(
        `limit=10&q=${encodeURIComponent("REFUND 50%_OFF")}&order=${order}`,
        `Refund 50%_off added while paging ${order}`,
      );
      expect(new Set(seen).size).toBe(seen.length);
      // Of the 160, exactly the matching ones, in order; nothing else but sessions added (matching) while paging.
      const ids = existing.map((s) => s.id);
      expect(seen.filter((id) => ids.includes(id))).toEqual(
        order === "newest" ? [...matching].reverse() : matching,
      );
      const others = seen.filter((id) => !ids.includes(id));
      if (order === "oldest") expectAddedOldestFirst(others, added, before);
      const addedMatching = addedByWalks.filter((s) => s.description.includes("50%_off")).map((s) => s.id);
      expect(others.every((id) => addedMatching.includes(id))).toBe(true);
    },
  );
});

describe("search", () => {
  it("matches the suite's name or slug and a session id or its prefix, and nothing of another caller", async () => {
    const searcher = await createTestCaller();
    const gmail = await create(searcher, { suite_id: "gmail", description: "Write to Ana" });
    const calendar = await create(searcher, { suite_id: "google-calendar" });
    const github = await create(searcher, { suite_id: "github", description: "File a bug" });
    const ids = async (q: string) =>
      ((await (await list(searcher, `q=${encodeURIComponent(q)}`)).json()) as Page).data.map((s) => s.id);

    expect(await ids("gmail")).toEqual([gmail]);
    expect(await ids("Google cal")).toEqual([calendar]);
    expect(await ids("google")).toEqual([calendar]);
    expect(await ids("GITHUB")).toEqual([github]);
    expect(await ids("ana")).toEqual([gmail]);
    expect(await ids(github)).toEqual([github]);
    expect(await ids(gmail.slice(0, 8).toUpperCase())).toEqual([gmail]);
    // `%` and `_` alone match themselves: none of these descriptions has one.
    expect(await ids("%")).toEqual([]);
    expect(await ids("_")).toEqual([]);
    expect(await ids("\\")).toEqual([]);
    // An empty search is no search.
    expect(await ids("")).toEqual([github, calendar, gmail]);
    // The lister's `50%_off` sessions are not the searcher's.
    expect(await ids("50%_off")).toEqual([]);
  });
});

describe("query validation", () => {
  it("refuses a cursor made for the other order with a 400 that says so", async () => {
    const lister = await createTestCaller();
    for (let i = 0; i < 12; i++) await create(lister, { suite_id: "gmail" });
    const first = (await (await list(lister, "limit=5")).json()) as Page;
    expect(first.next_cursor).toBeTruthy();
    const res = await list(lister, `limit=5&order=oldest&cursor=${first.next_cursor}`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect((await res.json()).detail).toMatch(/made for order=newest.*order=oldest/);
    const same = await list(lister, `limit=5&order=newest&cursor=${first.next_cursor}`);
    expect(same.status).toBe(200);

    const oldest = (await (await list(lister, "limit=5&order=oldest")).json()) as Page;
    const back = await list(lister, `limit=5&cursor=${oldest.next_cursor}`);
    expect(back.status).toBe(400);
    expect((await back.json()).detail).toMatch(/made for order=oldest/);
  });

  it("answers a bad order, limit or over-long q with a 422 naming the field, as every endpoint does", async () => {
    const lister = await createTestCaller();
    for (const [query, field] of [
      ["order=sideways", "order"],
      ["limit=0", "limit"],
      [`q=${"x".repeat(201)}`, "q"],
    ] as const) {
      const res = await list(lister, query);
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      const body = await res.json();
      expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(body.detail).toContain(field);
    }
  });
});
