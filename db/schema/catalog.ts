import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

// The capability catalog is platform-controlled: seeded from db/catalog.json with ids derived from slugs
// (UUID v5), so every installation has the same ids and a re-seed changes nothing.

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const suites = pgTable("suites", {
  id: uuid("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  origins: jsonb("origins").$type<string[]>().notNull(),
  createdAt: createdAt(),
});

export const actions = pgTable(
  "actions",
  {
    id: uuid("id").primaryKey(),
    suiteId: uuid("suite_id")
      .notNull()
      .references(() => suites.id),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("actions_suite_slug_key").on(t.suiteId, t.slug)],
);

export const actionParameters = pgTable(
  "action_parameters",
  {
    id: uuid("id").primaryKey(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id),
    name: text("name").notNull(),
    type: text("type").notNull(),
    required: boolean("required").notNull(),
    description: text("description").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("action_parameters_action_name_key").on(t.actionId, t.name)],
);

export const mcpServers = pgTable("mcp_servers", {
  id: uuid("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  createdAt: createdAt(),
});

export const tools = pgTable(
  "tools",
  {
    id: uuid("id").primaryKey(),
    mcpServerId: uuid("mcp_server_id")
      .notNull()
      .references(() => mcpServers.id),
    name: text("name").notNull(),
    description: text("description").notNull(),
    inputSchema: jsonb("input_schema").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("tools_server_name_key").on(t.mcpServerId, t.name)],
);

export const toolParameters = pgTable(
  "tool_parameters",
  {
    id: uuid("id").primaryKey(),
    toolId: uuid("tool_id")
      .notNull()
      .references(() => tools.id),
    name: text("name").notNull(),
    /** JSON Schema type of the property (`string`, `array`, …); the full property schema is in `schema`. */
    type: text("type").notNull(),
    required: boolean("required").notNull(),
    description: text("description"),
    schema: jsonb("schema").$type<Record<string, unknown>>().notNull(),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("tool_parameters_tool_name_key").on(t.toolId, t.name)],
);

export const models = pgTable("models", {
  id: uuid("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  provider: text("provider").notNull(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  createdAt: createdAt(),
});

export const actionToolMaps = pgTable(
  "action_tool_maps",
  {
    id: uuid("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    suiteId: uuid("suite_id")
      .notNull()
      .references(() => suites.id),
    mcpServerId: uuid("mcp_server_id")
      .notNull()
      .references(() => mcpServers.id),
    createdAt: createdAt(),
  },
  (t) => [index("action_tool_maps_suite_idx").on(t.suiteId)],
);

export const actionToolMappings = pgTable(
  "action_tool_mappings",
  {
    id: uuid("id").primaryKey(),
    actionToolMapId: uuid("action_tool_map_id")
      .notNull()
      .references(() => actionToolMaps.id),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id),
    toolId: uuid("tool_id")
      .notNull()
      .references(() => tools.id),
  },
  (t) => [uniqueIndex("action_tool_mappings_map_action_key").on(t.actionToolMapId, t.actionId)],
);

export const actionToolParameterMappings = pgTable(
  "action_tool_parameter_mappings",
  {
    id: uuid("id").primaryKey(),
    actionToolMappingId: uuid("action_tool_mapping_id")
      .notNull()
      .references(() => actionToolMappings.id),
    toolParameterId: uuid("tool_parameter_id")
      .notNull()
      .references(() => toolParameters.id),
    /** Source: an action parameter, or a constant (exactly one of the two). */
    actionParameterId: uuid("action_parameter_id").references(() => actionParameters.id),
    constant: jsonb("constant"),
    /** Named transform applied to the action parameter's value, e.g. `datetime_iso8601`. */
    transform: text("transform"),
    position: integer("position").notNull(),
  },
  (t) => [
    uniqueIndex("action_tool_parameter_mappings_key").on(t.actionToolMappingId, t.toolParameterId),
    check(
      "action_tool_parameter_mappings_source",
      sql`(${t.actionParameterId} is null) <> (${t.constant} is null)`,
    ),
  ],
);
