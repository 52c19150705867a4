import { publicRoute } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. Touches nothing else. */
export const GET = publicRoute(() => Response.json({ status: "ok" }));
