import { describe, expect, it } from "vitest";
import type { LaneColumns, LaneId } from "@/lib/explorer/timeline-lanes";
import type { ReviewItemResource } from "@/schemas/review-items";
import { buildInspectedItem } from "./inspected-item";
import { reviewItemHref } from "./use-session-review-items";

function lane(
  id: LaneId,
  label: string,
  items: { id: string; label?: string; links?: string[] }[],
): LaneColumns {
  return {
    id,
    label,
    starts: Float64Array.from(items.map((_, i) => i * 10)),
    ends: Float64Array.from(items.map((_, i) => i * 10 + 5)),
    ids: items.map((i) => i.id),
    labels: items.map((i) => i.label ?? i.id),
    categories: new Uint16Array(items.length),
    categoryNames: ["x"],
    links: items.map((i) => i.links ?? []),
  };
}

const lanes = [
  lane("toolCalls", "Tool calls", [{ id: "call:a1", label: "send_email(to)", links: ["a1"] }]),
  lane("actions", "Actions", [{ id: "a1", label: "send_email", links: ["i1", "e1"] }]),
  lane("interactions", "Interactions", [{ id: "i1", label: "type To [redacted: email]", links: ["e1"] }]),
  lane("events", "Raw events", [{ id: "e1", label: "input To [redacted: email]" }]),
];

const review: ReviewItemResource = {
  id: "r1",
  object: "review_item",
  session_id: "s1",
  suite_id: "u1",
  action: "send_email",
  action_id: "a1",
  reasons: [],
  status: "rejected",
  tool: { server: "gmail", name: "send_email", arguments: {} },
  proposed_arguments: {},
  action_tool_map_id: "m1",
  evidence: {
    event_ids: [],
    interaction_ids: [],
    window_id: "w1",
    ts: 0,
    confidence: 0.5,
    parameters: {},
    missing_parameters: [],
    page_context: [],
    timezone: null,
  },
  decision: null,
  created_at: "2026-01-01T00:00:00.000Z",
};

describe("the inspected item", () => {
  it("gives a tool call its action's sources as chips, with where redaction happened and its review item", () => {
    const item = buildInspectedItem({
      lanes,
      selection: { lane: "toolCalls", index: 0 },
      detail: { tool: "send_email", arguments: { to: ["alan@example.org"] } },
      detailStatus: "ready",
      reviewByAction: new Map([["a1", review]]),
    });
    expect(item?.sources.map((c) => [c.id, c.lane, c.isRedacted])).toEqual([
      ["a1", "Actions", false],
      ["i1", "Interactions", true],
      ["e1", "Raw events", true],
    ]);
    expect(item?.review?.id).toBe("r1");
    expect(reviewItemHref(review)).toBe("/review/r1");
  });

  it("says what an event is part of, up to the tool call", () => {
    const item = buildInspectedItem({
      lanes,
      selection: { lane: "events", index: 0 },
      detail: undefined,
      detailStatus: "loading",
      reviewByAction: new Map(),
    });
    expect(item?.partOf.map((c) => c.id)).toEqual(["i1", "a1", "call:a1"]);
    expect(item?.sources).toEqual([]);
  });
});
