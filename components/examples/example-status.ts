import type { ExampleResource } from "@/schemas/examples";

export const isExampleSettled = (status: string) => status === "completed" || status === "failed";

/** Poll every 2 s while any example is still pending or processing; stop once all have settled. */
export const pollWhileGenerating = (examples: Pick<ExampleResource, "status">[] | undefined) =>
  examples?.some((e) => !isExampleSettled(e.status)) ? 2000 : false;

export const formatOf = (example: Pick<ExampleResource, "model_configuration">) =>
  typeof example.model_configuration.format === "string" ? example.model_configuration.format : "openai";

// Shared by server pages and client components; kept out of "use client" files, whose exports are references.
export const EXAMPLES_PAGE_SIZE = 20;
export const PREVIEW_RECORDS = 20;
