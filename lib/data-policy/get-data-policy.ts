import { type Database, getDb } from "@/db/client";
import { findDataPolicy } from "@/db/queries/data-policies";
import { type DataPolicy, DEFAULT_DATA_POLICY } from "@/schemas/data-policy";

/**
 * The data policy of an owner (the user today; the personal workspace shares its id). The one place policy is
 * read: the pipeline's bronze step, retention and the settings page all come here.
 */
export async function getDataPolicy(ownerId: string, db?: Database): Promise<DataPolicy> {
  const row = await findDataPolicy(db ?? (await getDb()), ownerId);
  if (!row) return DEFAULT_DATA_POLICY;
  return {
    redaction: row.redaction,
    retention: { raw_days: row.rawRetentionDays, derived_days: row.derivedRetentionDays },
  };
}
