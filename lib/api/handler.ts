import { authenticateApiKey, readApiKey } from "@/lib/auth/authenticate-api-key";
import { type ApiKeyScope, type Principal, scopeAllows } from "@/lib/auth/principal";
import { AppError, unauthorized } from "@/lib/errors";
import { toProblemResponse } from "./problem";

type RouteParams = Record<string, string | string[] | undefined>;
interface RouteContext {
  params: Promise<RouteParams>;
}

interface BaseArgs {
  request: Request;
  params: RouteParams;
  requestId: string;
}

/** Extra credential resolvers (browser session, Entra access token) register here; API keys are built in. */
type CredentialResolver = (request: Request) => Promise<Principal | undefined>;
const credentialResolvers: CredentialResolver[] = [];
export function registerCredentialResolver(resolver: CredentialResolver): void {
  credentialResolvers.push(resolver);
}

/** Per-request hooks that run after authentication, e.g. rate limiting; they may throw an AppError. */
type AfterAuthHook = (principal: Principal, request: Request) => Promise<Record<string, string> | undefined>;
const afterAuthHooks: AfterAuthHook[] = [];
export function registerAfterAuthHook(hook: AfterAuthHook): void {
  afterAuthHooks.push(hook);
}

async function authenticate(request: Request): Promise<Principal> {
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
      return withHeaders(await handler({ request, params: await context.params, requestId }), {
        "x-request-id": requestId,
      });
    } catch (error) {
      return toProblemResponse(error, { requestId, instance: new URL(request.url).pathname });
    }
  };
}

/**
 * The one wrapper for authenticated API routes: authenticate, check scope, run hooks (rate limit), call the
 * domain, map errors to problem+json.
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
      if (!scopeAllows(principal.scope, options.scopes)) {
        throw new AppError({
          code: "forbidden",
          message: `This API key has scope '${principal.scope}'; this operation needs ${options.scopes.map((s) => `'${s}'`).join(" or ")}`,
        });
      }
      for (const hook of afterAuthHooks) {
        extraHeaders = { ...extraHeaders, ...(await hook(principal, request)) };
      }
      const response = await handler({ request, params: await context.params, requestId, principal });
      return withHeaders(response, extraHeaders);
    } catch (error) {
      const response = toProblemResponse(error, { requestId, instance: new URL(request.url).pathname });
      return withHeaders(response, extraHeaders);
    }
  };
}

export const json = (body: unknown, init: ResponseInit = {}) => Response.json(body, init);
