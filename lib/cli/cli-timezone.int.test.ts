import { describe, expect, it } from "vitest";
import { calendarRecording } from "@/test/helpers/calendar-recording";
import { registerCliTestHarness } from "@/test/helpers/cli-test-harness";

// The session's zone from the CLI: upload / stream --timezone over real HTTP against the real handlers, database
// and embedded executor, and the offline convert --timezone.
const { tracepipe, writeRecording } = registerCliTestHarness("cli-tz");

const toolCalls = (ndjson: string) =>
  ndjson
    .trim()
    .split("\n")
    .filter(Boolean)
    .flatMap((line) =>
      (JSON.parse(line).messages as { tool_calls?: { function: { arguments: string } }[] }[]).flatMap((m) =>
        (m.tool_calls ?? []).map((c) => JSON.parse(c.function.arguments)),
      ),
    );

describe("tracepipe upload / stream --timezone", () => {
  it("upload --timezone: the session's zone is stated and the example's times carry its offset per date", async () => {
    const file = await writeRecording("calendar.jsonl", calendarRecording(["Jul 14, 2026", "Dec 4, 2026"]));
    const uploaded = await tracepipe([
      "upload",
      file,
      "--suite",
      "google-calendar",
      "--timezone",
      "Europe/Berlin",
      "--wait",
    ]);
    expect(uploaded.code).toBe(0);
    expect(uploaded.stdout).toContain("time zone: Europe/Berlin (stated)");
    const sessionId = uploaded.stdout.match(/^session ([0-9a-f-]{36}): completed$/m)?.[1];
    const examples = await tracepipe(["examples", String(sessionId)]);
    expect(examples.code).toBe(0);
    expect(toolCalls(examples.stdout).map((c) => c.start)).toEqual([
      "2026-07-14T09:00:00+02:00",
      "2026-12-04T09:00:00+01:00",
    ]);
  });

  it("stream --timezone opens the session with the stated zone; a bad zone is a usage error", async () => {
    const file = await writeRecording("stream.jsonl", calendarRecording(["Dec 4, 2026"]));
    const streamed = await tracepipe([
      "stream",
      file,
      "--suite",
      "google-calendar",
      "--timezone",
      "Asia/Tokyo",
    ]);
    expect(streamed.code).toBe(0);
    const sessionId = streamed.stderr.match(/opened session ([0-9a-f-]{36})/)?.[1];
    const status = await tracepipe(["status", String(sessionId), "--json"]);
    expect(JSON.parse(status.stdout)).toMatchObject({ timezone: "Asia/Tokyo", timezone_source: "stated" });

    for (const command of ["upload", "stream"]) {
      const bad = await tracepipe([command, file, "--suite", "google-calendar", "--timezone", "Berlin"]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('Unknown time zone "Berlin"');
    }
  });
});

describe("tracepipe convert --timezone (offline)", () => {
  it("writes zoned times with the stated zone, and leaves an event with no zone evidence out for review", async () => {
    const file = await writeRecording("offline.jsonl", calendarRecording(["Jul 14, 2026"]));
    const zoned = await tracepipe([
      "convert",
      file,
      "--suite",
      "google-calendar",
      "--timezone",
      "Europe/Berlin",
    ]);
    expect(zoned.code).toBe(0);
    expect(toolCalls(zoned.stdout)).toEqual([
      expect.objectContaining({ start: "2026-07-14T09:00:00+02:00", end: "2026-07-14T09:30:00+02:00" }),
    ]);
    const unknown = await tracepipe(["convert", file, "--suite", "google-calendar"]);
    expect(unknown.code).toBe(0);
    expect(unknown.stdout.trim()).toBe("");
    expect(unknown.stderr).toContain(
      "not emitted: create_event: needs review: the recording shows no time zone",
    );
  });
});
