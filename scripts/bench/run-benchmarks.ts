import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * `npm run bench`: every benchmark, one process each so peak RSS figures are their own. `BENCH_SIZE=reduced`
 * runs them at CI size. The app-level benchmarks (ingest, explorer) need `npm run build` first.
 */
const benchmarks = [
  { name: "importers (per format)", file: "scripts/bench/pipeline/import-bench.ts" },
  { name: "pipeline (silver, gold, examples)", file: "scripts/bench/pipeline/pipeline-bench.ts" },
  { name: "embedded job executor", file: "scripts/bench/embedded-executor-bench.ts", freshDataDir: true },
  { name: "ingest API", file: "scripts/bench/ingest-bench.ts", needsBuild: true },
  { name: "trace explorer", file: "scripts/bench/explorer-bench.ts", needsBuild: true },
  { name: "MCP endpoint", file: "scripts/bench/mcp-bench.ts", needsBuild: true },
];

const only = process.argv[2];
let failed = 0;
for (const bench of benchmarks) {
  if (only && !bench.file.includes(only)) continue;
  if (bench.needsBuild && !fs.existsSync(".next/BUILD_ID")) {
    process.stdout.write(`\n## ${bench.name}: skipped (run \`npm run build\` first)\n`);
    continue;
  }
  process.stdout.write(`\n## ${bench.name} (${bench.file})\n`);
  const started = Date.now();
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" };
  // Benchmarks that open the embedded database get their own folder, never the developer's `.data`.
  const dataDir =
    "freshDataDir" in bench ? fs.mkdtempSync(path.join(os.tmpdir(), "tracepipe-bench-")) : undefined;
  if (dataDir) env.TRACEPIPE_DATA_DIR = dataDir;
  const result = spawnSync("npx", ["tsx", bench.file], { stdio: "inherit", env });
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  process.stdout.write(`(${((Date.now() - started) / 1000).toFixed(1)} s, exit ${result.status})\n`);
  if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
