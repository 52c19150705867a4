import { getDb } from "@/db/client";
import {
  countExamplesOfWorkspace,
  countSessionsOfWorkspace,
  sumUsageByKindAndModel,
} from "@/db/queries/usage-summary";
import { findModelById } from "@/lib/examples/resolve-catalog-refs";

const BYTES_PER_GB = 1_000_000_000;

export interface ModelTokens {
  modelId: string | null;
  model: string;
  inputTokens: number;
  outputTokens: number;
}

export interface UsageSummary {
  periodStart: string;
  tokens: { input: number; output: number; byModel: ModelTokens[] };
  storage: { gbHours: number; currentBytes: number };
  sessions: { total: number; thisMonth: number };
  examples: { total: number; thisMonth: number; inFlight: number; recordsThisMonth: number };
}

/** The first instant of the calendar month (UTC) containing `now`: usage is billed per UTC month. */
export function startOfUtcMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/**
 * What the dashboard shows: this month's billed usage from `usage_records` (tokens per model, storage
 * byte-hours, examples generated) and the user's session and example counts.
 */
export async function getUsageSummary(input: { workspaceId: string; now?: Date }): Promise<UsageSummary> {
  const db = await getDb();
  const since = startOfUtcMonth(input.now ?? new Date());
  const [usage, sessionCounts, exampleCounts] = await Promise.all([
    sumUsageByKindAndModel(db, { workspaceId: input.workspaceId, since }),
    countSessionsOfWorkspace(db, { workspaceId: input.workspaceId, since }),
    countExamplesOfWorkspace(db, { workspaceId: input.workspaceId, since }),
  ]);

  const byModel = new Map<string, ModelTokens>();
  let byteHours = 0;
  let recordsThisMonth = 0;
  for (const row of usage) {
    if (row.kind === "storage_byte_hours") byteHours += row.quantity;
    if (row.kind === "examples_generated") recordsThisMonth += row.quantity;
    if (row.kind !== "input_tokens" && row.kind !== "output_tokens") continue;
    const key = row.modelId ?? "unknown";
    const entry = byModel.get(key) ?? {
      modelId: row.modelId,
      model: (row.modelId && findModelById(row.modelId)?.slug) || "unknown model",
      inputTokens: 0,
      outputTokens: 0,
    };
    if (row.kind === "input_tokens") entry.inputTokens += row.quantity;
    else entry.outputTokens += row.quantity;
    byModel.set(key, entry);
  }
  const models = [...byModel.values()].sort(
    (a, b) => b.inputTokens + b.outputTokens - (a.inputTokens + a.outputTokens),
  );
  return {
    periodStart: since.toISOString(),
    tokens: {
      input: models.reduce((sum, m) => sum + m.inputTokens, 0),
      output: models.reduce((sum, m) => sum + m.outputTokens, 0),
      byModel: models,
    },
    storage: {
      gbHours: byteHours / BYTES_PER_GB,
      currentBytes: sessionCounts.storedBytes + exampleCounts.storedBytes,
    },
    sessions: { total: sessionCounts.total, thisMonth: sessionCounts.recent },
    examples: {
      total: exampleCounts.total,
      thisMonth: exampleCounts.recent,
      inFlight: exampleCounts.inFlight,
      recordsThisMonth,
    },
  };
}
