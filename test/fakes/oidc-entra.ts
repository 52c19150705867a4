import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose";
import Provider from "oidc-provider";
import { v5 as uuidv5 } from "uuid";

/**
 * A local OpenID provider shaped like a Microsoft Entra External ID tenant: the issuer carries the tenant id in its
 * path (`/<tenant-id>/v2.0`), keys are published as a JWKS, and id tokens carry `oid`, `tid`, `email` and `name`.
 * The login page is oidc-provider's development interaction: any login and password are accepted, and the login
 * becomes the account (an email login is the account's email).
 */
export interface FakeEntra {
  issuer: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The object id the tenant assigns to a login, stable across sign-ins. */
  objectIdFor: (login: string) => string;
  /** An access token for our API as Entra would issue it (RS256, tenant key, v2 issuer). */
  signAccessToken: (
    claims: JWTPayload & { aud: string },
    options?: { expiresIn?: string; issuer?: string },
  ) => Promise<string>;
  /** With `deviceFlow`: the public client the CLI signs in with (device code, refresh tokens). */
  deviceClientId: string;
  /** With `deviceFlow`: the user at the verification page types `userCode` and signs in as `login`. */
  approveDeviceCode: (userCode: string, login: string) => Promise<void>;
  /** Grant types the token endpoint has answered successfully, in order (`device_code`, `refresh_token`, …). */
  tokenGrants: string[];
  close: () => Promise<void>;
}

const NAMESPACE = "3f1f8f3e-4a0c-4f4b-9a61-1d7f0f4a2b10";

