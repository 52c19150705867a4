import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { recordScenario } from "./record-scenario";
import { CORPUS_TIMEZONE, scenarios } from "./scenarios";

/**
 * `npm run corpus:record [-- name…]`: re-records the fixture corpus into e2e/fixtures/recordings/<scenario>/ —
 * rrweb.json, trace.json.gz, recorder.json, input_events.jsonl, codegen.jsonl and expected.json.
 */
const OUT_DIR = path.resolve(import.meta.dirname, "../fixtures/recordings");
const require = createRequire(import.meta.url);

async function main(): Promise<void> {
  const only = new Set(process.argv.slice(2));
  // The package's exports map hides the UMD build; locate it next to the resolved entry point.
  const rrwebDist = path.dirname(require.resolve("rrweb"));
  const rrwebBundle = await readFile(path.join(rrwebDist, "rrweb.umd.min.cjs"), "utf8");
  const nativeRecorder = await readFile(path.join(import.meta.dirname, "native-recorder.js"), "utf8");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    for (const scenario of scenarios) {
      if (only.size && !only.has(scenario.name)) continue;
      const started = Date.now();
      const rec = await recordScenario(browser, scenario, rrwebBundle, nativeRecorder);
      const dir = path.join(OUT_DIR, scenario.name);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, "rrweb.json"), JSON.stringify(rec.rrweb));
      await writeFile(path.join(dir, "input_events.jsonl"), `${rec.native.join("\n")}\n`);
      await writeFile(path.join(dir, "trace.json.gz"), gzipSync(rec.trace, { level: 9 }));
      await writeFile(path.join(dir, "recorder.json"), `${JSON.stringify(rec.recorder, null, 2)}\n`);
      await writeFile(path.join(dir, "codegen.jsonl"), rec.codegen);
      const expected = {
        scenario: scenario.name,
        suite: scenario.suite,
        description: scenario.description,
        timezone: scenario.timezone ?? CORPUS_TIMEZONE,
        // Chrome traces carry no typed text and no target element: only the action (tool) is expected from them.
        argumentsUnknownFor: ["chrome-trace"],
        toolCalls: scenario.toolCalls,
        ...(scenario.secrets ? { secrets: scenario.secrets } : {}),
        ...(scenario.holdout ? { holdout: true } : {}),
      };
      await writeFile(path.join(dir, "expected.json"), `${JSON.stringify(expected, null, 2)}\n`);
      process.stdout.write(
        `${scenario.name}: rrweb ${rec.rrweb.length} events, native ${rec.native.length}, trace ${(rec.trace.length / 1024).toFixed(0)} KiB, ${Date.now() - started} ms\n`,
      );
    }
  } finally {
    await browser.close();
  }
}

await main();
