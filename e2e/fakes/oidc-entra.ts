import http from "node:http";
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
  close: () => Promise<void>;
}

const NAMESPACE = "3f1f8f3e-4a0c-4f4b-9a61-1d7f0f4a2b10";

export async function startFakeEntra(options: {
  port?: number;
  redirectUris: string[];
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
}): Promise<FakeEntra> {
  const tenantId = options.tenantId ?? "8c3f5b8e-2f3a-4e57-9d7e-6b1f0c2a9e11";
  const clientId = options.clientId ?? "b2a1c3d4-0000-4000-8000-00000000c1e7";
  const clientSecret = options.clientSecret ?? "fake-entra-client-secret";
  const objectIdFor = (login: string) => uuidv5(login.toLowerCase(), NAMESPACE);
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: "fake-entra-key-1", alg: "RS256", use: "sig" };

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const mountPath = `/${tenantId}/v2.0`;
  const issuer = `http://127.0.0.1:${port}${mountPath}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
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
  const callback = provider.callback();
  server.on("request", (req, res) => {
    if (!req.url?.startsWith(mountPath)) {
      res.writeHead(404).end();
      return;
    }
    // Mount under the tenant path as Express would: oidc-provider derives its URLs from originalUrl.
    Object.assign(req, { originalUrl: req.url });
    req.url = req.url.slice(mountPath.length) || "/";
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
