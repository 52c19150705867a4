import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Database } from "../client";
import { usageRecords } from "../schema";

/** One workspace's usage in [from, to), summed per UTC hour or day bucket, kind, model and API key. */
export async function listUsageBuckets(
  db: Database,
  filter: { workspaceId: string; from: Date; to: Date; granularity: "hour" | "day" },
) {
  // date_trunc on the UTC wall clock: buckets are UTC hours and days whatever the session's time zone. The unit
  // is a literal from a closed set (a bound parameter would make the SELECT and GROUP BY expressions differ).
  const unit = sql.raw(filter.granularity === "hour" ? "'hour'" : "'day'");
  const bucket = sql<string>`to_char(date_trunc(${unit}, ${usageRecords.occurredAt} at time zone 'UTC'), 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
  const rows = await db
    .select({
      start: bucket,
      kind: usageRecords.kind,
      modelId: usageRecords.modelId,
      apiKeyId: usageRecords.apiKeyId,
      quantity: sql<string>`sum(${usageRecords.quantity})::text`,
    })
    .from(usageRecords)
    .where(
      and(
        eq(usageRecords.workspaceId, filter.workspaceId),
        gte(usageRecords.occurredAt, filter.from),
        lt(usageRecords.occurredAt, filter.to),
      ),
    )
    .groupBy(bucket, usageRecords.kind, usageRecords.modelId, usageRecords.apiKeyId)
    .orderBy(bucket);
  return rows.map((r) => ({ ...r, quantity: Number(r.quantity) }));
}