export async function startFakeEntra(options: {
  port?: number;
  redirectUris: string[];
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** Serve over HTTPS like the real tenant (Auth.js refuses plain-http discovery in its Entra-specific path). */
  tls?: { key: string; cert: string };
  /**
   * Enables the OAuth device authorization grant at `<issuer>/devicecode` (the path msal derives from the token
   * endpoint, as on Entra) for a public client, with JWT access tokens for `audience` carrying `oid`/`tid` and
   * refresh tokens. `accessTokenTtl` (seconds) below msal's 5-minute renewal offset makes every silent call refresh.
   */
  deviceFlow?: { audience: string; accessTokenTtl?: number };
}): Promise<FakeEntra> {
  const tenantId = options.tenantId ?? "8c3f5b8e-2f3a-4e57-9d7e-6b1f0c2a9e11";
  const clientId = options.clientId ?? "b2a1c3d4-0000-4000-8000-00000000c1e7";
  const clientSecret = options.clientSecret ?? "fake-entra-client-secret";
  const objectIdFor = (login: string) => uuidv5(login.toLowerCase(), NAMESPACE);
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: "fake-entra-key-1", alg: "RS256", use: "sig" };

  const server = options.tls ? https.createServer(options.tls) : http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const mountPath = `/${tenantId}/v2.0`;
  const issuer = `${options.tls ? "https" : "http"}://127.0.0.1:${port}${mountPath}`;

  const deviceClientId = "d3e1c0de-0000-4000-8000-00000000c11e";
  const device = options.deviceFlow;
  const deviceConfig = device
    ? {
        features: {
          deviceFlow: { enabled: true },
          resourceIndicators: {
            enabled: true,
            // msal sends no `resource`; Entra derives the API from the `<audience>/.default` scope.
            defaultResource: () => device.audience,
            useGrantedResource: () => true,
            getResourceServerInfo: () => ({
              scope: `${device.audience}/.default`,
              audience: device.audience,
              accessTokenTTL: device.accessTokenTtl ?? 3600,
              accessTokenFormat: "jwt" as const,
              jwt: { sign: { alg: "RS256" as const } },
            }),
          },
        },
        routes: { device_authorization: "/devicecode" },
        async extraTokenClaims(_ctx: unknown, token: object) {
          const accountId = "accountId" in token ? token.accountId : undefined;
          return typeof accountId === "string" ? { oid: objectIdFor(accountId), tid: tenantId } : undefined;
        },
      }
    : {};

  const provider = new Provider(issuer, {
    ...deviceConfig,
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
      ...(device
        ? [
            {
              client_id: deviceClientId,
              token_endpoint_auth_method: "none" as const,
              redirect_uris: [],
              response_types: [],
              grant_types: ["urn:ietf:params:oauth:grant-type:device_code", "refresh_token"],
            },
          ]
        : []),
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ["fake-entra-cookie-signing-key"] },
    claims: { openid: ["sub", "oid", "tid"], email: ["email"], profile: ["name", "preferred_username"] },
    // Entra puts the profile claims in the id token itself.
    conformIdTokenClaims: false,
    async findAccount(_ctx, login) {
      const email = login.includes("@") ? login : `${login}@contoso.example`;
      return {
        accountId: login,
        claims: async () => ({
          sub: objectIdFor(login),
          oid: objectIdFor(login),
          tid: tenantId,
          email,
          name: `Test ${login.split("@")[0]}`,
          preferred_username: email,
        }),
      };
    },
  });
  // Token endpoint refusals are otherwise invisible to the test: print the provider's reason.
  provider.on("grant.error", (ctx, error) =>
    process.stderr.write(
      `fake entra grant.error (redirect_uri ${String(ctx.oidc?.params?.redirect_uri)}): ${error.message} ${error.error_description ?? ""} ${(error as { error_detail?: string }).error_detail ?? ""}\n`,
    ),
  );
  const tokenGrants: string[] = [];
  provider.on("grant.success", (ctx) => {
    tokenGrants.push(String(ctx.oidc.params?.grant_type).replace("urn:ietf:params:oauth:grant-type:", ""));
  });
  const callback = provider.callback();
  server.on("request", (req, res) => {
    if (!req.url?.startsWith(mountPath)) {
      res.writeHead(404).end();
      return;
    }
    // Mount under the tenant path as Express would: oidc-provider derives its URLs from originalUrl.
    Object.assign(req, { originalUrl: req.url });
    req.url = req.url.slice(mountPath.length) || "/";
    if (device && req.method === "POST" && /^\/token(\?|$)/.test(req.url)) {
      // Entra accepts msal's short `grant_type=device_code` for the RFC 8628 grant; oidc-provider knows only the
      // URN. Translate it, then hand over the read body (oidc-provider uses req.body once the stream is consumed).
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const body = new URLSearchParams(Buffer.concat(chunks).toString());
        if (body.get("grant_type") === "device_code")
          body.set("grant_type", "urn:ietf:params:oauth:grant-type:device_code");
        Object.assign(req, { body: body.toString() });
        callback(req, res);
      });
      return;
    }
    callback(req, res);
  });

  return {
    issuer,
    tenantId,
    clientId,
    clientSecret,
    objectIdFor,
    async signAccessToken(claims, signOptions = {}) {
      return new SignJWT({ tid: tenantId, ver: "2.0", scp: "access_as_user", ...claims })
        .setProtectedHeader({ alg: "RS256", kid: jwk.kid, typ: "JWT" })
        .setIssuer(signOptions.issuer ?? issuer)
        .setIssuedAt()
        .setExpirationTime(signOptions.expiresIn ?? "10m")
        .sign(privateKey);
    },
    deviceClientId,
    tokenGrants,
    async approveDeviceCode(userCode, login) {
      // What the verification page does once the user has typed the code, signed in and consented.
      // Stored as oidc-provider normalises what the user types: upper case, separators dropped.
      const code = await provider.DeviceCode.findByUserCode(userCode.toUpperCase().replace(/\W/g, ""));
      if (!code) throw new Error(`No pending device code ${userCode}`);
      const requested = String(code.params?.scope ?? "").split(" ");
      const resourceScope = `${device?.audience}/.default`;
      const oidcScopes = requested.filter((scope) => scope !== resourceScope);
      const grant = new provider.Grant({ accountId: login, clientId: code.clientId });
      grant.addOIDCScope(oidcScopes.join(" "));
      if (device) grant.addResourceScope(device.audience, resourceScope);
      Object.assign(code, {
        accountId: login,
        grantId: await grant.save(),
        authTime: Math.floor(Date.now() / 1000),
        scope: requested.join(" "),
        ...(device ? { resource: device.audience } : {}),
      });
      await code.save();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
