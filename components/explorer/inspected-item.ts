import { ancestorKeys, findItem } from "@/lib/explorer/explorer-tree";
import type { LaneColumns } from "@/lib/explorer/timeline-lanes";
import type { ReviewItemResource } from "@/schemas/review-items";
import type { InspectedItem } from "./explorer-inspector";
import { redactionKindsInLabel } from "./inspector-fields";
import type { ProvenanceChip } from "./provenance-chips";
import type { TimelineSelection } from "./timeline-canvas";

function chipOf(lanes: LaneColumns[], id: string): ProvenanceChip {
  const ref = findItem(lanes, id);
  const lane = ref && lanes.find((l) => l.id === ref.lane);
  const label = lane && ref ? lane.labels[ref.index] : undefined;
  return { id, lane: lane?.label, label, isRedacted: redactionKindsInLabel(label).length > 0 };
}

function confidenceOf(detail: unknown): number | undefined {
  if (detail && typeof detail === "object" && "confidence" in detail && typeof detail.confidence === "number")
    return detail.confidence;
  return undefined;
}

/**
 * The inspector's view of the selection. A tool call's provenance is its action and the action's own sources
 * (interactions and raw events), so one click goes from a call to the keystrokes behind it.
 */
export function buildInspectedItem(input: {
  lanes: LaneColumns[];
  selection: TimelineSelection;
  detail: unknown;
  detailStatus: InspectedItem["detailStatus"];
  reviewByAction: ReadonlyMap<string, ReviewItemResource>;
}): InspectedItem | undefined {
  const { lanes, selection } = input;
  const lane = lanes.find((l) => l.id === selection.lane);
  const id = lane?.ids[selection.index];
  if (!lane || id === undefined) return undefined;
  const links = lane.links?.[selection.index] ?? [];
  const sourceIds = [...links];
  if (lane.id === "toolCalls") {
    for (const actionId of links) {
      const ref = findItem(lanes, actionId);
      const actions = ref && lanes.find((l) => l.id === ref.lane);
      if (actions && ref) sourceIds.push(...(actions.links?.[ref.index] ?? []));
    }
  }
  const actionId = lane.id === "actions" ? id : lane.id === "toolCalls" ? links[0] : undefined;
  return {
    laneId: lane.id,
    lane: lane.label,
    id,
    label: lane.labels[selection.index] as string,
    start: lane.starts[selection.index] as number,
    end: lane.ends[selection.index] as number,
    sources: [...new Set(sourceIds)].map((source) => chipOf(lanes, source)),
    partOf: ancestorKeys(lanes, selection).map((key) => chipOf(lanes, key.slice(key.indexOf(":") + 1))),
    needsReview: lane.flagged ? lane.flagged[selection.index] === 1 : undefined,
    confidence: confidenceOf(input.detail),
    review: actionId ? input.reviewByAction.get(actionId) : undefined,
    detail: input.detail,
    detailStatus: input.detailStatus,
  };
}
