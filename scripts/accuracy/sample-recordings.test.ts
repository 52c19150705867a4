import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { listSampleRecordings } from "@/lib/samples/sample-recordings";
import { convertRecording } from "./convert-recording";
import { CORPUS_DIR } from "./corpus-files";
import { scoreToolCalls, type ToolCallLike } from "./score-tool-calls";

// The dashboard's sample recordings are corpus scenarios; each must still give exactly the calls its scenario
// expects (a sample that produced a wrong example would be the first thing a newcomer sees).
const SOURCE_SCENARIO: Record<string, string> = {
  gmail: "gmail-search-then-send",
  "google-calendar": "calendar-search-then-create",
  github: "github-search-then-comment",
};

const publicFile = (url: string) => path.join(import.meta.dirname, "../../public", url);

describe("sample recordings", () => {
  const samples = listSampleRecordings();

  it("exist for every suite of the bundled catalog, one each", () => {
    expect(samples.map((s) => s.suiteSlug)).toEqual(getBundledCatalog().suites.map((s) => s.slug));
  });

  it.each(samples)("$suiteSlug: is its corpus scenario's native recording", async (sample) => {
    const scenario = SOURCE_SCENARIO[sample.suiteSlug];
    expect(scenario, `no source scenario named for ${sample.suiteSlug}`).toBeDefined();
    const served = await readFile(publicFile(sample.url));
    const source = await readFile(path.join(CORPUS_DIR, scenario ?? "", "input_events.jsonl"));
    expect(served.equals(source)).toBe(true);
  });

  it.each(samples)(
    "$suiteSlug: gives every expected tool call with exact arguments, nothing else, nothing to review",
    { timeout: 60_000 },
    async (sample) => {
      const expected = JSON.parse(
        await readFile(
          path.join(CORPUS_DIR, SOURCE_SCENARIO[sample.suiteSlug] ?? "", "expected.json"),
          "utf8",
        ),
      ) as { suite: string; toolCalls: ToolCallLike[] };
      expect(expected.suite).toBe(sample.suiteSlug);
      expect(expected.toolCalls.length).toBeGreaterThanOrEqual(2);
      const converted = await convertRecording(publicFile(sample.url), sample.suiteSlug, undefined);
      expect(converted.reviewItems).toEqual([]);
      const score = scoreToolCalls(expected.toolCalls, converted.toolCalls, { compareArguments: true });
      expect({ missing: score.missing, extra: score.extra, mismatches: score.mismatches }).toEqual({
        missing: [],
        extra: [],
        mismatches: [],
      });
      expect(score.exactArguments).toBe(expected.toolCalls.length);
    },
  );
});
