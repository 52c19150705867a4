#!/usr/bin/env node
// The `tracepipe` bin. Runs the TypeScript CLI through tsx's loader API with the project's tsconfig (for the
// `@/` paths), so the offline converter uses the very same pipeline modules as the server.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { runCli } = await tsImport("./run-cli.ts", {
  parentURL: import.meta.url,
  tsconfig: path.join(root, "tsconfig.json"),
});
process.exitCode = await runCli(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  },
  { env: process.env },
);
