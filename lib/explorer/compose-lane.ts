import type { TimelineManifest } from "@/schemas/timeline";
import type { LaneBins, LaneColumns } from "./timeline-lanes";
import { type TileBounds, type TimelineTile, tileRange } from "./timeline-tiles";

type ManifestLane = TimelineManifest["lanes"][number];

/** A tile the view wants, with its data once loaded (the deepest stored tile: it may be a leaf further up). */
export interface WantedTile {
  range: TileBounds;
  data?: TimelineTile;
}

function binsOf(
  tile: Extract<TimelineTile, { kind: "bins" }>,
  bounds: TileBounds,
  binsPerTile: number,
  clip?: TileBounds,
): LaneBins {
  const range = tileRange(bounds, tile.level, tile.tile);
  const binMs = (range.to - range.from) / binsPerTile;
  const out: LaneBins = { from: range.from, binMs, bins: [], counts: [], top: [] };
  if (tile.flagged) out.flagged = [];
  tile.bins.forEach((bin, k) => {
    const start = range.from + bin * binMs;
    if (clip && (start + binMs <= clip.from || start >= clip.to)) return;
    out.bins.push(bin);
    out.counts.push(tile.counts[k] as number);
    out.top.push(tile.top[k] as number);
    if (tile.flagged) out.flagged?.push(tile.flagged[k] as number);
  });
  return out;
}

/**
 * One lane's columns for the view: the items and bins of the visible tiles that have loaded, and for those still
 * loading the overview tile's data over their range, so a pan or zoom shows coarse data at once and refines it.
 * Items repeated in neighbouring tiles (a long item overlaps both) are kept once; tiles come in time order, so the
 * items stay sorted by start.
 */
export function composeLane(
  lane: ManifestLane,
  manifest: Pick<TimelineManifest, "bounds" | "binsPerTile">,
  visible: WantedTile[],
  overview: TimelineTile | undefined,
): LaneColumns {
  const starts: number[] = [];
  const ends: number[] = [];
  const ids: string[] = [];
  const labels: string[] = [];
  const categories: number[] = [];
  const flagged: number[] = [];
  const links: string[][] = [];
  const bins: LaneBins[] = [];
  const seen = new Set<string>();
  let hasFlags = false;
  let hasLinks = false;
  const usedLeaves = new Set<string>();
  for (const wanted of visible) {
    const source = wanted.data ?? overview;
    if (!source) continue;
    const clip = wanted.data ? undefined : wanted.range;
    if (source.kind === "bins") {
      bins.push(binsOf(source, manifest.bounds, manifest.binsPerTile, clip));
      continue;
    }
    // Several wanted tiles below one leaf get the same leaf: its items are added once.
    const key = `${source.level}-${source.tile}`;
    if (!clip && usedLeaves.has(key)) continue;
    usedLeaves.add(key);
    hasFlags ||= Boolean(source.flagged);
    hasLinks ||= Boolean(source.links);
    source.ids.forEach((id, i) => {
      if (seen.has(id)) return;
      const start = source.starts[i] as number;
      const end = source.ends[i] as number;
      if (clip && (end < clip.from || start >= clip.to)) return;
      seen.add(id);
      starts.push(start);
      ends.push(end);
      ids.push(id);
      labels.push(source.labels[i] as string);
      categories.push(source.categories[i] as number);
      flagged.push(source.flagged?.[i] ?? 0);
      links.push(source.links?.[i] ?? []);
    });
  }
  return {
    id: lane.id,
    label: lane.label,
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    ids,
    labels,
    categories: Uint16Array.from(categories),
    categoryNames: lane.categoryNames,
    ...(hasFlags ? { flagged: Uint8Array.from(flagged) } : {}),
    ...(hasLinks ? { links } : {}),
    total: lane.count,
    ...(bins.length > 0 ? { bins } : {}),
  };
}
