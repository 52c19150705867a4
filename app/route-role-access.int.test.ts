import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { insertMember, insertWorkspace } from "@/db/queries/workspaces";
import { reviewItems } from "@/db/schema";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestApiKey, createTestUser } from "@/db/test-factories";
import { actionToolMapId, suiteId } from "@/lib/catalog/catalog-ids";
import { can, type Permission, ROLES, type WorkspaceRole } from "@/lib/workspaces/policy";
import { createExampleFor, createSessionFor } from "@/test/helpers/owner-fixtures";
import { appDir, describeRoute, findRouteFiles, type Handler, METHODS } from "@/test/helpers/route-files";

/**
 * Generated from the route list: every authenticated route × every method × every role. A role the route's
 * permission does not allow gets 403 naming the role and the permission; a role it allows gets 404 for a
 * resource of another workspace (one rule for every resource), and is never refused on a route without one.
 * A new route cannot be forgotten: it is found on disk, must carry its `access`, and a new dynamic segment must
 * say below which resource it names.
 */

/** Routes that are not the workspace's business: public ones (route-access.int.test.ts lists them) and the catalog. */
const NOT_WORKSPACE_ROUTES: Record<string, string> = {
  "v1/health": "public",
  "v1/ready": "public",
  "v1/openapi.json": "public",
  "v1/docs": "public",
  "v1/docs/scalar.js": "public",
  "api/auth/[...nextauth]": "public",
  "api/inngest": "public (signed by Inngest)",
  "api/stripe/webhook": "public (signed by Stripe)",
  "v1/bench/bare": "public benchmark baseline",
  "v1/uploads/[token]": "the signed token in the URL is the credential; it names the workspace itself",
  ".well-known/oauth-protected-resource/v1/mcp": "public (RFC 9728 metadata of the MCP endpoint)",
  ".well-known/jwks.json": "public (the keys that verify deletion receipts)",
  "v1/mcp":
    "one endpoint, many tools: each tool's scope and permission are checked per tool × role by lib/mcp/mcp-tool-access.int.test.ts",
};

/** Ids in a route's path that name a platform-wide catalog entry, the same for every workspace. */
const CATALOG_PARAMS = new Set([
  "v1/suites/[id]",
  "v1/suites/[id]/actions",
  "v1/actions/[id]",
  "v1/mcp-servers/[id]",
  "v1/mcp-servers/[id]/tools",
  "v1/action-tool-maps/[id]",
]);

type Foreign = Record<string, string>;
/** Which resource of another workspace each dynamic route names. */
const FOREIGN_PARAMS: Record<string, (f: Foreign) => Record<string, string>> = {
  "v1/sessions/[id]": (f) => ({ id: f.session as string }),
  "v1/sessions/[id]/complete": (f) => ({ id: f.session as string }),
  "v1/sessions/[id]/events": (f) => ({ id: f.session as string }),
  "v1/sessions/[id]/timeline": (f) => ({ id: f.session as string }),
  "v1/sessions/[id]/bundle": (f) => ({ id: f.session as string }),
  "v1/sessions/[id]/timeline/columns": (f) => ({ id: f.session as string }),
  "v1/sessions/[id]/timeline/summary": (f) => ({ id: f.session as string }),
  "v1/sessions/[id]/timeline/tiles": (f) => ({ id: f.session as string }),
  "v1/sessions/[id]/timeline/items": (f) => ({ id: f.session as string }),
  "v1/sessions/[id]/timeline/[lane]/[itemId]": (f) => ({
    id: f.session as string,
    lane: "actions",
    itemId: "a1",
  }),
  "v1/examples/[id]": (f) => ({ id: f.example as string }),
  "v1/examples/[id]/messages": (f) => ({ id: f.example as string }),
  "v1/review-items/[id]": (f) => ({ id: f.reviewItem as string }),
  "v1/review-items/[id]/decision": (f) => ({ id: f.reviewItem as string }),
  "v1/api-keys/[id]": (f) => ({ id: f.apiKey as string }),
  "api/storage/[...key]": (f) => ({ key: `sessions/${f.session}/raw.json` }),
  "v1/workspace/members/[userId]": (f) => ({ userId: f.user as string }),
  "v1/workspace/invitations/[id]": (f) => ({ id: f.invitation as string }),
};

/** A valid body where a route validates it before looking the resource up. */
const BODIES: Record<string, unknown> = {
  "POST v1/review-items/[id]/decision": { decision: "reject" },
  "PATCH v1/workspace/members/[userId]": { role: "viewer" },
  "POST v1/sessions/[id]/events": [{ id: "e1", type: "click", timestamp: 1 }],
};

let dataDir: string;
const foreign: Foreign = {};

