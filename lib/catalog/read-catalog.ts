import { getDb } from "@/db/client";
import * as q from "@/db/queries/catalog";
import { AppError, notFound } from "@/lib/errors";
import type { ActionDetail, ActionToolMapDetail, SuiteDetail } from "@/schemas/catalog-api";
import { getBundledCatalog } from "./bundled-catalog";
import { findSuite } from "./find-suite";

// The read-only catalog API: rows from the seeded catalog tables, shaped as the schemas in schemas/catalog-api.ts.

type ActionRow = Awaited<ReturnType<typeof q.listActionsOfSuite>>[number];

async function withParameters(rows: ActionRow[]): Promise<ActionDetail[]> {
  const parameters = await q.listActionParameters(
    await getDb(),
    rows.map((a) => a.id),
  );
  return rows.map((a) => ({
    id: a.id,
    suite_id: a.suiteId,
    slug: a.slug,
    name: a.name,
    description: a.description,
    parameters: parameters
      .filter((p) => p.actionId === a.id)
      .map(({ name, type, required, description }) => ({ name, type, required, description })),
  }));
}

export async function listSuites() {
  return q.listSuites(await getDb());
}

export async function getSuiteOrThrow(idOrSlug: string) {
  const suite = findSuite(getBundledCatalog(), idOrSlug);
  if (!suite) throw notFound(`Suite '${idOrSlug}'`);
  const { id, slug, name, description, origins } = suite;
  return { id, slug, name, description, origins };
}

export async function getSuiteDetail(idOrSlug: string): Promise<SuiteDetail> {
  const suite = await getSuiteOrThrow(idOrSlug);
  return { ...suite, actions: await listSuiteActions(suite.id) };
}

export async function listSuiteActions(suiteId: string): Promise<ActionDetail[]> {
  return withParameters(await q.listActionsOfSuite(await getDb(), suiteId));
}

export async function getActionDetail(ref: string): Promise<ActionDetail> {
  const rows = await q.findActions(await getDb(), ref);
  if (rows.length === 0) throw notFound(`Action '${ref}'`);
  if (rows.length > 1) {
    throw new AppError({
      code: "conflict",
      message: `Several suites have an action '${ref}'; use its UUID or '<suite>.${ref}'`,
    });
  }
  const [detail] = await withParameters(rows);
  if (!detail) throw notFound(`Action '${ref}'`);
  return detail;
}

export async function listMcpServers() {
  return q.listMcpServers(await getDb());
}

export async function getMcpServerOrThrow(idOrSlug: string) {
  const server = await q.findMcpServer(await getDb(), idOrSlug);
  if (!server) throw notFound(`MCP server '${idOrSlug}'`);
  return server;
}

export async function listServerTools(serverId: string) {
  const rows = await q.listToolsOfServer(await getDb(), serverId);
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    input_schema: t.inputSchema,
  }));
}

export async function listModels() {
  return q.listModels(await getDb());
}

const mapSummary = (m: { id: string; slug: string; suiteId: string; mcpServerId: string }) => ({
  id: m.id,
  slug: m.slug,
  suite_id: m.suiteId,
  mcp_server_id: m.mcpServerId,
});

export async function listActionToolMaps() {
  return (await q.listActionToolMaps(await getDb())).map(mapSummary);
}

export async function getActionToolMapDetail(idOrSlug: string): Promise<ActionToolMapDetail> {
  const db = await getDb();
  const map = await q.findActionToolMap(db, idOrSlug);
  if (!map) throw notFound(`Action-tool map '${idOrSlug}'`);
  const mappings = await q.listToolMappingsOfMap(db, map.id);
  const parameters = await q.listParameterMappings(
    db,
    mappings.map((m) => m.id),
  );
  return {
    ...mapSummary(map),
    mappings: mappings.map((m) => ({
      id: m.id,
      action_id: m.actionId,
      action: m.actionSlug,
      tool_id: m.toolId,
      tool: m.toolName,
      parameters: parameters
        .filter((p) => p.mappingId === m.id)
        .map((p) => ({
          tool_parameter: p.toolParameter,
          action_parameter: p.actionParameter,
          ...(p.actionParameter === null ? { constant: p.constant } : {}),
          transform: p.transform,
        })),
    })),
  };
}
