import { readHostname } from "./uses-node-fs";

/** Not edge-portable: a helper it imports reads a file with `node:fs`. The harness must refuse it. */
export async function GET() {
  return new Response(await readHostname());
}
