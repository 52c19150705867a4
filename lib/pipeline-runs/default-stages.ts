import type { PipelineStages } from "./pipeline-stages";

/** The production binding of the pure pipeline (lib/pipeline). */
export function getDefaultStages(): PipelineStages {
  throw new Error("pipeline stages are bound once lib/pipeline lands");
}
