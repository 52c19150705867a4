import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveTimezone } from "./resolve-timezone";
import { scanZoneEvidence } from "./zone-evidence";
import { knownZones } from "./zone-names";
import { offsetMinutes } from "./zoned-time";

const december = Date.UTC(2026, 11, 4, 9);
const july = Date.UTC(2026, 6, 14, 9);

describe("scanZoneEvidence", () => {
  it("reads Google Calendar's zone display: the city names the zone", () => {
    expect(scanZoneEvidence("(GMT+01:00) Central European Time - Berlin", december)).toEqual([
      { kind: "zone", zone: "Europe/Berlin", text: "(GMT+01:00) Central European Time - Berlin" },
    ]);
    expect(scanZoneEvidence("Time zone (GMT-05:00) Eastern Time - New York", december)[0]).toMatchObject({
      kind: "zone",
      zone: "America/New_York",
    });
    // Renamed cities the runtime accepts but may not list.
    expect(scanZoneEvidence("(GMT+05:30) India Standard Time - Kolkata", december)[0]).toMatchObject({
      kind: "zone",
    });
  });

  it("falls back to the generic name when no city is shown, preferring zones with the shown offset", () => {
    const [uk] = scanZoneEvidence("(GMT+00:00) United Kingdom Time", december);
    expect(uk?.kind).toBe("zone");
    expect(uk?.kind === "zone" && offsetMinutes(july, uk.zone)).toBe(60);
    const [cet] = scanZoneEvidence("(GMT+01:00) Central European Time", december);
    expect(cet?.kind === "zone" && offsetMinutes(december, cet.zone)).toBe(60);
    expect(cet?.kind === "zone" && offsetMinutes(july, cet.zone)).toBe(120);
  });

  it("reads IANA names shown with spaces, and bare offsets", () => {
    expect(scanZoneEvidence("(GMT-05:00) America/New York", december)[0]).toMatchObject({
      kind: "zone",
      zone: "America/New_York",
    });
    expect(scanZoneEvidence("Primary time zone: Europe/Berlin Time", december)[0]).toMatchObject({
      kind: "zone",
      zone: "Europe/Berlin",
    });
    expect(scanZoneEvidence("GMT+01", december)).toEqual([
      { kind: "offset", offsetMinutes: 60, text: "GMT+01", at: december },
    ]);
    expect(scanZoneEvidence("UTC−05:30", december)[0]).toMatchObject({ offsetMinutes: -330 });
  });

  it("finds nothing in ordinary text", () => {
    expect(scanZoneEvidence("Design review at 10:00am, Room 4B", december)).toEqual([]);
    expect(scanZoneEvidence("https://github.com/acme/Widgets/issues", december)).toEqual([]);
    expect(scanZoneEvidence("GMT+99", december)).toEqual([]);
  });

  it("names every zone back from its own IANA name (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...knownZones().filter((z) => z.includes("/") && !z.startsWith("Etc/"))),
        (zone) => {
          const [found] = scanZoneEvidence(`Time zone: ${zone.replace(/_/g, " ")}`, december);
          expect(found).toMatchObject({ kind: "zone" });
          // The same zone or an alias of it: the same offsets through the year.
          if (found?.kind === "zone") {
            expect(offsetMinutes(december, found.zone)).toBe(offsetMinutes(december, zone));
            expect(offsetMinutes(july, found.zone)).toBe(offsetMinutes(july, zone));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("resolveTimezone", () => {
  const berlin = scanZoneEvidence("(GMT+01:00) Central European Time - Berlin", december);
  const offset = scanZoneEvidence("GMT-05", december);

  it("prefers what the customer stated, then what the recording carries, then evidence", () => {
    expect(resolveTimezone({ stated: "Asia/Tokyo", recording: "Europe/Paris", evidence: berlin })).toEqual({
      timezone: "Asia/Tokyo",
      source: "stated",
    });
    expect(resolveTimezone({ recording: "Europe/Paris", evidence: berlin })).toEqual({
      timezone: "Europe/Paris",
      source: "recording",
    });
    expect(resolveTimezone({ evidence: [...offset, ...berlin] })).toMatchObject({
      timezone: "Europe/Berlin",
      source: "inferred",
      evidence: "(GMT+01:00) Central European Time - Berlin",
    });
  });

  it("turns a bare offset into a fixed-offset zone, and says unknown with no evidence", () => {
    expect(resolveTimezone({ evidence: offset })).toEqual({
      timezone: "Etc/GMT+5",
      source: "inferred",
      evidence: "GMT-05",
    });
    expect(resolveTimezone({ evidence: scanZoneEvidence("GMT+05:30", december) }).timezone).toBeDefined();
    expect(resolveTimezone({ evidence: [] })).toEqual({ source: "unknown" });
    expect(resolveTimezone({ stated: "Not/AZone" })).toEqual({ source: "unknown" });
  });

  it("the inferred zone has, at every date, the offset the evidence showed (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -12, max: 14 }),
        fc.date({ min: new Date("2000-01-01"), max: new Date("2035-12-31"), noInvalidDate: true }),
        (hours, date) => {
          const text = `GMT${hours < 0 ? "-" : "+"}${String(Math.abs(hours)).padStart(2, "0")}`;
          const resolved = resolveTimezone({ evidence: scanZoneEvidence(text, date.getTime()) });
          expect(resolved.source).toBe("inferred");
          expect(offsetMinutes(date.getTime(), resolved.timezone ?? "")).toBe(hours * 60);
        },
      ),
    );
  });
});
