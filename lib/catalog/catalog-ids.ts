import { v5 as uuidv5 } from "uuid";

// A fixed namespace: catalog ids are UUID v5 of a path of slugs, identical on every installation and every seed.
const CATALOG_NAMESPACE = "6f1d6a4e-6c1b-5a57-9a57-2b5e1f0c7d21";

export const catalogId = (...path: string[]) => uuidv5(path.join("/"), CATALOG_NAMESPACE);

export const suiteId = (suite: string) => catalogId("suite", suite);
export const actionId = (suite: string, action: string) => catalogId("suite", suite, "action", action);
export const actionParameterId = (suite: string, action: string, parameter: string) =>
  catalogId("suite", suite, "action", action, "parameter", parameter);
export const mcpServerId = (server: string) => catalogId("mcp-server", server);
export const toolId = (server: string, tool: string) => catalogId("mcp-server", server, "tool", tool);
export const toolParameterId = (server: string, tool: string, parameter: string) =>
  catalogId("mcp-server", server, "tool", tool, "parameter", parameter);
export const modelId = (model: string) => catalogId("model", model);
export const actionToolMapId = (map: string) => catalogId("action-tool-map", map);
export const actionToolMappingId = (map: string, action: string) =>
  catalogId("action-tool-map", map, "action", action);
export const actionToolParameterMappingId = (map: string, action: string, toolParameter: string) =>
  catalogId("action-tool-map", map, "action", action, "tool-parameter", toolParameter);
