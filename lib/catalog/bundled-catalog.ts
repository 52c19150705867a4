import catalogJson from "@/db/catalog.json";
import { type Catalog, catalogSchema } from "@/schemas/catalog";

let parsed: Catalog | undefined;

/**
 * The catalog shipped with this build (db/catalog.json, a copy of the platform definition). The seed writes it
 * to the database; the offline CLI and the pipeline read it directly.
 */
export function getBundledCatalog(): Catalog {
  parsed ??= catalogSchema.parse(catalogJson);
  return parsed;
}
