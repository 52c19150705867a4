import type { CatalogSuite } from "@/schemas/catalog";
import type { GoldAction } from "@/schemas/pipeline";

/** Catalog actions that carry a date-time (Calendar's create_event start/end): their values need a zone. */
export function datetimeActions(suite: CatalogSuite): Set<string> {
  return new Set(
    suite.actions.filter((a) => a.parameters.some((p) => p.type === "datetime")).map((a) => a.slug),
  );
}

/**
 * With no zone for the session, every datetime-bearing action goes to review with `timezone_unknown` instead of
 * being written with a guessed UTC offset. Actions of other suites (a multi-suite session) pass unchanged.
 */
export function markTimezoneUnknown(actions: GoldAction[], suite: CatalogSuite): GoldAction[] {
  const bearing = datetimeActions(suite);
  return actions.map((action) => {
    if (!bearing.has(action.slug)) return action;
    const reasons = action.reviewReasons ?? [];
    return {
      ...action,
      needsReview: true,
      reviewReasons: reasons.includes("timezone_unknown") ? reasons : [...reasons, "timezone_unknown"],
    };
  });
}
