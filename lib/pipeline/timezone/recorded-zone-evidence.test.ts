import { createReadStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { generateExamples } from "@/lib/pipeline/examples/generate-examples";
import { runPipeline } from "@/lib/pipeline/run-pipeline";

// Real recordings of the fixture corpus (Chromium in Berlin, the real rrweb recorder and DevTools Recorder writer),
// processed with no zone stated: what each format lets the pipeline know about the zone.
const scenario = path.join(process.cwd(), "e2e/fixtures/recordings/calendar-search-then-create");
const catalog = getBundledCatalog();

async function convert(fileName: string) {
  const stream = Readable.toWeb(
    createReadStream(path.join(scenario, fileName)),
  ) as ReadableStream<Uint8Array>;
  const result = await runPipeline({ sources: [{ stream, fileName }], suite: "google-calendar", catalog });
  const examples = await generateExamples({
    actions: result.actions,
    suite: "google-calendar",
    model: "tracepipe-rules-1",
    catalog,
    format: "openai",
    ...(result.timezone ? { timezone: result.timezone } : {}),
  });
  return { result, examples };
}

describe("zone evidence in recorded sessions", { timeout: 60_000 }, () => {
  it("rrweb: infers the zone from the editor's zone display in the page text", async () => {
    const { result, examples } = await convert("rrweb.json");
    expect(result).toMatchObject({ timezone: "Europe/Berlin", timezoneSource: "inferred" });
    expect(examples.toolCalls.find((c) => c.tool === "create-event")?.arguments).toMatchObject({
      start: "2026-12-04T09:00:00+01:00",
      end: "2026-12-04T09:30:00+01:00",
    });
  });

  it("native: takes the recorder's own zone", async () => {
    const { result } = await convert("input_events.jsonl");
    expect(result).toMatchObject({ timezone: "Europe/Berlin", timezoneSource: "recording" });
  });

  it("DevTools Recorder (no page text, no zone): the event waits for review, the search does not", async () => {
    const { result, examples } = await convert("recorder.json");
    expect(result.timezoneSource).toBe("unknown");
    const event = result.actions.find((a) => a.slug === "create_event");
    expect(event).toMatchObject({ needsReview: true, reviewReasons: ["timezone_unknown"] });
    expect(examples.toolCalls.map((c) => c.tool)).toEqual(["search-events"]);
  });
});
