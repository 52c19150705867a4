import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { actionToolMapId, modelId, suiteId } from "@/lib/catalog/catalog-ids";
import { getEnv } from "@/lib/env";
import { DEFAULT_MODEL_SLUG } from "./resolve-catalog-refs";

export interface ExampleFormModel {
  id: string;
  slug: string;
  description: string;
  /** LLM models are reached through the configured gateway; without one they cannot run. */
  isAvailable: boolean;
}

export interface ExampleFormOptions {
  models: ExampleFormModel[];
  maps: { id: string; slug: string }[];
  defaultModelId: string;
  isLlmGatewayConfigured: boolean;
}

/** What the create-example form offers for a session of `suite` (its UUID): models and the suite's maps. */
export function getExampleFormOptions(suite: string): ExampleFormOptions {
  const catalog = getBundledCatalog();
  const isLlmGatewayConfigured = Boolean(getEnv().LLM_BASE_URL);
  return {
    models: catalog.models.map((m) => ({
      id: modelId(m.slug),
      slug: m.slug,
      description: m.description,
      isAvailable: m.slug === DEFAULT_MODEL_SLUG || isLlmGatewayConfigured,
    })),
    maps: catalog.action_tool_maps
      .filter((m) => suiteId(m.suite) === suite || m.suite === suite)
      .map((m) => ({ id: actionToolMapId(m.slug), slug: m.slug })),
    defaultModelId: modelId(DEFAULT_MODEL_SLUG),
    isLlmGatewayConfigured,
  };
}
