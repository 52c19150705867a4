import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import * as ids from "@/lib/catalog/catalog-ids";
import type { Catalog } from "@/schemas/catalog";
import type { Database } from "./client";
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
} from "./schema";

/** `set col = excluded.col` for every column except the key and created_at: a re-seed rewrites equal values. */
function excludedSet(table: PgTable): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (column.name === "id" || column.name === "created_at") continue;
    set[key] = sql.raw(`excluded."${column.name}"`);
  }
  return set;
}

async function upsert<T extends PgTable & { id: unknown }>(
  db: Database,
  table: T,
  rows: T["$inferInsert"][],
) {
  if (rows.length === 0) return;
  await db
    .insert(table)
    .values(rows)
    .onConflictDoUpdate({ target: (table as unknown as { id: never }).id, set: excludedSet(table) });
}

function jsonSchemaType(property: Record<string, unknown>): string {
  const type = property.type;
  return Array.isArray(type) ? type.join("|") : typeof type === "string" ? type : "any";
}

/**
 * Writes the catalog with ids derived from slugs. Idempotent: running it again leaves every row and id as it
 * was. Rows are only ever inserted or updated, never deleted, because examples reference them.
 */
export async function seedCatalog(db: Database, catalog: Catalog): Promise<void> {
  await db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    await upsert(
      t,
      models,
      catalog.models.map((m) => ({ id: ids.modelId(m.slug), ...m })),
    );
    await upsert(
      t,
      suites,
      catalog.suites.map((s) => ({
        id: ids.suiteId(s.slug),
        slug: s.slug,
        name: s.name,
        description: s.description,
        origins: s.origins,
      })),
    );
    await upsert(
      t,
      actions,
      catalog.suites.flatMap((s) =>
        s.actions.map((a) => ({
          id: ids.actionId(s.slug, a.slug),
          suiteId: ids.suiteId(s.slug),
          slug: a.slug,
          name: a.name,
          description: a.description,
        })),
      ),
    );
    await upsert(
      t,
      actionParameters,
      catalog.suites.flatMap((s) =>
        s.actions.flatMap((a) =>
          a.parameters.map((p, position) => ({
            id: ids.actionParameterId(s.slug, a.slug, p.name),
            actionId: ids.actionId(s.slug, a.slug),
            ...p,
            position,
          })),
        ),
      ),
    );
    await upsert(
      t,
      mcpServers,
      catalog.mcp_servers.map((m) => ({
        id: ids.mcpServerId(m.slug),
        slug: m.slug,
        name: m.name,
        description: m.description,
      })),
    );
    await upsert(
      t,
      tools,
      catalog.mcp_servers.flatMap((m) =>
        m.tools.map((tool) => ({
          id: ids.toolId(m.slug, tool.name),
          mcpServerId: ids.mcpServerId(m.slug),
          name: tool.name,
          description: tool.description,
          inputSchema: tool.input_schema,
        })),
      ),
    );
    await upsert(
      t,
      toolParameters,
      catalog.mcp_servers.flatMap((m) =>
        m.tools.flatMap((tool) =>
          Object.entries(tool.input_schema.properties).map(([name, property], position) => ({
            id: ids.toolParameterId(m.slug, tool.name, name),
            toolId: ids.toolId(m.slug, tool.name),
            name,
            type: jsonSchemaType(property),
            required: tool.input_schema.required.includes(name),
            description: typeof property.description === "string" ? property.description : null,
            schema: property,
            position,
          })),
        ),
      ),
    );
    await upsert(
      t,
      actionToolMaps,
      catalog.action_tool_maps.map((map) => ({
        id: ids.actionToolMapId(map.slug),
        slug: map.slug,
        suiteId: ids.suiteId(map.suite),
        mcpServerId: ids.mcpServerId(map.mcp_server),
      })),
    );
    await upsert(
      t,
      actionToolMappings,
      catalog.action_tool_maps.flatMap((map) =>
        map.mappings.map((mapping) => ({
          id: ids.actionToolMappingId(map.slug, mapping.action),
          actionToolMapId: ids.actionToolMapId(map.slug),
          actionId: ids.actionId(map.suite, mapping.action),
          toolId: ids.toolId(map.mcp_server, mapping.tool),
        })),
      ),
    );
    await upsert(
      t,
      actionToolParameterMappings,
      catalog.action_tool_maps.flatMap((map) =>
        map.mappings.flatMap((mapping) =>
          mapping.parameters.map((p, position) => ({
            id: ids.actionToolParameterMappingId(map.slug, mapping.action, p.tool_parameter),
            actionToolMappingId: ids.actionToolMappingId(map.slug, mapping.action),
            toolParameterId: ids.toolParameterId(map.mcp_server, mapping.tool, p.tool_parameter),
            actionParameterId:
              "action_parameter" in p
                ? ids.actionParameterId(map.suite, mapping.action, p.action_parameter)
                : null,
            constant: "constant" in p ? p.constant : null,
            transform: "transform" in p ? (p.transform ?? null) : null,
            position,
          })),
        ),
      ),
    );
  });
}
