import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getEnv, isEntraConfigured } from "@/lib/env";
import { signInSchema } from "@/schemas/auth";
import { authLogger } from "./auth-logger";
import { getAuthSecret } from "./auth-secret";
import { endBrowserSession, SESSION_MAX_AGE_SECONDS, startBrowserSession } from "./browser-session";
import { findOrCreateEntraUser } from "./find-or-create-entra-user";
import { readRequestMeta } from "./request-meta";
import { getActionRequestMeta } from "./session";
import { verifyCredentials } from "./verify-credentials";

class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

export const ENTRA_PROVIDER_ID = "microsoft-entra-id";

function providers(request: Request | undefined): NextAuthConfig["providers"] {
  const env = getEnv();
  if (isEntraConfigured(env)) {
    return [
      MicrosoftEntraID({
        clientId: env.AUTH_MICROSOFT_ENTRA_ID_ID,
        clientSecret: env.AUTH_MICROSOFT_ENTRA_ID_SECRET,
        issuer: env.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
        // No Graph `User.Read`: the default profile() fetches the photo from graph.microsoft.com on every
        // sign-in, which we do not use and which fails where Graph is unreachable.
        authorization: { params: { scope: "openid profile email" } },
        profile: (profile) => ({
          id: String(profile.oid ?? profile.sub),
          name: profile.name,
          email: profile.email,
        }),
      }),
    ];
  }
  return [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, authorizeRequest) {
        const input = signInSchema.safeParse(raw);
        if (!input.success) return null;
        const result = await verifyCredentials(
          input.data,
          readRequestMeta((authorizeRequest ?? request)?.headers ?? new Headers(), {
            requestId: crypto.randomUUID(),
          }),
        );
        if (!result.ok) {
          if (result.reason === "throttled") throw new ThrottledSignIn();
          return null;
        }
        return { id: result.user.id, name: result.user.displayName, email: result.user.email };
      },
    }),
  ];
}

/**
 * Auth.js, configured per request (lazy) so environment and the generated secret are read at run time, never
 * during `next build`. The cookie is a JWT (Auth.js supports only JWT sessions with the Credentials provider) that
 * names a row in `auth_sessions`, created at sign-in and checked on every request (`findBrowserSessionUser`), so
 * sign-out and "sign out everywhere" end sessions server-side.
 */
export const { handlers, auth, signIn, signOut } = NextAuth((request) => ({
  secret: getAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: authLogger,
  providers: providers(request),
  events: {
    async signOut(message) {
      if (!("token" in message)) return;
      await endBrowserSession(message.token);
      const userId = typeof message.token?.userId === "string" ? message.token.userId : null;
      if (userId) {
        await recordAuditEvent(
          { type: "user.sign_out", workspaceId: userId, userId, target: { type: "user", id: userId } },
          // Called from a server action, Auth.js passes no request: the action's own headers tell who signed out.
          request
            ? readRequestMeta(request.headers, { requestId: crypto.randomUUID() })
            : await getActionRequestMeta(),
        );
      }
    },
  },
  callbacks: {
    async jwt({ token, user, account, profile }) {
      if (account?.provider === "credentials" && user?.id) {
        token.userId = user.id;
        token.sid = await startBrowserSession(user.id);
      }
      if (account?.provider === ENTRA_PROVIDER_ID && profile) {
        const tenantId = typeof profile.tid === "string" ? profile.tid : undefined;
        const objectId = typeof profile.oid === "string" ? profile.oid : undefined;
        if (!tenantId || !objectId) throw new Error("Entra id token lacks oid/tid");
        const { user: entraUser, created } = await findOrCreateEntraUser({
          tenantId,
          objectId,
          email: profile.email,
          name: typeof profile.name === "string" ? profile.name : null,
        });
        const meta = readRequestMeta(request?.headers ?? new Headers(), { requestId: crypto.randomUUID() });
        const userEvent = (type: "user.sign_up" | "user.sign_in") => ({
          type,
          workspaceId: entraUser.id,
          userId: entraUser.id,
          target: { type: "user", id: entraUser.id },
          metadata: { method: "entra" },
        });
        if (created) await recordAuditEvent(userEvent("user.sign_up"), meta);
        await recordAuditEvent(userEvent("user.sign_in"), meta);
        token.userId = entraUser.id;
        token.sid = await startBrowserSession(entraUser.id);
        token.name = entraUser.displayName;
        token.email = entraUser.email;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.userId === "string") session.user.id = token.userId;
      return session;
    },
  },
}));
