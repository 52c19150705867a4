import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { actionToolMapId, modelId, suiteId } from "@/lib/catalog/catalog-ids";

/** Display names of catalog ids, for pages that show examples (ids are UUID v5 of the bundled slugs). */
export interface CatalogLabels {
  models: Record<string, string>;
  maps: Record<string, string>;
  suites: Record<string, string>;
}

export function getCatalogLabels(): CatalogLabels {
  const catalog = getBundledCatalog();
  return {
    models: Object.fromEntries(catalog.models.map((m) => [modelId(m.slug), m.slug])),
    maps: Object.fromEntries(catalog.action_tool_maps.map((m) => [actionToolMapId(m.slug), m.slug])),
    suites: Object.fromEntries(catalog.suites.map((s) => [suiteId(s.slug), s.name])),
  };
}
