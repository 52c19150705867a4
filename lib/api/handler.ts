import { assertSameOriginWrite } from "@/lib/api/assert-same-origin-write";
import { authenticateApiKey, readApiKey } from "@/lib/auth/authenticate-api-key";
import { type ApiKeyScope, type Principal, scopeAllows } from "@/lib/auth/principal";
import { resolveEntraToken } from "@/lib/auth/resolve-entra-token";
import { resolveSessionPrincipal } from "@/lib/auth/resolve-session-principal";
import { AppError, unauthorized } from "@/lib/errors";
import { enforceApiRateLimit } from "@/lib/rate-limit/enforce-api-rate-limit";
import { assertCan, type Permission } from "@/lib/workspaces/policy";
import { toProblemResponse } from "./problem";
import { rejectNulInUrl } from "./reject-nul-in-url";

type RouteParams = Record<string, string | string[] | undefined>;
interface RouteContext {
  params: Promise<RouteParams>;
}

interface BaseArgs {
  request: Request;
  params: RouteParams;
  requestId: string;
}

/** After an API key: an Entra access token, then a browser session. */
const credentialResolvers = [resolveEntraToken, resolveSessionPrincipal] as const;

/** The caller, derived only from the credential: never from a header, query or body naming a user. */
export async function authenticate(request: Request): Promise<Principal> {
  const apiKey = readApiKey(request);
  if (apiKey) return authenticateApiKey(apiKey);
  for (const resolve of credentialResolvers) {
    const principal = await resolve(request);
    if (principal) return principal;
  }
  throw unauthorized();
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export function publicRoute(handler: (args: BaseArgs) => Promise<Response> | Response) {
  return async (request: Request, context: RouteContext) => {
    const requestId = crypto.randomUUID();
    try {
      const params = await context.params;
      rejectNulInUrl(new URL(request.url), params);
      return withHeaders(await handler({ request, params, requestId }), {
        "x-request-id": requestId,
      });
    } catch (error) {
      return toProblemResponse(error, { requestId, instance: new URL(request.url).pathname });
    }
  };
}

interface RouteAccess {
  scopes: readonly ApiKeyScope[];
  /** What the caller's role in the workspace must allow (lib/workspaces/policy.ts); required on every route. */
  permission: Permission;
}

/**
 * The one wrapper for authenticated API routes: authenticate, rate-limit (X-RateLimit-* on every response from
 * here on), check scope and role, call the domain, map errors to problem+json. The returned handler carries its
 * `access`, so the route × role test reads every route's permission from the route itself.
 */
export function authedRoute(
  /** `uploads`: the route takes multipart/form-data, also from a browser session. */
  options: RouteAccess & { uploads?: boolean },
  handler: (args: BaseArgs & { principal: Principal }) => Promise<Response> | Response,
) {
  const route = async (request: Request, context: RouteContext) => {
    const requestId = crypto.randomUUID();
    const extraHeaders: Record<string, string> = { "x-request-id": requestId };
    try {
      const principal = await authenticate(request);
      if (principal.via === "browser_session")
        assertSameOriginWrite(request, { allowMultipart: options.uploads });
      Object.assign(extraHeaders, await enforceApiRateLimit(principal));
      if (!scopeAllows(principal.scope, options.scopes)) {
        throw new AppError({
          code: "forbidden",
          message: `This API key has scope '${principal.scope}'; this operation needs ${options.scopes.map((s) => `'${s}'`).join(" or ")}`,
        });
      }
      assertCan(principal.role, options.permission);
      const params = await context.params;
      rejectNulInUrl(new URL(request.url), params);
      const response = await handler({ request, params, requestId, principal });
      return withHeaders(response, extraHeaders);
    } catch (error) {
      const response = toProblemResponse(error, { requestId, instance: new URL(request.url).pathname });
      return withHeaders(response, extraHeaders);
    }
  };
  const access: RouteAccess = { scopes: options.scopes, permission: options.permission };
  return Object.assign(route, { access });
}

export const json = (body: unknown, init: ResponseInit = {}) => Response.json(body, init);
