import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as mapRoute from "@/app/v1/action-tool-maps/[id]/route";
import * as maps from "@/app/v1/action-tool-maps/route";
import * as action from "@/app/v1/actions/[id]/route";
import * as server from "@/app/v1/mcp-servers/[id]/route";
import * as serverTools from "@/app/v1/mcp-servers/[id]/tools/route";
import * as servers from "@/app/v1/mcp-servers/route";
import * as models from "@/app/v1/models/route";
import * as suiteActions from "@/app/v1/suites/[id]/actions/route";
import * as suite from "@/app/v1/suites/[id]/route";
import * as suites from "@/app/v1/suites/route";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import * as ids from "@/lib/catalog/catalog-ids";
import { callRoute, type RouteHandler } from "@/test/helpers/call-route";

let dataDir: string;
let headers: Record<string, string>;
const catalog = getBundledCatalog();

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  headers = (await createTestCaller("read")).headers;
});
afterAll(() => closeTestDatabase(dataDir));

async function get(handler: RouteHandler, path: string, id?: string) {
  const res = await callRoute(handler, { path, headers, params: id ? { id } : {} });
  return { status: res.status, body: await res.json() };
}

describe("catalog API", () => {
  it("lists the seeded suites, MCP servers, maps and models", async () => {
    expect(
      (await get(suites.GET, "/v1/suites")).body.data.map((s: { slug: string }) => s.slug).sort(),
    ).toEqual(catalog.suites.map((s) => s.slug).sort());
    expect((await get(servers.GET, "/v1/mcp-servers")).body.data).toHaveLength(catalog.mcp_servers.length);
    expect((await get(maps.GET, "/v1/action-tool-maps")).body.data).toHaveLength(
      catalog.action_tool_maps.length,
    );
    expect(
      (await get(models.GET, "/v1/models")).body.data.map((m: { slug: string }) => m.slug).sort(),
    ).toEqual(catalog.models.map((m) => m.slug).sort());
  });

  it("finds a suite by id or slug, with its actions and parameters", async () => {
    const gmail = catalog.suites.find((s) => s.slug === "gmail");
    const bySlug = await get(suite.GET, "/v1/suites/gmail", "gmail");
    const byId = await get(suite.GET, `/v1/suites/${ids.suiteId("gmail")}`, ids.suiteId("gmail"));
    expect(bySlug.body).toEqual(byId.body);
    expect(bySlug.body.actions).toHaveLength(gmail?.actions.length ?? -1);
    const compose = bySlug.body.actions.find((a: { slug: string }) => a.slug === "compose_email");
    expect(compose.parameters.map((p: { name: string }) => p.name)).toEqual(
      gmail?.actions.find((a) => a.slug === "compose_email")?.parameters.map((p) => p.name),
    );
    expect((await get(suiteActions.GET, "/v1/suites/gmail/actions", "gmail")).body.data).toHaveLength(
      gmail?.actions.length ?? -1,
    );
  });

  it("finds actions, servers with tools and the full map tree", async () => {
    const a = await get(action.GET, "/v1/actions/gmail.compose_email", "gmail.compose_email");
    expect(a.body.id).toBe(ids.actionId("gmail", "compose_email"));
    const s = await get(server.GET, "/v1/mcp-servers/gmail-mcp", "gmail-mcp");
    expect(s.body.tools.length).toBe(catalog.mcp_servers.find((m) => m.slug === "gmail-mcp")?.tools.length);
    expect((await get(serverTools.GET, "/v1/mcp-servers/gmail-mcp/tools", "gmail-mcp")).body.data).toEqual(
      s.body.tools,
    );
    const m = await get(mapRoute.GET, "/v1/action-tool-maps/gmail-to-gmail-mcp", "gmail-to-gmail-mcp");
    const send = m.body.mappings.find((x: { action: string }) => x.action === "compose_email");
    expect(send).toMatchObject({ tool: "send_email" });
    expect(send.parameters).toContainEqual(
      expect.objectContaining({ action_parameter: "to", tool_parameter: "to" }),
    );
  });

  it("answers 404 for unknown ids and 405 problem+json for write methods", async () => {
    expect((await get(suite.GET, "/v1/suites/nope", "nope")).status).toBe(404);
    expect((await get(action.GET, "/v1/actions/nope", "nope")).status).toBe(404);
    expect(
      (await get(mapRoute.GET, `/v1/action-tool-maps/${crypto.randomUUID()}`, crypto.randomUUID())).status,
    ).toBe(404);
    for (const handler of [suites.POST, suite.DELETE, models.PUT, maps.PATCH]) {
      const res = await callRoute(handler, { method: "POST", path: "/v1/suites", headers });
      expect(res.status).toBe(405);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("allow")).toBe("GET, HEAD");
    }
  });
});
