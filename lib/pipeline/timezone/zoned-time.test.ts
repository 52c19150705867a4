import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidTimeZone } from "./is-valid-time-zone";
import { knownZones } from "./zone-names";
import { formatOffset, offsetMinutes, toRfc3339 } from "./zoned-time";

const cache = new Map<string, Intl.DateTimeFormat>();
const formatter = (key: string, make: () => Intl.DateTimeFormat) => {
  const cached = cache.get(key);
  if (cached) return cached;
  const made = make();
  cache.set(key, made);
  return made;
};

/** The zone's offset at an instant as Intl itself formats it ("GMT+05:30"), independent of @date-fns/tz. */
function intlOffset(instant: number, timeZone: string): number {
  const name = formatter(
    `o:${timeZone}`,
    () => new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }),
  )
    .formatToParts(new Date(instant))
    .find((p) => p.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/** Wall-clock parts of an instant in a zone, as Intl shows them. */
function intlWall(instant: number, timeZone: string): string {
  const parts = Object.fromEntries(
    formatter(
      `w:${timeZone}`,
      () =>
        new Intl.DateTimeFormat("en-US", {
          timeZone,
          hourCycle: "h23",
          year: "numeric",
          month: "2-digit",
          day: "2-digit",
          hour: "2-digit",
          minute: "2-digit",
          second: "2-digit",
        }),
    )
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

const pad = (n: number) => String(n).padStart(2, "0");
const zones = knownZones();

describe("toRfc3339", () => {
  it("gives each date the offset its zone has then (DST): Berlin summer +02:00, winter +01:00", () => {
    expect(toRfc3339("2026-07-14T09:00:00", "Europe/Berlin")).toBe("2026-07-14T09:00:00+02:00");
    expect(toRfc3339("2026-12-04T09:00:00", "Europe/Berlin")).toBe("2026-12-04T09:00:00+01:00");
    expect(toRfc3339("2026-03-29T01:59:00", "Europe/Berlin")).toBe("2026-03-29T01:59:00+01:00");
    expect(toRfc3339("2026-03-29T03:00:00", "Europe/Berlin")).toBe("2026-03-29T03:00:00+02:00");
    expect(toRfc3339("2026-06-01T10:00:00", "America/New_York")).toBe("2026-06-01T10:00:00-04:00");
    expect(toRfc3339("2026-01-15T10:00:00", "Asia/Kolkata")).toBe("2026-01-15T10:00:00+05:30");
    expect(toRfc3339("2026-01-15T10:00:00", "Australia/Sydney")).toBe("2026-01-15T10:00:00+11:00");
  });

  it("moves a time skipped by spring-forward on by the gap, as calendars do", () => {
    expect(toRfc3339("2026-03-29T02:30:00", "Europe/Berlin")).toBe("2026-03-29T03:30:00+02:00");
  });

  it("never invents UTC: no zone, no offset; values with an offset pass through", () => {
    expect(toRfc3339("2026-12-04T09:00:00", undefined)).toBeUndefined();
    expect(toRfc3339("2026-12-04T09:00:00-05:00", undefined)).toBe("2026-12-04T09:00:00-05:00");
    expect(toRfc3339("next Tuesday", "Europe/Berlin")).toBeUndefined();
  });

  it("matches Intl for any zone and wall-clock time: same wall time (outside DST gaps) and Intl's offset", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({
          min: new Date("1990-01-01T00:00:00Z"),
          max: new Date("2037-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (zone, date) => {
          const wall = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:00`;
          const result = toRfc3339(wall, zone);
          expect(result).toBeDefined();
          const instant = Date.parse(result ?? "");
          // The offset written is the zone's offset at the instant written …
          expect(result?.slice(19)).toBe(formatOffset(intlOffset(instant, zone)));
          expect(offsetMinutes(instant, zone)).toBe(intlOffset(instant, zone));
          // … and that instant shows the stated wall time in the zone, unless the time does not exist there.
          const shown = intlWall(instant, zone);
          if (shown !== wall) {
            const gap = intlOffset(instant, zone) - intlOffset(instant - 6 * 3600_000, zone);
            expect(gap).toBeGreaterThan(0);
            expect(Date.parse(`${shown}Z`) - Date.parse(`${wall}Z`)).toBe(gap * 60_000);
          }
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);
});

describe("isValidTimeZone", () => {
  it("accepts IANA names and refuses offsets and made-up names", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("Asia/Kolkata")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("+02:00")).toBe(false);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});
