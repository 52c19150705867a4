import { type LaneColumns, type LaneId, lowerBound } from "./timeline-lanes";

/** One item of a lane, by position. */
export interface ItemRef {
  lane: LaneId;
  index: number;
}

/** A visible row of the list view: an item at its depth in tool call → action → interaction → event. */
export interface TreeRow extends ItemRef {
  key: string;
  depth: number;
  hasChildren: boolean;
  isExpanded: boolean;
}

export const itemKey = (lanes: LaneColumns[], ref: ItemRef) =>
  `${ref.lane}:${laneOf(lanes, ref.lane)?.ids[ref.index] ?? ref.index}`;

const laneOf = (lanes: LaneColumns[], id: LaneId) => lanes.find((lane) => lane.id === id);

function indexIn(lane: LaneColumns | undefined, id: string): number {
  return lane ? lane.ids.indexOf(id) : -1;
}

/**
 * Events of an interaction, found between its start and end (events are sorted by time and an interaction spans
 * its own events), so expanding one never builds an id map of a 1M-event lane.
 */
function eventsOf(lanes: LaneColumns[], interaction: LaneColumns, index: number): ItemRef[] {
  const events = laneOf(lanes, "events");
  const wanted = new Set(interaction.links?.[index] ?? []);
  if (!events || wanted.size === 0) return [];
  const out: ItemRef[] = [];
  const first = lowerBound(events.starts, interaction.starts[index] as number);
  const last = lowerBound(events.starts, (interaction.ends[index] as number) + 1e-6);
  for (let i = first; i < last; i++)
    if (wanted.has(events.ids[i] as string)) out.push({ lane: "events", index: i });
  return out;
}

/** What an item breaks down into, one level down the chain. */
export function childrenOf(lanes: LaneColumns[], ref: ItemRef): ItemRef[] {
  const lane = laneOf(lanes, ref.lane);
  if (!lane) return [];
  const links = lane.links?.[ref.index] ?? [];
  if (ref.lane === "toolCalls") {
    const actions = laneOf(lanes, "actions");
    return links.flatMap((id) => {
      const index = indexIn(actions, id);
      return index >= 0 ? [{ lane: "actions" as const, index }] : [];
    });
  }
  if (ref.lane === "actions") {
    const interactions = laneOf(lanes, "interactions");
    return links.flatMap((id) => {
      const index = indexIn(interactions, id);
      return index >= 0 ? [{ lane: "interactions" as const, index }] : [];
    });
  }
  if (ref.lane === "interactions") return eventsOf(lanes, lane, ref.index);
  return [];
}

/** The list's top level: every tool call, then actions that made none (under review, or unmapped), by time. */
export function rootsOf(lanes: LaneColumns[]): ItemRef[] {
  const calls = laneOf(lanes, "toolCalls");
  const actions = laneOf(lanes, "actions");
  const roots: (ItemRef & { t: number })[] = [];
  const called = new Set<string>();
  calls?.ids.forEach((_, index) => {
    roots.push({ lane: "toolCalls", index, t: calls.starts[index] as number });
    for (const id of calls.links?.[index] ?? []) called.add(id);
  });
  actions?.ids.forEach((id, index) => {
    if (!called.has(id)) roots.push({ lane: "actions", index, t: actions.starts[index] as number });
  });
  return roots.sort((a, b) => a.t - b.t).map(({ lane, index }) => ({ lane, index }));
}

/** The rows shown for a set of expanded item keys, depth first. */
export function flattenTree(lanes: LaneColumns[], expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const visit = (ref: ItemRef, depth: number) => {
    const key = itemKey(lanes, ref);
    const hasChildren = ref.lane !== "events";
    const isExpanded = hasChildren && expanded.has(key);
    rows.push({ ...ref, key, depth, hasChildren, isExpanded });
    if (isExpanded) for (const child of childrenOf(lanes, ref)) visit(child, depth + 1);
  };
  for (const root of rootsOf(lanes)) visit(root, 0);
  return rows;
}

/**
 * The keys to expand so an item selected elsewhere (on the timeline) shows in the list: its interaction, action
 * and tool call, found by following links upwards. Empty when the item is a root or in no chain.
 */
export function ancestorKeys(lanes: LaneColumns[], ref: ItemRef): string[] {
  const lane = laneOf(lanes, ref.lane);
  const id = lane?.ids[ref.index];
  if (!lane || id === undefined) return [];
  const parentLane: Partial<Record<LaneId, LaneId>> = {
    events: "interactions",
    interactions: "actions",
    actions: "toolCalls",
  };
  const keys: string[] = [];
  let current: { lane: LaneId; id: string } | undefined = { lane: ref.lane, id };
  while (current) {
    const up: LaneId | undefined = parentLane[current.lane];
    const parent: LaneColumns | undefined = up ? laneOf(lanes, up) : undefined;
    const target: string = current.id;
    const index = parent?.links?.findIndex((links: string[]) => links.includes(target)) ?? -1;
    if (!parent || index < 0) break;
    const parentId = parent.ids[index] as string;
    keys.push(`${parent.id}:${parentId}`);
    current = { lane: parent.id, id: parentId };
  }
  return keys;
}

// Built on first use per lane snapshot: a provenance list of hundreds of ids then resolves in O(1) each.
const idIndexes = new WeakMap<LaneColumns, Map<string, number>>();
function idIndexOf(lane: LaneColumns): Map<string, number> {
  let index = idIndexes.get(lane);
  if (!index) {
    index = new Map(lane.ids.map((id, i) => [id, i]));
    idIndexes.set(lane, index);
  }
  return index;
}

/** The lane and index of an item id in any lane (provenance chips name ids only). */
export function findItem(lanes: LaneColumns[], id: string): ItemRef | undefined {
  for (const lane of lanes) {
    const index = idIndexOf(lane).get(id);
    if (index !== undefined) return { lane: lane.id, index };
  }
  return undefined;
}

/**
 * Where a key moves the list view's focus (an index into `rows`) and which row it opens or closes, as a tree view
 * does: ↑ ↓ Home End move, → opens a closed row or steps into an open one, ← closes an open row or steps out to
 * its parent. Undefined for a key the list does not handle.
 */
export function listKeyMove(
  rows: readonly TreeRow[],
  from: number,
  key: string,
): { to: number; toggle?: string } | undefined {
  if (rows.length === 0) return undefined;
  const at = Math.min(rows.length - 1, Math.max(0, from));
  const row = rows[at] as TreeRow;
  switch (key) {
    case "ArrowDown":
      return { to: Math.min(rows.length - 1, at + 1) };
    case "ArrowUp":
      return { to: Math.max(0, at - 1) };
    case "Home":
      return { to: 0 };
    case "End":
      return { to: rows.length - 1 };
    case "ArrowRight":
      if (!row.hasChildren) return { to: at };
      return row.isExpanded ? { to: Math.min(rows.length - 1, at + 1) } : { to: at, toggle: row.key };
    case "ArrowLeft": {
      if (row.hasChildren && row.isExpanded) return { to: at, toggle: row.key };
      for (let i = at - 1; i >= 0; i--) if ((rows[i] as TreeRow).depth < row.depth) return { to: i };
      return { to: at };
    }
    default:
      return undefined;
  }
}
