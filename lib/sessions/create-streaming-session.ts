import { getDb } from "@/db/client";
import { insertSession } from "@/db/queries/sessions";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { findSuite } from "@/lib/catalog/find-suite";
import { badRequest } from "@/lib/errors";
import type { CreateStreamingSessionInput } from "@/schemas/sessions";
import { toSessionResponse } from "./session-response";

/** A suite the caller named, as a 400 (bad input) rather than a 404 (the URL was fine). */
export async function resolveSuiteId(idOrSlug: string): Promise<string> {
  const suite = findSuite(getBundledCatalog(), idOrSlug);
  if (!suite)
    throw badRequest(`Unknown suite '${idOrSlug}'; GET /v1/suites lists them`, { field: "suite_id" });
  return suite.id;
}

/** Opens an empty session that accepts streamed events until it is completed. */
export async function createStreamingSession(userId: string, input: CreateStreamingSessionInput) {
  const suiteId = await resolveSuiteId(input.suite_id);
  const session = await insertSession(await getDb(), {
    id: crypto.randomUUID(),
    userId,
    suiteId,
    description: input.description || null,
    status: "open",
    sourceFormat: "native",
  });
  if (!session) throw new Error("session insert returned no row");
  return toSessionResponse(session);
}
