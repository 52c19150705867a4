import type { CatalogSuite } from "@/schemas/catalog";
import type { GoldAction, Interaction } from "@/schemas/pipeline";
import { markTimezoneUnknown } from "./mark-timezone-unknown";
import { resolveTimezone, type TimezoneResolution } from "./resolve-timezone";
import { type ZoneEvidence, zoneEvidenceOfInteractions } from "./zone-evidence";

export type SessionTimezoneInput = {
  /** What the customer stated (upload form, API, CLI). */
  stated?: string | null;
  /** What the recording carries (a `meta` event's zone). */
  recording?: string | null;
  /** Evidence the importers saw outside interactions (page text in rrweb snapshots, ISO timestamp offsets). */
  evidence?: ZoneEvidence[];
};

/**
 * The gold layer's last step, shared by the offline pipeline and the durable run: resolve the session's zone
 * (stated → recording → inferred from the pages) and send datetime-bearing actions to review when there is none.
 */
export function applySessionTimezone(
  input: SessionTimezoneInput & { interactions: Interaction[]; actions: GoldAction[]; suite: CatalogSuite },
): { actions: GoldAction[]; timezone: TimezoneResolution } {
  const needsEvidence = !input.stated && !input.recording;
  const timezone = resolveTimezone({
    stated: input.stated,
    recording: input.recording,
    evidence: needsEvidence
      ? [...(input.evidence ?? []), ...zoneEvidenceOfInteractions(input.interactions)]
      : undefined,
    at: input.interactions[0]?.ts,
  });
  const actions = timezone.timezone ? input.actions : markTimezoneUnknown(input.actions, input.suite);
  return { actions, timezone };
}
