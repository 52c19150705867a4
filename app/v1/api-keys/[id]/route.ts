import { authedRoute } from "@/lib/api/handler";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { readRequestMeta } from "@/lib/auth/request-meta";
import { notFound } from "@/lib/errors";
import { revokeApiKeySchema } from "@/schemas/api-keys";

export const dynamic = "force-dynamic";

/** Revokes a key of the caller's workspace: 404 when there is none with this id there. */
export const DELETE = authedRoute(
  { scopes: ["full"], permission: "manage_keys" },
  async ({ request, params, principal }) => {
    // An id that is not a UUID cannot name any key: that is a 404 like any other missing key.
    const parsed = revokeApiKeySchema.safeParse({ id: params.id });
    if (!parsed.success) throw notFound("API key");
    await revokeApiKey(principal, parsed.data.id, readRequestMeta(request.headers));
    return new Response(null, { status: 204 });
  },
);
