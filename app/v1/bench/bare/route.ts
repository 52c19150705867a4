import { publicRoute } from "@/lib/api/handler";
import { getEnv } from "@/lib/env";
import { notFound } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * The ingest bench's bare baseline, as the issue defines it: a route on the same server that only answers 202 (no
 * credential, body not read). Absent unless TRACEPIPE_BENCH_ROUTES=1.
 */
export const POST = publicRoute(() => {
  if (!getEnv().TRACEPIPE_BENCH_ROUTES) throw notFound("Route");
  return new Response(null, { status: 202 });
});
