import { getDb } from "@/db/client";
import { insertSession } from "@/db/queries/sessions";
import type { Actor } from "@/lib/auth/principal";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { findSuite } from "@/lib/catalog/find-suite";
import { badRequest } from "@/lib/errors";
import type { CreateStreamingSessionInput } from "@/schemas/sessions";
import { resolveSessionSuites } from "./resolve-session-suites";
import { toSessionResponse } from "./session-response";

/** A suite the caller named, as a 400 (bad input) rather than a 404 (the URL was fine). */
export async function resolveSuiteId(idOrSlug: string): Promise<string> {
  const suite = findSuite(getBundledCatalog(), idOrSlug);
  if (!suite)
    throw badRequest(`Unknown suite '${idOrSlug}'; GET /v1/suites lists them`, { field: "suite_id" });
  return suite.id;
}

/** Opens an empty session that accepts streamed events until it is completed. */
export async function createStreamingSession(actor: Actor, input: CreateStreamingSessionInput) {
  const { suiteId, suiteIds } = await resolveSessionSuites(input);
  const session = await insertSession(await getDb(), {
    id: crypto.randomUUID(),
    workspaceId: actor.workspaceId,
    userId: actor.userId,
    suiteId,
    suiteIds,
    description: input.description || null,
    ...statedTimezone(input.timezone),
    status: "open",
    sourceFormat: "native",
  });
  if (!session) throw new Error("session insert returned no row");
  return toSessionResponse(session);
}

/** A zone the customer stated is the session's zone, whatever the recording says. */
export const statedTimezone = (timezone: string | undefined) =>
  timezone ? { timezone, timezoneSource: "stated" as const } : {};
