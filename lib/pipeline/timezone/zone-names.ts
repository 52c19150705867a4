import { isValidTimeZone } from "./is-valid-time-zone";
import { offsetMinutes } from "./zoned-time";

/**
 * Names people see for a zone, back to an IANA name: a city ("Berlin", "New York"), a generic name as CLDR (and so
 * Google Calendar) writes it ("Central European Time", "United Kingdom Time"), or the IANA name itself, sometimes
 * with spaces for underscores ("America/New York"). Tables come from the runtime's own tz data (Intl), built once
 * and only when needed.
 */

const AREAS = [
  "Europe",
  "America",
  "Asia",
  "Africa",
  "Australia",
  "Pacific",
  "Atlantic",
  "Indian",
  "Antarctica",
  "Arctic",
  "America/Argentina",
  "America/Indiana",
  "America/Kentucky",
  "America/North_Dakota",
];

let zoneList: string[] | undefined;

/** Every IANA zone the runtime knows (canonical names; Node's ICU still says Asia/Calcutta for Asia/Kolkata). */
export function knownZones(): string[] {
  zoneList ??= typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zoneList;
}

const normalise = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

/** An IANA-looking name as shown (`America/New York`, `europe/berlin`) to the runtime's spelling, if it is one. */
export function zoneFromIanaText(text: string): string | undefined {
  const candidate = text.trim().replace(/ /g, "_");
  if (!candidate.includes("/")) return undefined;
  const exact = knownZones().find((zone) => zone.toLowerCase() === candidate.toLowerCase());
  if (exact) return exact;
  // Newer names the runtime accepts but does not list (Asia/Kolkata, Europe/Kyiv).
  const parts = candidate.split("/");
  const spelled = parts
    .map((part) => part.replace(/(^|[_-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase()))
    .join("/");
  return isValidTimeZone(spelled) ? spelled : undefined;
}

/** A city as zones name it ("New York", "Sao Paulo", "Kolkata") to its zone. */
export function zoneForCity(city: string): string | undefined {
  const wanted = normalise(city).replace(/ /g, "_");
  if (!/^[a-z][a-z_.'-]{1,40}$/.test(wanted)) return undefined;
  const listed = knownZones().find((zone) => zone.split("/").at(-1)?.toLowerCase() === wanted);
  if (listed) return listed;
  for (const area of AREAS) {
    const found = zoneFromIanaText(`${area}/${wanted}`);
    if (found) return found;
  }
  return undefined;
}

let genericNames: Map<string, string[]> | undefined;

const genericNameOf = (zone: string, at: Date) =>
  new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longGeneric" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;

/**
 * Zones whose English generic name is `name` ("Central European Time" → Europe/Berlin, Europe/Paris, …), those
 * with `offset` (minutes, as shown next to the name) at `at` first. Generic names do not change with DST.
 */
export function zonesForGenericName(name: string, at: number, offset?: number): string[] {
  if (!genericNames) {
    genericNames = new Map();
    const reference = new Date(Date.UTC(2026, 0, 15));
    for (const zone of knownZones()) {
      const generic = genericNameOf(zone, reference);
      if (!generic || /^GMT[+-]/.test(generic)) continue;
      const key = normalise(generic);
      genericNames.set(key, [...(genericNames.get(key) ?? []), zone]);
    }
  }
  const zones = genericNames.get(normalise(name)) ?? [];
  if (offset === undefined) return zones;
  return [...zones].sort(
    (a, b) => Number(offsetMinutes(at, b) === offset) - Number(offsetMinutes(at, a) === offset),
  );
}

/** A zone with `offset` minutes at `at`: `Etc/GMT-2` for whole hours (inverted sign), else a real zone with it. */
export function zoneForOffset(offset: number, at: number): string | undefined {
  if (Math.abs(offset) > 14 * 60) return undefined;
  if (offset === 0) return "UTC";
  if (offset % 60 === 0) return `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset / 60)}`;
  return knownZones().find((zone) => offsetMinutes(at, zone) === offset);
}
