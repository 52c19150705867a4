import type { Interaction } from "@/schemas/pipeline";
import { zoneForCity, zoneFromIanaText, zonesForGenericName } from "./zone-names";

/**
 * Evidence of the user's zone shown in a recording: a named zone (Google Calendar's "(GMT+01:00) Central European
 * Time - Berlin" in its editors and settings, an IANA name in a zone picker) or a bare UTC offset ("GMT+01" over
 * the week grid, ISO timestamps with an offset).
 */
export type ZoneEvidence =
  | { kind: "zone"; zone: string; text: string }
  | { kind: "offset"; offsetMinutes: number; text: string; at?: number };

const MAX_TEXT = 400;
/** Cheap first test: most texts say nothing about zones. */
const mayMentionZone = /GMT|UTC|[A-Za-z]\/[A-Z]/;
// "(GMT+01:00) Central European Time - Berlin", "(GMT-05:00) Eastern Time - New York", "(GMT+00:00) United Kingdom Time".
const zoneDisplay = /\((?:GMT|UTC)(?:\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?)?\)\s*([A-Z][^()\n\r]{1,80})/g;
const ianaName =
  /\b(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/[A-Z][A-Za-z_-]*(?:[ _][A-Za-z][A-Za-z-]*){0,4}(?:\/[A-Z][A-Za-z_-]*(?:[ _][A-Za-z][A-Za-z-]*){0,3})?/g;
const bareOffset = /\b(?:GMT|UTC)\s?([+\-−])\s?(\d{1,2})(?::?(\d{2}))?(?![\d:])/g;

function offsetOf(sign: string | undefined, hours: string | undefined, minutes: string | undefined) {
  if (hours === undefined) return 0;
  const value = Number(hours) * 60 + Number(minutes ?? 0);
  if (value > 14 * 60) return undefined;
  return sign === "+" ? value : -value;
}

/** "Central European Time - Berlin" (with the shown offset) to a zone: the city first, else the generic name. */
function zoneOfDisplayName(name: string, offset: number | undefined, at: number): string | undefined {
  const [generic = "", ...rest] = name.split(/\s+[-–]\s+/);
  const words = rest.join(" ").trim().split(/\s+/).filter(Boolean);
  // The city may be followed by other text in the same node; try the longest prefix that names one.
  for (let n = Math.min(words.length, 4); n > 0; n--) {
    const zone = zoneForCity(words.slice(0, n).join(" "));
    if (zone) return zone;
  }
  const iana = zoneFromIanaText(generic);
  if (iana) return iana;
  const genericWords = generic.trim().split(/\s+/);
  for (let n = Math.min(genericWords.length, 6); n > 1; n--) {
    const [zone] = zonesForGenericName(genericWords.slice(0, n).join(" "), at, offset);
    if (zone) return zone;
  }
  return undefined;
}

/** Every piece of zone evidence in one shown text; `at` is when it was shown (epoch ms). */
export function scanZoneEvidence(text: string, at?: number): ZoneEvidence[] {
  if (!mayMentionZone.test(text)) return [];
  const shown = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const when = at ?? Date.now();
  const found: ZoneEvidence[] = [];
  const covered: [number, number][] = [];
  for (const match of shown.matchAll(zoneDisplay)) {
    const offset = offsetOf(match[1]?.replace("−", "-"), match[2], match[3]);
    const zone = zoneOfDisplayName(match[4] ?? "", offset, when);
    if (zone) found.push({ kind: "zone", zone, text: match[0].trim() });
    else if (offset !== undefined)
      found.push({ kind: "offset", offsetMinutes: offset, text: match[0].trim(), ...(at ? { at } : {}) });
    covered.push([match.index, match.index + match[0].length]);
  }
  const isCovered = (index: number) => covered.some(([from, to]) => index >= from && index < to);
  for (const match of shown.matchAll(ianaName)) {
    if (isCovered(match.index)) continue;
    // "Europe/Berlin Time": drop trailing words until the rest names a zone.
    const words = match[0].split(" ");
    for (let n = words.length; n > 0; n--) {
      const name = words.slice(0, n).join(" ");
      const zone = zoneFromIanaText(name);
      if (zone) {
        found.push({ kind: "zone", zone, text: name });
        break;
      }
    }
  }
  for (const match of shown.matchAll(bareOffset)) {
    if (isCovered(match.index)) continue;
    const offset = offsetOf(match[1]?.replace("−", "-"), match[2], match[3]);
    if (offset !== undefined)
      found.push({ kind: "offset", offsetMinutes: offset, text: match[0], ...(at ? { at } : {}) });
  }
  return found;
}

const MAX_EVIDENCE = 50;

/** Zone evidence in what interactions show: page titles, the texts and labels of targets, chosen values. */
export function zoneEvidenceOfInteractions(interactions: Iterable<Interaction>): ZoneEvidence[] {
  const seen = new Set<string>();
  const found: ZoneEvidence[] = [];
  for (const interaction of interactions) {
    const target = interaction.target;
    const texts = [
      interaction.title,
      interaction.value,
      target?.text,
      target?.label,
      target?.ariaLabel,
      target?.selector,
      ...Object.values(target?.attributes ?? {}),
    ];
    for (const text of texts) {
      if (!text || seen.has(text) || !mayMentionZone.test(text)) continue;
      seen.add(text);
      found.push(...scanZoneEvidence(text, interaction.ts));
      if (found.length >= MAX_EVIDENCE) return found;
    }
  }
  return found;
}
