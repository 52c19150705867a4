import type { ExampleWithSuite } from "@/db/queries/examples";
import type { ExampleResource } from "@/schemas/examples";

/** The public JSON of an example. */
export function toExampleResource(row: ExampleWithSuite): ExampleResource {
  return {
    id: row.id,
    object: "example",
    session_id: row.sessionId,
    suite_id: row.suiteId,
    model_id: row.modelId,
    action_tool_map_id: row.actionToolMapId,
    model_configuration: row.modelConfiguration,
    status: row.status,
    error: row.error,
    record_count: row.recordCount,
    size_bytes: row.sizeBytes,
    callback_url: row.callbackUrl,
    messages_url: `/v1/examples/${row.id}/messages`,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    completed_at: row.completedAt?.toISOString() ?? null,
  };
}
