import { getSuiteDetail, listActionToolMaps, listSuites } from "@/lib/catalog/read-catalog";
import { defineTool } from "../define-tool";

// The catalog is the same for every caller and changes only with a release: reading it is idempotent and closed.
const catalogRead = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
} as const;

export const catalogTools = [
  defineTool({
    name: "list_suites",
    title: "List suites",
    description:
      "The web apps Tracepipe recognises (Gmail, Google Calendar, GitHub): id, slug, name and the origins their recordings come from. A session is recorded for one or more suites.",
    annotations: catalogRead,
    run: async () => ({ data: await listSuites() }),
  }),
  defineTool({
    name: "get_suite",
    title: "Get a suite",
    description:
      "One suite with its catalog actions and each action's parameters (name, type, required), by UUID or slug.",
    annotations: catalogRead,
    run: async (_ctx, input) => getSuiteDetail(input.suite_id),
  }),
  defineTool({
    name: "list_action_tool_maps",
    title: "List action-tool maps",
    description:
      "The maps from a suite's actions to an MCP server's tools. `create_example` takes one as `action_tool_map_id` (optional when the suite has exactly one).",
    annotations: catalogRead,
    run: async () => ({ data: await listActionToolMaps() }),
  }),
];
