import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import * as schema from "./index";

/**
 * `ORDER BY x DESC` means DESC NULLS FIRST in Postgres, and drizzle-kit writes a `.desc()` index column as
 * DESC NULLS LAST: such an index cannot serve the sort (even on a NOT NULL column), so a newest-first list falls back
 * to scanning and sorting every row of the tenant (GET /v1/sessions took ~1 s at 1M sessions of one workspace,
 * scripts/bench/sessions-list-bench.ts). Ascending index columns serve both orders: a backward scan is DESC NULLS
 * FIRST, exactly what `ORDER BY … DESC` asks for.
 */
const tables = (Object.values(schema) as unknown[]).filter(
  (value): value is PgTable =>
    typeof value === "object" && value !== null && Symbol.for("drizzle:IsDrizzleTable") in value,
);

describe("index column order", () => {
  it("finds the schema's tables", () => {
    expect(tables.length).toBeGreaterThan(10);
  });

  it.each(tables.map((table) => [getTableConfig(table).name, table] as const))(
    "%s: no index column is DESC NULLS LAST",
    (_, table) => {
      const descNullsLast = getTableConfig(table).indexes.flatMap((index) =>
        index.config.columns.flatMap((column) => {
          const config = (column as { indexConfig?: { order?: string; nulls?: string } }).indexConfig;
          const nulls = config?.nulls ?? (config?.order === "desc" ? "last" : undefined);
          return config?.order === "desc" && nulls === "last"
            ? [`${index.config.name}.${(column as { name?: string }).name}`]
            : [];
        }),
      );
      expect(descNullsLast).toEqual([]);
    },
  );
});
