import {
  type AccountInfo,
  type Configuration,
  InteractionRequiredAuthError,
  PublicClientApplication,
} from "@azure/msal-node";
import type { CliEnv } from "../cli-env";
import { createFileCachePlugin, deleteTokenCache } from "./file-cache-plugin";

/** No usable credential: neither an API key nor a cached Entra sign-in that msal can refresh. */
export class NotSignedInError extends Error {}

/** Hosts msal knows how to discover by itself; any other host (a custom domain, a test tenant) must be declared. */
const isMicrosoftHost = (host: string) =>
  host === "login.microsoftonline.com" || host.endsWith(".ciamlogin.com");

export interface EntraSettings {
  authority: string;
  clientId: string;
  scopes: string[];
}

export function getEntraSettings(env: CliEnv): EntraSettings | undefined {
  const { TRACEPIPE_ENTRA_AUTHORITY: authority, TRACEPIPE_ENTRA_CLIENT_ID: clientId } = env;
  const scope =
    env.TRACEPIPE_ENTRA_SCOPE ?? (env.ENTRA_API_AUDIENCE ? `${env.ENTRA_API_AUDIENCE}/.default` : undefined);
  if (!authority || !clientId || !scope) return undefined;
  return { authority, clientId, scopes: scope.split(/\s+/).filter(Boolean) };
}

function createApp(settings: EntraSettings, configDir: string) {
  const host = new URL(settings.authority).host;
  const config: Configuration = {
    auth: {
      clientId: settings.clientId,
      authority: settings.authority,
      // Entra External ID (<tenant>.ciamlogin.com) is recognised by msal; a custom domain is not, and without
      // knownAuthorities msal would try Microsoft's instance discovery for it and fail.
      ...(isMicrosoftHost(host) ? {} : { knownAuthorities: [host] }),
    },
    cache: { cachePlugin: createFileCachePlugin(configDir) },
  };
  return new PublicClientApplication(config);
}

function requireSettings(env: CliEnv): EntraSettings {
  const settings = getEntraSettings(env);
  if (!settings)
    throw new NotSignedInError(
      "Entra sign-in is not configured: set TRACEPIPE_ENTRA_AUTHORITY, TRACEPIPE_ENTRA_CLIENT_ID and " +
        "TRACEPIPE_ENTRA_SCOPE (or ENTRA_API_AUDIENCE), or use TRACEPIPE_API_KEY",
    );
  return settings;
}

/** Device-code sign-in: the user opens the verification URI on any device and types the code. */
export async function loginWithDeviceCode(
  env: CliEnv,
  onCode: (info: { verificationUri: string; userCode: string; message: string }) => void,
): Promise<AccountInfo> {
  const settings = requireSettings(env);
  const app = createApp(settings, env.configDir);
  // One signed-in account at a time: a new login replaces the previous one.
  const cache = app.getTokenCache();
  for (const account of await cache.getAllAccounts()) await cache.removeAccount(account);
  const result = await app.acquireTokenByDeviceCode({
    scopes: settings.scopes,
    deviceCodeCallback: (response) => onCode(response),
  });
  if (!result?.account) throw new Error("The sign-in returned no account");
  return result.account;
}

/** A fresh access token from the cache, refreshed through msal when it has expired. */
export async function getEntraAccessToken(env: CliEnv): Promise<string> {
  const settings = requireSettings(env);
  const app = createApp(settings, env.configDir);
  const [account] = await app.getTokenCache().getAllAccounts();
  if (!account) throw new NotSignedInError('Not signed in: run "tracepipe login" or set TRACEPIPE_API_KEY');
  try {
    const result = await app.acquireTokenSilent({ account, scopes: settings.scopes });
    return result.accessToken;
  } catch (error) {
    if (error instanceof InteractionRequiredAuthError)
      throw new NotSignedInError('Your sign-in has expired: run "tracepipe login" again');
    throw error;
  }
}

/** Forgets the cached account and tokens. Returns whether anything was cached. */
export async function logout(env: CliEnv): Promise<boolean> {
  return deleteTokenCache(env.configDir);
}
