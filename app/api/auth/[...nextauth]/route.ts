import { handlers } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";

/** Auth.js endpoints (sign-in, callback, session, CSRF, sign-out); public by nature and CSRF-protected by Auth.js. */
export const { GET, POST } = handlers;
