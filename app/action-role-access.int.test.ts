import path from "node:path";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { insertMember, insertWorkspace } from "@/db/queries/workspaces";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestApiKey, createTestUser } from "@/db/test-factories";
import { getAuthSecret } from "@/lib/auth/auth-secret";
import { startBrowserSession } from "@/lib/auth/browser-session";
import type { ActionAccess, ActionResult } from "@/lib/auth/validated-action";
import { WORKSPACE_COOKIE } from "@/lib/workspaces/current-workspace";
import { can, ROLES, type WorkspaceRole } from "@/lib/workspaces/policy";
import { appDir, findFiles } from "@/test/helpers/route-files";

/**
 * The server-action half of the route × role test, generated from the action files under app/: every exported
 * action must declare its access; a role without the permission is refused naming the role and the permission;
 * a role with it gets "not found" for another workspace's resource. Outside Next there is no request scope, so
 * `next/headers` answers from the request this test makes: a real session cookie of a real session row.
 */
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => undefined as { value: string } | undefined,
    set: () => undefined,
    delete: () => undefined,
    name: "cookies",
  }),
}));

type Foreign = { user: string; apiKey: string };
/** Inputs naming another workspace's resource, for the actions that take one. */
const FOREIGN_INPUTS: Record<string, (f: Foreign) => { input: unknown; notFound: string }> = {
  revokeApiKeyAction: (f) => ({ input: { id: f.apiKey }, notFound: "API key not found" }),
  changeMemberRoleAction: (f) => ({
    input: { userId: f.user, role: "viewer" },
    notFound: "Member not found",
  }),
  removeMemberAction: (f) => ({ input: { userId: f.user }, notFound: "Member not found" }),
  revokeInvitationAction: () => ({ input: { id: crypto.randomUUID() }, notFound: "Invitation not found" }),
  switchWorkspaceAction: (f) => ({ input: { workspaceId: f.user }, notFound: "Workspace not found" }),
};

let dataDir: string;
const foreign = {} as Foreign;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  const stranger = await createTestUser();
  foreign.user = stranger.id;
  foreign.apiKey = (await createTestApiKey(stranger.id)).id;
});
afterAll(() => closeTestDatabase(dataDir));

/** Browser cookies of one member per role of a fresh team workspace (an action may end sessions or leave). */
async function teamCookies(): Promise<Record<WorkspaceRole, string>> {
  const db = await getDb();
  const owner = await createTestUser();
  const team = await insertWorkspace(db, { name: "Team", ownerId: owner.id });
  const cookies = {} as Record<WorkspaceRole, string>;
  for (const role of ROLES) {
    const user = role === "owner" ? owner : await createTestUser();
    if (role !== "owner") await insertMember(db, { workspaceId: team.id, userId: user.id, role });
    const sid = await startBrowserSession(user.id);
    const salt = "authjs.session-token";
    const jwt = await encode({ token: { userId: user.id, sid }, secret: getAuthSecret(), salt });
    cookies[role] = `${salt}=${jwt}; ${WORKSPACE_COOKIE}=${team.id}`;
  }
  return cookies;
}

type Action = ((input: unknown) => Promise<ActionResult<unknown>>) & { access?: ActionAccess };

/** The result, or how the action ended otherwise (Next's redirect signal passes through the wrapper). */
async function call(action: Action, input: unknown): Promise<ActionResult<unknown> | { thrown: string }> {
  try {
    return await action(input);
  } catch (error) {
    return { thrown: error instanceof Error ? error.message : String(error) };
  }
}

const actionFiles = findFiles(appDir, /^(.*-)?actions\.ts$/);

describe("server action × role", () => {
  it("finds the action files", () => {
    expect(actionFiles.map((file) => path.relative(appDir, file))).toEqual(
      expect.arrayContaining(["(app)/settings/api-keys/actions.ts", "(app)/settings/members/actions.ts"]),
    );
  });

  it.each(actionFiles.map((file) => [path.relative(appDir, file), file]))("%s", async (_name, file) => {
    const mod = (await import(file)) as Record<string, Action>;
    for (const [name, action] of Object.entries(mod)) {
      expect(typeof action, name).toBe("function");
      const access = action.access;
      expect(access, `${name} must go through validatedAction with its access`).toBeDefined();
      if (!access || "public" in access) continue;
      const cookies = await teamCookies();
      for (const role of ROLES) {
        request.headers = new Headers({ cookie: cookies[role], host: "127.0.0.1:3000" });
        const what = `${name} as ${role}`;
        const resource = FOREIGN_INPUTS[name]?.(foreign);
        const result = await call(action, resource?.input ?? {});
        const refusal =
          "permission" in access ? `'${role}'; this needs the '${access.permission}' permission` : "";
        if ("permission" in access && !can(role, access.permission)) {
          expect(result, what).toMatchObject({ ok: false, error: expect.stringContaining(refusal) });
          continue;
        }
        expect(result, `${what}: signed in`).not.toMatchObject({
          ok: false,
          error: expect.stringMatching(/session has ended/),
        });
        if (refusal)
          expect(result, what).not.toMatchObject({ ok: false, error: expect.stringContaining(refusal) });
        if (resource)
          expect(result, `${what}: another workspace's resource`).toMatchObject({
            ok: false,
            error: resource.notFound,
          });
      }
    }
  });
});
