import type { RecordingHints } from "@/lib/pipeline/import/import-issue";
import { isRecord } from "@/lib/pipeline/is-record";
import { scanZoneEvidence } from "@/lib/pipeline/timezone/zone-evidence";

const MAX_EVIDENCE = 20;
const NODE_TEXT = 3;

/** What a mutation adds to the page: added subtrees and changed text nodes. */
export function mutationTexts(data: Record<string, unknown>): unknown[] {
  const adds = Array.isArray(data.adds) ? data.adds.map((add) => (isRecord(add) ? add.node : undefined)) : [];
  const texts = Array.isArray(data.texts) ? data.texts.map((t) => (isRecord(t) ? t.value : undefined)) : [];
  return [...adds, ...texts];
}

/**
 * Zone evidence in the text a page shows (Google Calendar's "(GMT+01:00) Central European Time - Berlin" next to
 * an event's times, "GMT+01" over the week grid), which no input event carries: walks serialized rrweb nodes
 * (a full snapshot or a mutation's additions) and text values. Collects at most a handful per recording.
 */
export function collectShownZoneEvidence(hints: RecordingHints, items: unknown[], ts: number): void {
  hints.zoneEvidence ??= [];
  const found = hints.zoneEvidence;
  if (found.length >= MAX_EVIDENCE) return;
  const stack = [...items];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "string") {
      for (const evidence of scanZoneEvidence(item, ts)) {
        if (found.some((e) => e.text === evidence.text)) continue;
        found.push(evidence);
        if (found.length >= MAX_EVIDENCE) return;
      }
      continue;
    }
    if (!isRecord(item)) continue;
    if (item.type === NODE_TEXT && typeof item.textContent === "string") stack.push(item.textContent);
    if (Array.isArray(item.childNodes)) stack.push(...item.childNodes);
  }
}
