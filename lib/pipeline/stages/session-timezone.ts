import { resolveTimezone, type TimezoneResolution } from "@/lib/pipeline/timezone/resolve-timezone";
import { type ZoneEvidence, zoneEvidenceOfInteractions } from "@/lib/pipeline/timezone/zone-evidence";
import type { Interaction } from "@/schemas/pipeline";

export interface SessionTimezoneInput {
  /** What the customer stated (upload form, API, CLI flag). */
  stated?: string;
  /** What the recording carries: a `meta` event's zone (silver's summary). */
  recording?: string;
  /** Evidence bronze saw outside the events: ISO timestamp offsets, zones shown in page text (rrweb). */
  evidence?: readonly ZoneEvidence[];
}

/**
 * The zone a session's local times are read in: the one stated for it, else the recording's own, else one inferred
 * from what the pages showed (bronze's evidence and the texts of the interactions), else unknown — never a silent
 * UTC. `interactions` in time order: the first one's time picks a zone for an offset.
 */
export function sessionTimezoneStage(
  input: SessionTimezoneInput,
  interactions: readonly Interaction[],
): TimezoneResolution {
  const needsEvidence = !input.stated && !input.recording;
  return resolveTimezone({
    stated: input.stated,
    recording: input.recording,
    evidence: needsEvidence
      ? [...(input.evidence ?? []), ...zoneEvidenceOfInteractions(interactions)]
      : undefined,
    at: interactions[0]?.ts,
  });
}
