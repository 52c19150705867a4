import { describe, expect, it } from "vitest";
import { ancestorKeys, childrenOf, findItem, flattenTree, listKeyMove, rootsOf } from "./explorer-tree";
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

  it("moves the list's focus as a tree view does", () => {
    const rows = flattenTree(lanes, new Set(["toolCalls:call:a2", "actions:a2", "interactions:i3"]));
    const at = (key: string) => rows.findIndex((row) => row.key === key);
    // ↓ ↑ Home End move, and stop at either end.
    expect(listKeyMove(rows, 0, "ArrowDown")).toEqual({ to: 1 });
    expect(listKeyMove(rows, rows.length - 1, "ArrowDown")).toEqual({ to: rows.length - 1 });
    expect(listKeyMove(rows, 0, "ArrowUp")).toEqual({ to: 0 });
    expect(listKeyMove(rows, 3, "Home")).toEqual({ to: 0 });
    expect(listKeyMove(rows, 0, "End")).toEqual({ to: rows.length - 1 });
    // → opens a closed row in place, steps into an open one; on a leaf it stays.
    expect(listKeyMove(rows, at("actions:a1"), "ArrowRight")).toEqual({ to: 0, toggle: "actions:a1" });
    expect(listKeyMove(rows, at("actions:a2"), "ArrowRight")).toEqual({ to: at("interactions:i2") });
    expect(listKeyMove(rows, at("events:e4"), "ArrowRight")).toEqual({ to: at("events:e4") });
    // ← closes an open row in place, steps out of a closed one to its parent; a root stays.
    expect(listKeyMove(rows, at("interactions:i3"), "ArrowLeft")).toEqual({
      to: at("interactions:i3"),
      toggle: "interactions:i3",
    });
    expect(listKeyMove(rows, at("events:e4"), "ArrowLeft")).toEqual({ to: at("interactions:i3") });
    expect(listKeyMove(rows, at("interactions:i2"), "ArrowLeft")).toEqual({ to: at("actions:a2") });
    expect(listKeyMove(rows, at("actions:a1"), "ArrowLeft")).toEqual({ to: 0 });
    // Other keys are the page's.
    expect(listKeyMove(rows, 0, "j")).toBeUndefined();
    expect(listKeyMove([], 0, "ArrowDown")).toBeUndefined();
  });
});
