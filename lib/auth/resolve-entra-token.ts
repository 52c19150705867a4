import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from "jose";
import { getEnv, isEntraConfigured } from "@/lib/env";
import { unauthorized } from "@/lib/errors";
import { childLogger } from "@/lib/logger";
import { resolveMembership } from "@/lib/workspaces/current-workspace";
import { findOrCreateEntraUser } from "./find-or-create-entra-user";
import type { Principal } from "./principal";

const log = childLogger("auth.entra-token");
let jwks: { issuer: string; getKey: JWTVerifyGetKey } | undefined;

/** The tenant's signing keys, found through its OpenID discovery document and cached by jose. */
async function getTenantKeys(issuer: string): Promise<JWTVerifyGetKey> {
  if (jwks?.issuer === issuer) return jwks.getKey;
  const response = await fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`OpenID discovery failed with ${response.status}`);
  const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: string };
  if (!jwksUri) throw new Error("OpenID discovery document has no jwks_uri");
  jwks = { issuer, getKey: createRemoteJWKSet(new URL(jwksUri)) };
  return jwks.getKey;
}

const looksLikeJwt = (value: string) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(value);

/**
 * `Authorization: Bearer <JWT>`: an Entra access token for our API, checked against the tenant's JWKS for
 * signature, issuer, audience (ENTRA_API_AUDIENCE) and expiry. Any other bearer value is not ours to judge.
 */
export async function resolveEntraToken(request: Request): Promise<Principal | undefined> {
  const token = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token || !looksLikeJwt(token)) return undefined;
  const env = getEnv();
  const issuer = env.AUTH_MICROSOFT_ENTRA_ID_ISSUER;
  if (!isEntraConfigured(env) || !issuer || !env.ENTRA_API_AUDIENCE) throw unauthorized();
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, await getTenantKeys(issuer), {
      issuer,
      audience: env.ENTRA_API_AUDIENCE,
      requiredClaims: ["exp", "oid", "tid"],
    }));
  } catch (error) {
    log.info({ reason: error instanceof Error ? error.name : "unknown" }, "entra token rejected");
    throw unauthorized("The access token is invalid or expired");
  }
  const { user } = await findOrCreateEntraUser({
    tenantId: String(payload.tid),
    objectId: String(payload.oid),
    email:
      typeof payload.email === "string"
        ? payload.email
        : typeof payload.preferred_username === "string"
          ? payload.preferred_username
          : null,
    name: typeof payload.name === "string" ? payload.name : null,
  });
  // An Entra token acts in the user's personal workspace; a team workspace is reached with an API key of it.
  const membership = await resolveMembership(user.id);
  return { userId: user.id, ...membership, via: "entra_token", scope: "full" };
}

export function resetEntraKeysForTests(): void {
  jwks = undefined;
}
