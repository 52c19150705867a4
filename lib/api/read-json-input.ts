import type { z } from "zod";
import { parseJsonBytes, readJsonBodyBytes } from "./read-json-body";

/** A JSON body (at most 1 MB) parsed with the route's schema: 400 for bad JSON, 422 naming the fields. */
export async function readJsonInput<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  return schema.parse(parseJsonBytes(await readJsonBodyBytes(request), "bad-request"));
}
