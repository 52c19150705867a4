import { authedRoute } from "@/lib/api/handler";
import { exportSessionBundle } from "@/lib/bundles/export-session-bundle";

export const dynamic = "force-dynamic";

export const GET = authedRoute(
  { scopes: ["read"], permission: "read" },
  async ({ params, principal, meta }) => {
    const id = String(params.id);
    const body = await exportSessionBundle(principal, id, meta);
    return new Response(body, {
      headers: {
        "content-type": "application/gzip",
        "content-disposition": `attachment; filename="session-${id}.tar.gz"`,
      },
    });
  },
);
