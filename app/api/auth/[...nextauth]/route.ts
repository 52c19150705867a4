import { handlers } from "@/lib/auth/auth";
import { toPublicRequest } from "@/lib/auth/public-request-url";

export const dynamic = "force-dynamic";

/** Auth.js endpoints (sign-in, callback, session, CSRF, sign-out); public by nature and CSRF-protected by Auth.js. */
export const GET = (request: Request) => handlers.GET(toPublicRequest(request));
export const POST = (request: Request) => handlers.POST(toPublicRequest(request));
