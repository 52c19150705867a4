import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { validateArguments } from "@/lib/pipeline/examples/validate-arguments";
import { nativeEventSchema } from "@/schemas/events";
import { CORPUS_DIR, RECORDING_FILES } from "./corpus-files";

/**
 * The corpus itself is checked, so accuracy figures rest on valid ground truth: every scenario has all five
 * recordings, native lines follow the published schema, and every expected call names a catalog tool of the
 * scenario's suite with arguments valid against that tool's JSON Schema.
 */
const catalog = getBundledCatalog();
const scenarios = readdirSync(CORPUS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const toolsOfSuite = (suite: string) => {
  const map = catalog.action_tool_maps.find((m) => m.suite === suite);
  const server = catalog.mcp_servers.find((s) => s.slug === map?.mcp_server);
  return { map, server };
};

describe("fixture corpus", () => {
  it("covers every catalog action, no-action sessions and multi-action sessions", () => {
    const used = new Set<string>();
    let empty = 0;
    let multi = 0;
    for (const name of scenarios) {
      const expected = JSON.parse(readFileSync(path.join(CORPUS_DIR, name, "expected.json"), "utf8"));
      const { map } = toolsOfSuite(expected.suite);
      for (const call of expected.toolCalls) {
        const mapping = map?.mappings.find((m) => m.tool === call.tool);
        used.add(`${expected.suite}/${mapping?.action}`);
      }
      if (expected.toolCalls.length === 0) empty++;
      if (expected.toolCalls.length > 1) multi++;
    }
    const all = catalog.suites.flatMap((s) => s.actions.map((a) => `${s.slug}/${a.slug}`));
    expect([...used].sort()).toEqual(all.sort());
    expect(empty).toBeGreaterThanOrEqual(3);
    expect(multi).toBeGreaterThanOrEqual(3);
  });

  it.each(scenarios)("%s has every format and valid expectations", (name) => {
    const dir = path.join(CORPUS_DIR, name);
    const expected = JSON.parse(readFileSync(path.join(dir, "expected.json"), "utf8"));
    const { server } = toolsOfSuite(expected.suite);
    for (const call of expected.toolCalls) {
      const tool = server?.tools.find((t) => t.name === call.tool);
      expect(tool, call.tool).toBeDefined();
      if (tool) expect(validateArguments(tool, call.arguments)).toEqual([]);
    }
    const native = readFileSync(path.join(dir, RECORDING_FILES.native), "utf8").trim().split("\n");
    for (const line of native) expect(nativeEventSchema.safeParse(JSON.parse(line)).success).toBe(true);
    const rrweb = JSON.parse(readFileSync(path.join(dir, RECORDING_FILES.rrweb), "utf8"));
    expect(rrweb.some((e: { type: number }) => e.type === 2)).toBe(true);
    const flow = JSON.parse(readFileSync(path.join(dir, RECORDING_FILES["devtools-recorder"]), "utf8"));
    expect(flow.steps.some((s: { type: string }) => s.type === "navigate")).toBe(true);
    const trace = JSON.parse(
      gunzipSync(readFileSync(path.join(dir, RECORDING_FILES["chrome-trace"]))).toString(),
    );
    expect(trace.traceEvents.some((e: { name: string }) => e.name === "EventDispatch")).toBe(true);
    const codegen = readFileSync(path.join(dir, RECORDING_FILES["playwright-codegen"]), "utf8")
      .trim()
      .split("\n");
    expect(JSON.parse(codegen[0] ?? "{}").browserName).toBe("chromium");
  });
});