/**
 * A team workspace with one member of each role, each holding a full-scope key of it: fresh for every route, so
 * a route that changes membership (leave, remove) cannot change the next route's answers.
 */
async function teamKeys(): Promise<Record<WorkspaceRole, Record<string, string>>> {
  const db = await getDb();
  const owner = await createTestUser();
  const team = await insertWorkspace(db, { name: "Team", ownerId: owner.id });
  const headers = {} as Record<WorkspaceRole, Record<string, string>>;
  for (const role of ROLES) {
    const user = role === "owner" ? owner : await createTestUser();
    if (role !== "owner") await insertMember(db, { workspaceId: team.id, userId: user.id, role });
    const key = await createTestApiKey(user.id, "full", team.id);
    headers[role] = { authorization: `Bearer ${key.secret}` };
  }
  return headers;
}

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  const db = await getDb();
  // Another workspace, with one of every resource.
  const stranger = await createTestUser();
  foreign.user = stranger.id;
  foreign.session = await createSessionFor(stranger.id);
  foreign.example = await createExampleFor(stranger.id, foreign.session);
  foreign.apiKey = (await createTestApiKey(stranger.id)).id;
  const [item] = await db
    .insert(reviewItems)
    .values({
      workspaceId: stranger.id,
      userId: stranger.id,
      sessionId: foreign.session,
      suiteId: suiteId("gmail"),
      actionId: "a1",
      action: "send_email",
      reasons: ["low_confidence"],
      actionToolMapId: actionToolMapId("gmail-to-gmail-mcp"),
      toolServer: "gmail-mcp",
      toolName: "send_email",
      proposedArguments: {},
      evidence: {
        eventIds: [],
        interactionIds: [],
        window: "w1",
        ts: 0,
        confidence: 0.5,
        parameters: {},
        missingParameters: [],
        context: [],
        timezone: null,
      },
    })
    .returning({ id: reviewItems.id });
  foreign.reviewItem = item?.id as string;
  foreign.invitation = crypto.randomUUID();
});
afterAll(() => closeTestDatabase(dataDir));

type Access = { scopes: readonly string[]; permission: Permission };
const accessOf = (handler: unknown) => (handler as { access?: Access }).access;

const routeFiles = findRouteFiles().filter((file) => !(describeRoute(file).key in NOT_WORKSPACE_ROUTES));

describe("route × role", () => {
  it("covers the workspace routes", () => {
    const keys = routeFiles.map((file) => describeRoute(file).key);
    expect(keys).toEqual(
      expect.arrayContaining(["v1/sessions", "v1/api-keys/[id]", "v1/review-items/[id]/decision"]),
    );
  });

  it.each(routeFiles.map((file) => [path.relative(appDir, file), file]))("%s", async (_name, file) => {
    const { key, params: placeholder } = describeRoute(file);
    const hasResource = Object.keys(placeholder).length > 0 && !CATALOG_PARAMS.has(key);
    if (hasResource)
      expect(FOREIGN_PARAMS[key], `${key}: name the resource its path points at`).toBeDefined();
    const values = hasResource ? (FOREIGN_PARAMS[key]?.(foreign) ?? {}) : {};
    const { urlPath, params } = describeRoute(file, values);
    const mod = (await import(file)) as Record<string, unknown>;
    const methods = METHODS.filter((method) => typeof mod[method] === "function");
    expect(methods.length).toBeGreaterThan(0);
    const headersByRole = await teamKeys();
    for (const method of methods) {
      const access = accessOf(mod[method]);
      expect(access, `${method} ${key} must go through authedRoute({ permission })`).toBeDefined();
      if (!access) continue;
      const hasBody = !["GET", "HEAD", "OPTIONS"].includes(method);
      for (const role of ROLES) {
        const body = BODIES[`${method} ${key}`] ?? {};
        const response = await (mod[method] as Handler)(
          new Request(`http://127.0.0.1${urlPath}`, {
            method,
            headers: { ...headersByRole[role], ...(hasBody ? { "content-type": "application/json" } : {}) },
            body: hasBody ? JSON.stringify(body) : undefined,
          }),
          { params: Promise.resolve(params) },
        );
        const what = `${method} ${urlPath} as ${role} (needs ${access.permission})`;
        if (!can(role, access.permission)) {
          expect(response.status, what).toBe(403);
          const problem = (await response.json()) as { detail?: string; role?: string; permission?: string };
          expect(problem, what).toMatchObject({ role, permission: access.permission });
        } else if (hasResource) {
          expect(response.status, `${what}: another workspace's resource`).toBe(404);
        } else {
          expect([401, 403], what).not.toContain(response.status);
        }
      }
    }
  });
});
