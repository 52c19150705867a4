import { z } from "zod";
import { isValidTimeZone } from "@/lib/pipeline/timezone/is-valid-time-zone";
import { text } from "./text";

/** An IANA zone name as a customer states it for a recording (upload form, API, CLI). */
export const timezoneSchema = text()
  .trim()
  .max(64)
  .refine(isValidTimeZone, { message: "Not an IANA time zone name (e.g. Europe/Berlin, America/New_York)" })
  .describe(
    "IANA time zone the person recorded in (e.g. `Europe/Berlin`). Calendar times are written with this zone's offset on each date. Omit it to take the zone from the recording or infer it from the pages.",
  )
  .meta({ example: "Europe/Berlin" });

export const timezoneSourceSchema = z
  .enum(["stated", "recording", "inferred", "unknown"])
  .describe(
    "Where `timezone` came from: `stated` on upload, carried by the `recording`, `inferred` from what the pages showed (e.g. Google Calendar's zone display), or `unknown` (date-time actions then need review).",
  );
