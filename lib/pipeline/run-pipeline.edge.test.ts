import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { generateExamples } from "@/lib/pipeline/examples/generate-examples";
import { streamJsonl } from "@/lib/pipeline/jsonl";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { TestSession } from "@/test/helpers/test-session";
import { calendarTargets as cal } from "@/test/helpers/test-targets";

/** The pipeline is pure (STYLE.md §4): it runs in the edge runtime, with Web streams and no Node built-ins. */
describe("pipeline in the edge runtime", () => {
  it("turns events into a validated, time-zoned tool call and streams JSONL", async () => {
    const s = new TestSession("https://calendar.google.com/calendar/u/0/r/eventedit", {
      timezone: "Asia/Tokyo",
    });
    s.type(cal.title, "Sync")
      .fill(cal.startDate, "Dec 2, 2025")
      .fill(cal.startTime, "9:00am")
      .fill(cal.endTime, "9:30am");
    s.click(cal.save);
    const catalog = getBundledCatalog();
    const { actions, timezone } = await runPipeline({ events: s.events, suite: "google-calendar", catalog });
    const { records, toolCalls } = await generateExamples({
      actions,
      suite: "google-calendar",
      model: "tracepipe-rules-1",
      catalog,
      format: "openai",
      ...(timezone ? { timezone } : {}),
    });
    expect(toolCalls[0]?.arguments).toMatchObject({
      start: "2025-12-02T09:00:00+09:00",
      end: "2025-12-02T09:30:00+09:00",
    });
    const text = await new Response(streamJsonl(records)).text();
    expect(text.trim().split("\n")).toHaveLength(1);
  });
});
