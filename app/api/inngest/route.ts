import { serve } from "inngest/next";
import type { NextRequest } from "next/server";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { problemResponse } from "@/lib/api/problem";
import { isInngestEngine } from "@/lib/env";

// With an Inngest engine configured, this is where it syncs (PUT), inspects (GET) and drives (POST) the
// functions. In the embedded default the executor calls the same serve() handler in-process, so this route has
// nothing to offer; answering 404 also keeps a PUT from trying to register with Inngest Cloud.
const handlers = serve({ client: inngest, functions });

function embeddedDefault(): Response {
  return problemResponse(
    404,
    "not_found",
    "No Inngest engine is configured; functions run on the embedded executor",
  );
}

export const GET = (req: NextRequest, ctx: unknown) =>
  isInngestEngine() ? handlers.GET(req, ctx) : embeddedDefault();
export const POST = (req: NextRequest, ctx: unknown) =>
  isInngestEngine() ? handlers.POST(req, ctx) : embeddedDefault();
export const PUT = (req: NextRequest, ctx: unknown) =>
  isInngestEngine() ? handlers.PUT(req, ctx) : embeddedDefault();

export const dynamic = "force-dynamic";
