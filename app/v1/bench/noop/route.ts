import { authedRoute } from "@/lib/api/handler";
import { getEnv } from "@/lib/env";
import { notFound } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * The ingest bench's baseline: the same wrapper (credential, rate limit) and body transfer as
 * POST /v1/sessions/{id}/events, then 202 without parsing or storing. Absent unless TRACEPIPE_BENCH_ROUTES=1.
 */
export const POST = authedRoute({ scopes: ["ingest"], permission: "upload" }, async ({ request }) => {
  if (!getEnv().TRACEPIPE_BENCH_ROUTES) throw notFound("Route");
  await request.arrayBuffer();
  return Response.json({ accepted: 0, duplicates: 0 }, { status: 202 });
});
