import { authedRoute, json } from "@/lib/api/handler";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { readRequestMeta } from "@/lib/auth/request-meta";
import { badRequest } from "@/lib/errors";
import { createApiKeySchema } from "@/schemas/api-keys";

export const dynamic = "force-dynamic";

export const GET = authedRoute({ scopes: ["full"], permission: "manage_keys" }, async ({ principal }) =>
  json({ data: await listApiKeys(principal.workspaceId) }),
);

export const POST = authedRoute(
  { scopes: ["full"], permission: "manage_keys" },
  async ({ request, principal }) => {
    const body: unknown = await request.json().catch(() => {
      throw badRequest("The body must be JSON");
    });
    const input = createApiKeySchema.parse(body);
    const created = await createApiKey(principal, input, readRequestMeta(request.headers), principal);
    return json(created, { status: 201 });
  },
);
