import { publicRoute } from "@/lib/api/handler";
import { checkReadiness } from "@/lib/platform/check-readiness";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async () => {
  const readiness = await checkReadiness();
  return Response.json(readiness, { status: readiness.status === "ready" ? 200 : 503 });
});
