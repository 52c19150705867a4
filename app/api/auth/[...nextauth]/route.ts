import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { toPublicRequest } from "@/lib/auth/public-request-url";

export const dynamic = "force-dynamic";

// Auth.js only reads the standard Request members unless AUTH_URL is set (then it wants `nextUrl`, and the origin
// is already right), so the plain Request from toPublicRequest is safe where its types ask for a NextRequest.
const asNextRequest = (request: Request) => request as NextRequest;

/** Auth.js endpoints (sign-in, callback, session, CSRF, sign-out); public by nature and CSRF-protected by Auth.js. */
export const GET = async (request: Request) => handlers.GET(asNextRequest(await toPublicRequest(request)));
export const POST = async (request: Request) => handlers.POST(asNextRequest(await toPublicRequest(request)));
