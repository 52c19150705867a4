import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../client";
import {
  actionParameters,
  actions,
  actionToolMappings,
  actionToolMaps,
  actionToolParameterMappings,
  mcpServers,
  models,
  suites,
  toolParameters,
  tools,
} from "../schema";

// The catalog is platform data, the same for every user: no tenant filter here by design.

const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

const suiteColumns = {
  id: suites.id,
  slug: suites.slug,
  name: suites.name,
  description: suites.description,
  origins: suites.origins,
};

export async function listSuites(db: Database) {
  return db.select(suiteColumns).from(suites).orderBy(asc(suites.slug));
}

const actionColumns = {
  id: actions.id,
  suiteId: actions.suiteId,
  slug: actions.slug,
  name: actions.name,
  description: actions.description,
};

export async function listActionsOfSuite(db: Database, suiteId: string) {
  return db
    .select(actionColumns)
    .from(actions)
    .where(eq(actions.suiteId, suiteId))
    .orderBy(asc(actions.slug));
}

/** An action by UUID, by `suite.action`, or by a bare action slug when only one suite has it. */
export async function findActions(db: Database, ref: string) {
  if (isUuid(ref)) return db.select(actionColumns).from(actions).where(eq(actions.id, ref));
  const dot = ref.indexOf(".");
  if (dot > 0) {
    return db
      .select(actionColumns)
      .from(actions)
      .innerJoin(suites, eq(suites.id, actions.suiteId))
      .where(and(eq(suites.slug, ref.slice(0, dot)), eq(actions.slug, ref.slice(dot + 1))));
  }
  return db.select(actionColumns).from(actions).where(eq(actions.slug, ref)).limit(2);
}

export async function listActionParameters(db: Database, actionIds: string[]) {
  if (actionIds.length === 0) return [];
  return db
    .select({
      id: actionParameters.id,
      actionId: actionParameters.actionId,
      name: actionParameters.name,
      type: actionParameters.type,
      required: actionParameters.required,
      description: actionParameters.description,
    })
    .from(actionParameters)
    .where(inArray(actionParameters.actionId, actionIds))
    .orderBy(asc(actionParameters.position));
}

const serverColumns = {
  id: mcpServers.id,
  slug: mcpServers.slug,
  name: mcpServers.name,
  description: mcpServers.description,
};

export async function listMcpServers(db: Database) {
  return db.select(serverColumns).from(mcpServers).orderBy(asc(mcpServers.slug));
}

export async function findMcpServer(db: Database, idOrSlug: string) {
  const [row] = await db
    .select(serverColumns)
    .from(mcpServers)
    .where(isUuid(idOrSlug) ? eq(mcpServers.id, idOrSlug) : eq(mcpServers.slug, idOrSlug))
    .limit(1);
  return row;
}

export async function listToolsOfServer(db: Database, serverId: string) {
  return db
    .select({
      id: tools.id,
      name: tools.name,
      description: tools.description,
      inputSchema: tools.inputSchema,
    })
    .from(tools)
    .where(eq(tools.mcpServerId, serverId))
    .orderBy(asc(tools.name));
}

export async function listModels(db: Database) {
  return db
    .select({
      id: models.id,
      slug: models.slug,
      provider: models.provider,
      name: models.name,
      description: models.description,
    })
    .from(models)
    .orderBy(asc(models.slug));
}

const mapColumns = {
  id: actionToolMaps.id,
  slug: actionToolMaps.slug,
  suiteId: actionToolMaps.suiteId,
  mcpServerId: actionToolMaps.mcpServerId,
};

export async function listActionToolMaps(db: Database) {
  return db.select(mapColumns).from(actionToolMaps).orderBy(asc(actionToolMaps.slug));
}

export async function findActionToolMap(db: Database, idOrSlug: string) {
  const [row] = await db
    .select(mapColumns)
    .from(actionToolMaps)
    .where(isUuid(idOrSlug) ? eq(actionToolMaps.id, idOrSlug) : eq(actionToolMaps.slug, idOrSlug))
    .limit(1);
  return row;
}

export async function listToolMappingsOfMap(db: Database, mapId: string) {
  return db
    .select({
      id: actionToolMappings.id,
      actionId: actionToolMappings.actionId,
      actionSlug: actions.slug,
      toolId: actionToolMappings.toolId,
      toolName: tools.name,
    })
    .from(actionToolMappings)
    .innerJoin(actions, eq(actions.id, actionToolMappings.actionId))
    .innerJoin(tools, eq(tools.id, actionToolMappings.toolId))
    .where(eq(actionToolMappings.actionToolMapId, mapId))
    .orderBy(asc(actions.slug));
}

export async function listParameterMappings(db: Database, mappingIds: string[]) {
  if (mappingIds.length === 0) return [];
  return db
    .select({
      mappingId: actionToolParameterMappings.actionToolMappingId,
      toolParameter: toolParameters.name,
      actionParameter: actionParameters.name,
      constant: actionToolParameterMappings.constant,
      transform: actionToolParameterMappings.transform,
    })
    .from(actionToolParameterMappings)
    .innerJoin(toolParameters, eq(toolParameters.id, actionToolParameterMappings.toolParameterId))
    .leftJoin(actionParameters, eq(actionParameters.id, actionToolParameterMappings.actionParameterId))
    .where(inArray(actionToolParameterMappings.actionToolMappingId, mappingIds))
    .orderBy(asc(actionToolParameterMappings.position));
}
