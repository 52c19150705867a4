import { authedRoute, json } from "@/lib/api/handler";
import { getCurrentUser } from "@/lib/auth/get-current-user";

export const dynamic = "force-dynamic";

/** The caller's own account, whatever credential they used. Any scope may read it. */
export const GET = authedRoute(
  { scopes: ["ingest", "read", "full"], permission: "read" },
  async ({ principal }) => json(await getCurrentUser(principal.userId)),
);
