import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import type { SessionResponse } from "@/schemas/sessions";
import { applyLiveEvent } from "./apply-live-event";

const session = (id: string, status: SessionResponse["status"]): SessionResponse => ({
  id,
  suite_id: "8e3c1c4d-7b0a-5f43-9a1e-2f1f0c7d9e55",
  description: `session ${id.slice(0, 4)}`,
  storage_path: `sessions/${id}/`,
  status,
  created_at: "2026-12-05T12:00:00.000Z",
});
const ids = { a: crypto.randomUUID(), b: crypto.randomUUID(), c: crypto.randomUUID() };

function clientWith(entries: [unknown[], unknown][]) {
  const client = new QueryClient();
  for (const [key, data] of entries) client.setQueryData(key, data);
  const invalidated: unknown[] = [];
  vi.spyOn(client, "invalidateQueries").mockImplementation(async (filters) => {
    invalidated.push(filters?.queryKey);
  });
  return { client, invalidated };
}

const statusEvent = (
  id: string,
  status: SessionResponse["status"],
  previous: SessionResponse["status"] | null,
) => ({
  id: 1,
  type: "session.status_changed" as const,
  data: { session_id: id, status, previous_status: previous },
});

describe("applyLiveEvent", () => {
  it("puts a new session on top of unfiltered first pages, fetching only that session", async () => {
    const page = { data: [session(ids.a, "completed")], next_cursor: null };
    const { client, invalidated } = clientWith([
      [["sessions", "limit=50"], page],
      [["dashboard-sessions", ""], page],
      [["sessions", "limit=50&status=failed"], { data: [], next_cursor: null }],
    ]);
    const fetchSession = vi.fn(async (id: string) => session(id, "uploaded"));
    await applyLiveEvent(client, statusEvent(ids.b, "uploaded", null), fetchSession);
    expect(fetchSession).toHaveBeenCalledExactlyOnceWith(ids.b);
    for (const key of [
      ["sessions", "limit=50"],
      ["dashboard-sessions", ""],
    ])
      expect(client.getQueryData<{ data: SessionResponse[] }>(key)?.data.map((s) => s.id)).toEqual([
        ids.b,
        ids.a,
      ]);
    // A filtered list cannot tell whether the session belongs on it: the server answers.
    expect(invalidated).toEqual([["sessions", "limit=50&status=failed"]]);
  });

  it("asks the server when a new session would push a full page's last row past its cursor", async () => {
    const { client, invalidated } = clientWith([
      [["sessions", "limit=1"], { data: [session(ids.a, "completed")], next_cursor: "c1" }],
    ]);
    await applyLiveEvent(client, statusEvent(ids.b, "uploaded", null), async (id) => session(id, "uploaded"));
    expect(invalidated).toEqual([["sessions", "limit=1"]]);
    expect(client.getQueryData<{ data: SessionResponse[] }>(["sessions", "limit=1"])?.data).toHaveLength(1);
  });

  it("updates a listed session and the session header in place", async () => {
    const { client, invalidated } = clientWith([
      [
        ["sessions", "limit=50&sort=oldest"],
        { data: [session(ids.a, "processing"), session(ids.c, "open")], next_cursor: null },
      ],
      [["session", ids.a], session(ids.a, "processing")],
    ]);
    const done = { ...session(ids.a, "completed"), description: "now with counts" };
    await applyLiveEvent(client, statusEvent(ids.a, "completed", "processing"), async () => done);
    const listed = client.getQueryData<{ data: SessionResponse[] }>([
      "sessions",
      "limit=50&sort=oldest",
    ])?.data;
    expect(listed?.map((s) => [s.status, s.description])).toEqual([
      ["completed", "now with counts"],
      ["open", session(ids.c, "open").description],
    ]);
    expect(client.getQueryData(["session", ids.a])).toEqual(done);
    expect(invalidated).toEqual([]);
  });

  it("refreshes examples and review items on their events", async () => {
    const { client, invalidated } = clientWith([]);
    await applyLiveEvent(
      client,
      {
        id: 2,
        type: "example.status_changed",
        data: { example_id: ids.a, session_id: ids.b, status: "completed", previous_status: "processing" },
      },
      vi.fn(),
    );
    await applyLiveEvent(
      client,
      {
        id: 3,
        type: "review_item.status_changed",
        data: { review_item_id: ids.c, session_id: ids.b, status: "accepted", previous_status: "pending" },
      },
      vi.fn(),
    );
    expect(invalidated).toEqual([["examples"], ["example", ids.a], ["review-items"]]);
  });
});
