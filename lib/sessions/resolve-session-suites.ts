import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { findSuite } from "@/lib/catalog/find-suite";
import { badRequest } from "@/lib/errors";

/**
 * The suites a new session is processed for: `suite_id` first, then `suite_ids`, each once. `suiteIds` is null
 * for a single-suite session (the column then means "just `suite_id`"). Unknown suites are a 400 naming the field.
 */
export async function resolveSessionSuites(input: {
  suite_id?: string;
  suite_ids?: string[];
}): Promise<{ suiteId: string; suiteIds: string[] | null }> {
  const named = [
    ...(input.suite_id ? [{ value: input.suite_id, field: "suite_id" }] : []),
    ...(input.suite_ids ?? []).map((value, index) => ({ value, field: `suite_ids.${index}` })),
  ];
  const ids: string[] = [];
  const catalog = getBundledCatalog();
  for (const { value, field } of named) {
    const suite = findSuite(catalog, value);
    if (!suite) throw badRequest(`Unknown suite '${value}'; GET /v1/suites lists them`, { field });
    if (!ids.includes(suite.id)) ids.push(suite.id);
  }
  const [suiteId] = ids;
  if (!suiteId) throw badRequest("Give suite_id or suite_ids", { field: "suite_id" });
  return { suiteId, suiteIds: ids.length > 1 ? ids : null };
}
