import fs from "node:fs/promises";
import path from "node:path";

let bundle: Promise<Buffer> | undefined;

/** The standalone Scalar API reference bundle from node_modules, read once per process. */
export function readScalarBundle(): Promise<Buffer> {
  bundle ??= fs.readFile(
    path.join(
      /* turbopackIgnore: true */ process.cwd(),
      "node_modules/@scalar/api-reference/dist/browser/standalone.js",
    ),
  );
  return bundle;
}
