import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { ErrorCode, McpError, type ReadResourceResult } from "@modelcontextprotocol/sdk/types.js";
import { toProblem } from "@/lib/api/problem";
import { notFound } from "@/lib/errors";
import { listExamples } from "@/lib/examples/list-examples";
import { openExampleMessages } from "@/lib/examples/open-example-messages";
import { artifactKeys } from "@/lib/pipeline-runs/artifact-keys";
import { isUuid } from "@/lib/sessions/get-session";
import { openOwnedObject } from "@/lib/storage/open-owned-object";
import { readCappedText } from "@/lib/storage/read-capped-text";
import type { McpContext } from "./mcp-context";

/** A resource travels in one JSON-RPC message; bigger files are for the REST download routes. */
export const MAX_RESOURCE_BYTES = 8 * 1024 * 1024;

const NDJSON = "application/x-ndjson";

/** File name in the URI → the session's artifact key. */
const artifactFiles = {
  "bronze.jsonl": "bronze",
  "import-issues.jsonl": "importIssues",
  "silver.jsonl": "silver",
  "gold-windows.jsonl": "windows",
  "gold-actions.jsonl": "actions",
} as const;
type ArtifactFile = keyof typeof artifactFiles;
const isArtifactFile = (name: string): name is ArtifactFile => Object.hasOwn(artifactFiles, name);

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/**
 * A failed read as a JSON-RPC error with the REST problem's message: -32002 (resource not found) for a missing or
 * foreign id, as the MCP spec names it, else invalid params; a 500's detail stays in the log.
 */
function guarded<A extends unknown[]>(ctx: McpContext, read: (...args: A) => Promise<ReadResourceResult>) {
  return async (...args: A): Promise<ReadResourceResult> => {
    try {
      return await read(...args);
    } catch (error) {
      const { status, body } = toProblem(error, {
        requestId: ctx.requestId,
        instance: "/v1/mcp#resources/read",
      });
      const code =
        status === 404 || status === 403
          ? -32002
          : status >= 500
            ? ErrorCode.InternalError
            : ErrorCode.InvalidParams;
      throw new McpError(code, body.detail);
    }
  };
}

export function registerResources(server: McpServer, ctx: McpContext): void {
  server.registerResource(
    "example-messages",
    new ResourceTemplate("tracepipe://examples/{example_id}/messages", {
      // The newest completed examples, so a client can offer them without knowing ids.
      list: async () => {
        const page = await listExamples({ workspaceId: ctx.workspaceId, query: { limit: 50 } });
        return {
          resources: page.data
            .filter((example) => example.status === "completed")
            .map((example) => ({
              uri: `tracepipe://examples/${example.id}/messages`,
              name: `example-${example.id}.jsonl`,
              mimeType: NDJSON,
            })),
        };
      },
    }),
    {
      title: "Example records",
      description: "A completed example's JSONL records (one training example per line).",
      mimeType: NDJSON,
    },
    guarded(ctx, async (uri, variables) => {
      const exampleId = single(variables.example_id);
      if (!isUuid(exampleId)) throw notFound("Example");
      const { stream } = await openExampleMessages({ workspaceId: ctx.workspaceId, exampleId });
      const text = await readCappedText(stream, {
        maxBytes: MAX_RESOURCE_BYTES,
        what: `Example ${exampleId}`,
        downloadHint: `/v1/examples/${exampleId}/messages`,
      });
      return { contents: [{ uri: uri.href, mimeType: NDJSON, text }] };
    }),
  );
  server.registerResource(
    "session-artifact",
    new ResourceTemplate("tracepipe://sessions/{session_id}/artifacts/{artifact}", {
      list: undefined,
      complete: {
        artifact: (value) => Object.keys(artifactFiles).filter((name) => name.startsWith(value)),
      },
    }),
    {
      title: "Session artifact",
      description:
        "A processed session's pipeline layer as JSONL: bronze.jsonl (events), import-issues.jsonl, silver.jsonl (interactions), gold-windows.jsonl, gold-actions.jsonl.",
      mimeType: NDJSON,
    },
    guarded(ctx, async (uri, variables) => {
      const sessionId = single(variables.session_id);
      const artifact = single(variables.artifact);
      if (!isUuid(sessionId)) throw notFound("Session");
      if (!isArtifactFile(artifact)) throw notFound(`Artifact '${artifact}'`);
      const key = artifactKeys(sessionId)[artifactFiles[artifact]];
      const { stream } = await openOwnedObject({ key, workspaceId: ctx.workspaceId });
      const text = await readCappedText(stream, {
        maxBytes: MAX_RESOURCE_BYTES,
        what: artifact,
        downloadHint: `/api/storage/${key}`,
      });
      return { contents: [{ uri: uri.href, mimeType: NDJSON, text }] };
    }),
  );
}
