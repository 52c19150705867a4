import { isValidTimeZone } from "./is-valid-time-zone";
import type { ZoneEvidence } from "./zone-evidence";
import { zoneForOffset } from "./zone-names";

/**
 * Where a session's zone came from: `stated` by the customer (upload form, API, CLI), carried by the `recording`
 * (a native `meta` event, rrweb's zone event), `inferred` from what the pages showed, or `unknown`.
 */
export const timezoneSources = ["stated", "recording", "inferred", "unknown"] as const;
export type TimezoneSource = (typeof timezoneSources)[number];

export type TimezoneResolution = {
  timezone?: string;
  source: TimezoneSource;
  /** The shown text the zone was inferred from. */
  evidence?: string;
};

function mostFrequent<T>(items: T[], key: (item: T) => string): T | undefined {
  const counts = new Map<string, { item: T; count: number }>();
  for (const item of items) {
    const entry = counts.get(key(item));
    if (entry) entry.count++;
    else counts.set(key(item), { item, count: 1 });
  }
  // Ties keep the first seen (Map order).
  let best: { item: T; count: number } | undefined;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best?.item;
}

/**
 * The session's zone: what the customer stated wins, then what the recording carries, then evidence in the pages —
 * a named zone over a bare offset, the most often shown first. `at` (epoch ms, the recording's time) picks a zone
 * for an offset that is not whole hours.
 */
export function resolveTimezone(input: {
  stated?: string | null;
  recording?: string | null;
  evidence?: ZoneEvidence[];
  at?: number;
}): TimezoneResolution {
  if (input.stated && isValidTimeZone(input.stated)) return { timezone: input.stated, source: "stated" };
  if (input.recording && isValidTimeZone(input.recording))
    return { timezone: input.recording, source: "recording" };
  const evidence = input.evidence ?? [];
  const named = mostFrequent(
    evidence.filter((e) => e.kind === "zone"),
    (e) => e.zone,
  );
  if (named) return { timezone: named.zone, source: "inferred", evidence: named.text };
  const offset = mostFrequent(
    evidence.filter((e) => e.kind === "offset"),
    (e) => String(e.offsetMinutes),
  );
  const zone = offset && zoneForOffset(offset.offsetMinutes, offset.at ?? input.at ?? Date.now());
  if (offset && zone) return { timezone: zone, source: "inferred", evidence: offset.text };
  return { source: "unknown" };
}
