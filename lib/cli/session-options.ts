import { isValidTimeZone } from "@/lib/pipeline/timezone/is-valid-time-zone";
import { UsageError } from "./cli-context";

/** `--suite gmail` or `--suite gmail,google-calendar` (a session processed for several suites). */
export function suiteFields(suite: string): { suite_id: string } | { suite_ids: string[] } {
  const suites = suite
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return suites.length > 1 ? { suite_ids: suites } : { suite_id: suites[0] ?? suite };
}

/** A bad zone is a usage error (exit 2) before anything is sent. */
export function checkTimezoneOption(timezone: string | undefined): void {
  if (timezone !== undefined && !isValidTimeZone(timezone))
    throw new UsageError(`Unknown time zone "${timezone}" (an IANA name such as Europe/Berlin)`);
}
