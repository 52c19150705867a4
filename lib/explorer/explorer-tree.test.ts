import { describe, expect, it } from "vitest";
import { ancestorKeys, childrenOf, findItem, flattenTree, rootsOf } from "./explorer-tree";
import type { LaneColumns, LaneId } from "./timeline-lanes";

function lane(
  id: LaneId,
  items: { id: string; start: number; end?: number; links?: string[] }[],
): LaneColumns {
  return {
    id,
    label: id,
    starts: Float64Array.from(items.map((i) => i.start)),
    ends: Float64Array.from(items.map((i) => i.end ?? i.start)),
    ids: items.map((i) => i.id),
    labels: items.map((i) => i.id),
    categories: new Uint16Array(items.length),
    categoryNames: ["x"],
    links: items.map((i) => i.links ?? []),
  };
}

const lanes = [
  lane("toolCalls", [{ id: "call:a2", start: 50, links: ["a2"] }]),
  lane("actions", [
    { id: "a1", start: 10, end: 20, links: ["i1", "e1"] },
    { id: "a2", start: 40, end: 50, links: ["i2", "i3", "e3", "e4"] },
  ]),
  lane("interactions", [
    { id: "i1", start: 10, end: 20, links: ["e1", "e2"] },
    { id: "i2", start: 40, end: 41, links: ["e3"] },
    { id: "i3", start: 45, end: 50, links: ["e4"] },
  ]),
  lane("events", [
    { id: "e1", start: 10 },
    { id: "e2", start: 20 },
    { id: "e3", start: 40 },
    { id: "e4", start: 50 },
    { id: "e5", start: 60 },
  ]),
];

describe("explorer tree", () => {
  it("lists tool calls and the actions that made none, in time order", () => {
    expect(rootsOf(lanes)).toEqual([
      { lane: "actions", index: 0 },
      { lane: "toolCalls", index: 0 },
    ]);
  });

  it("breaks a tool call into its action, its interactions and their events", () => {
    expect(childrenOf(lanes, { lane: "toolCalls", index: 0 })).toEqual([{ lane: "actions", index: 1 }]);
    expect(childrenOf(lanes, { lane: "actions", index: 1 })).toEqual([
      { lane: "interactions", index: 1 },
      { lane: "interactions", index: 2 },
    ]);
    expect(childrenOf(lanes, { lane: "interactions", index: 0 })).toEqual([
      { lane: "events", index: 0 },
      { lane: "events", index: 1 },
    ]);
  });

  it("shows only expanded branches, with their depth", () => {
    const rows = flattenTree(lanes, new Set(["toolCalls:call:a2", "actions:a2", "interactions:i3"]));
    expect(rows.map((r) => [r.key, r.depth, r.isExpanded])).toEqual([
      ["actions:a1", 0, false],
      ["toolCalls:call:a2", 0, true],
      ["actions:a2", 1, true],
      ["interactions:i2", 2, false],
      ["interactions:i3", 2, true],
      ["events:e4", 3, false],
    ]);
  });

  it("finds the chain above an item so the list can open it", () => {
    expect(ancestorKeys(lanes, { lane: "events", index: 3 })).toEqual([
      "interactions:i3",
      "actions:a2",
      "toolCalls:call:a2",
    ]);
    expect(ancestorKeys(lanes, { lane: "events", index: 4 })).toEqual([]);
    expect(findItem(lanes, "i2")).toEqual({ lane: "interactions", index: 1 });
    expect(findItem(lanes, "nope")).toBeUndefined();
  });
});
