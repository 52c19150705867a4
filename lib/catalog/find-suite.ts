import type { Catalog, CatalogSuite } from "@/schemas/catalog";
import { suiteId } from "./catalog-ids";

export type ResolvedSuite = CatalogSuite & { id: string };

/**
 * A suite of the catalog by slug or id. Ids are UUID v5 of slugs, the same as the rows the database is seeded
 * with at start-up, so a lookup here agrees with every foreign key without a query. Pure: the offline pipeline
 * and the server resolve suites the same way, from the same definition (db/catalog.json).
 */
export function findSuite(catalog: Catalog, reference: string): ResolvedSuite | undefined {
  const suite = catalog.suites.find((s) => s.slug === reference || suiteId(s.slug) === reference);
  return suite && { ...suite, id: suiteId(suite.slug) };
}
