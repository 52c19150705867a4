import { authenticateApiKey, readApiKey } from "@/lib/auth/authenticate-api-key";
import { type ApiKeyScope, type Principal, scopeAllows } from "@/lib/auth/principal";
import { resolveEntraToken } from "@/lib/auth/resolve-entra-token";
import { resolveSessionPrincipal } from "@/lib/auth/resolve-session-principal";
import { AppError, unauthorized } from "@/lib/errors";
import { enforceApiRateLimit } from "@/lib/rate-limit/enforce-api-rate-limit";
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

type CredentialResolver = (request: Request) => Promise<Principal | undefined>;
/** API key, then Entra access token, then browser session; extra resolvers may register after these. */
const credentialResolvers: CredentialResolver[] = [resolveEntraToken, resolveSessionPrincipal];
export function registerCredentialResolver(resolver: CredentialResolver): void {
  credentialResolvers.push(resolver);
}

/** Per-request hooks after authentication and rate limiting (e.g. usage metering); they may throw an AppError. */
type AfterAuthHook = (principal: Principal, request: Request) => Promise<Record<string, string> | undefined>;
const afterAuthHooks: AfterAuthHook[] = [];
export function registerAfterAuthHook(hook: AfterAuthHook): void {
  afterAuthHooks.push(hook);
}

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

/**
 * The one wrapper for authenticated API routes: authenticate, rate-limit (X-RateLimit-* on every response from
 * here on), check scope, run hooks, call the domain, map errors to problem+json.
 */
export function authedRoute(
  options: { scopes: readonly ApiKeyScope[] },
  handler: (args: BaseArgs & { principal: Principal }) => Promise<Response> | Response,
) {
  return async (request: Request, context: RouteContext) => {
    const requestId = crypto.randomUUID();
    let extraHeaders: Record<string, string> = { "x-request-id": requestId };
    try {
      const principal = await authenticate(request);
      extraHeaders = { ...extraHeaders, ...(await enforceApiRateLimit(principal)) };
      if (!scopeAllows(principal.scope, options.scopes)) {
        throw new AppError({
          code: "forbidden",
          message: `This API key has scope '${principal.scope}'; this operation needs ${options.scopes.map((s) => `'${s}'`).join(" or ")}`,
        });
      }
      for (const hook of afterAuthHooks) {
        extraHeaders = { ...extraHeaders, ...(await hook(principal, request)) };
      }
      const params = await context.params;
      rejectNulInUrl(new URL(request.url), params);
      const response = await handler({ request, params, requestId, principal });
      return withHeaders(response, extraHeaders);
    } catch (error) {
      const response = toProblemResponse(error, { requestId, instance: new URL(request.url).pathname });
      return withHeaders(response, extraHeaders);
    }
  };
}

export const json = (body: unknown, init: ResponseInit = {}) => Response.json(body, init);
