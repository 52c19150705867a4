import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { actionToolMapId, modelId } from "@/lib/catalog/catalog-ids";
import type { ResolvedSuite } from "@/lib/catalog/find-suite";
import { AppError } from "@/lib/errors";
import type { Catalog, CatalogActionToolMap } from "@/schemas/catalog";

type CatalogModel = Catalog["models"][number];

// Catalog ids are UUID v5 of slugs (lib/catalog/catalog-ids.ts) and the database is seeded from the same
// bundled catalog, so references resolve without a query and agree with the seeded rows.

export const DEFAULT_MODEL_SLUG = "tracepipe-rules-1";

const unprocessable = (field: string, message: string) =>
  new AppError({
    code: "unprocessable",
    message,
    extensions: { errors: [{ field, code: "invalid_reference", message }] },
  });

export type ResolvedModel = CatalogModel & { id: string };
export type ResolvedMap = CatalogActionToolMap & { id: string };

export function resolveModel(reference: string | undefined): ResolvedModel {
  const wanted = reference ?? DEFAULT_MODEL_SLUG;
  const model = getBundledCatalog().models.find((m) => m.slug === wanted || modelId(m.slug) === wanted);
  if (!model) throw unprocessable("model_id", `Unknown model '${wanted}'`);
  return { ...model, id: modelId(model.slug) };
}

export function findModelById(id: string): ResolvedModel | undefined {
  const model = getBundledCatalog().models.find((m) => modelId(m.slug) === id || m.slug === id);
  return model && { ...model, id: modelId(model.slug) };
}

/** The map named by `reference`, or the suite's only map when it is omitted; it must belong to the suite. */
export function resolveActionToolMap(reference: string | undefined, suite: ResolvedSuite): ResolvedMap {
  const maps = getBundledCatalog().action_tool_maps;
  if (reference === undefined) {
    const ofSuite = maps.filter((m) => m.suite === suite.slug);
    const only = ofSuite[0];
    if (ofSuite.length !== 1 || !only) {
      throw unprocessable(
        "action_tool_map_id",
        `Suite '${suite.slug}' has ${ofSuite.length} action-tool maps; choose one with action_tool_map_id`,
      );
    }
    return { ...only, id: actionToolMapId(only.slug) };
  }
  const map = maps.find((m) => m.slug === reference || actionToolMapId(m.slug) === reference);
  if (!map) throw unprocessable("action_tool_map_id", `Unknown action-tool map '${reference}'`);
  if (map.suite !== suite.slug) {
    throw unprocessable(
      "action_tool_map_id",
      `Action-tool map '${map.slug}' is for suite '${map.suite}', not the session's suite '${suite.slug}'`,
    );
  }
  return { ...map, id: actionToolMapId(map.slug) };
}

export function findActionToolMapById(id: string): ResolvedMap | undefined {
  const map = getBundledCatalog().action_tool_maps.find((m) => actionToolMapId(m.slug) === id);
  return map && { ...map, id: actionToolMapId(map.slug) };
}
