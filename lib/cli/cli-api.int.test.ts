import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { calendarEditorRecordingLines } from "@/test/helpers/calendar-recording";
import { registerCliTestHarness } from "@/test/helpers/cli-test-harness";
import { gmailRecordingLines } from "@/test/helpers/gmail-recording";

// The CLI over real HTTP against the app's real route handlers, real database and the embedded executor.
const cli = registerCliTestHarness("cli-api");
const { tracepipe, writeRecording, waits } = cli;

describe("tracepipe upload → status → examples", () => {
  it("uploads, waits for the pipeline, and downloads the generated examples as NDJSON", async () => {
    const file = await writeRecording(
      "input_events.jsonl",
      gmailRecordingLines({ emails: 2, scrollNoise: 3 }),
    );
    const uploaded = await tracepipe([
      "upload",
      file,
      "--suite",
      "gmail",
      "--description",
      "Two emails",
      "--wait",
    ]);
    expect(uploaded.stderr).toMatch(/uploaded 1 file\(s\): session [0-9a-f-]{36} \(uploaded\)/);
    expect(uploaded.code).toBe(0);
    const sessionId = uploaded.stdout.match(/^session ([0-9a-f-]{36}): completed$/m)?.[1];
    expect(sessionId).toBeDefined();
    expect(uploaded.stdout).toContain(`events ${1 + 2 * 13}, interactions`);
    expect(uploaded.stdout).toMatch(/actions 2\b/);
    expect(uploaded.stdout).toContain("file input_events.jsonl (native");

    const status = await tracepipe(["status", String(sessionId), "--json"]);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ id: sessionId, status: "completed", action_count: 2 });

    const out = path.join(cli.dir, "examples.jsonl");
    const downloaded = await tracepipe(["examples", String(sessionId), "--out", out]);
    expect(downloaded.stderr).toContain("generating example");
    expect(downloaded.code).toBe(0);
    const records = (await readFile(out, "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records).toHaveLength(2);
    expect(records[0]).toHaveProperty("messages");
    expect(records[0]).toHaveProperty("tools");
    expect(downloaded.stderr).toContain(`2 record(s) from example`);

    // A second call reuses the completed example instead of generating another.
    const again = await tracepipe(["examples", String(sessionId)]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("using example");
    expect(
      again.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual(records);
  });

  it("refuses examples with no records, naming the actions that await review, and writes no file", async () => {
    const file = await writeRecording(
      "untitled-event.jsonl",
      calendarEditorRecordingLines({ timezone: "America/New_York" }),
    );
    const uploaded = await tracepipe(["upload", file, "--suite", "google-calendar", "--wait"]);
    expect(uploaded.code).toBe(0);
    const sessionId = uploaded.stdout.match(/^session ([0-9a-f-]{36}): completed$/m)?.[1];
    const out = path.join(cli.dir, "untitled.jsonl");
    const refused = await tracepipe(["examples", String(sessionId), "--out", out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("0 records: 1 action awaits review");
    await expect(readFile(out, "utf8")).rejects.toThrow(/ENOENT/);
  });
});

describe("tracepipe stream", () => {
  it("retries 429 (honouring Retry-After), a 503 and a lost acknowledgement; counts duplicates; stores each event once", async () => {
    const lines = gmailRecordingLines({ emails: 3, scrollNoise: 5 });
    expect(lines).toHaveLength(46);
    // Four events sent again at the end (same ids): acknowledged as duplicates, not stored twice.
    const file = await writeRecording("stream.jsonl", [...lines, ...lines.slice(0, 4)]);
    cli.server.setFault(({ method, path: p, nth }) => {
      if (method !== "POST" || !p.endsWith("/events")) return undefined;
      if (nth === 1) return { respond: { status: 429, headers: { "retry-after": "2" } } };
      if (nth === 2) return { respond: { status: 503 } };
      if (nth === 4) return "drop-after-handling";
      return undefined;
    });
    const streamed = await tracepipe(["stream", file, "--suite", "gmail", "--batch", "10"]);
    expect(streamed.stderr).toContain("retrying after 429");
    expect(streamed.code).toBe(0);
    expect(streamed.stdout).toMatch(/accepted 46, duplicates 4, stored 46, status uploaded/);
    expect(waits).toContain(2000);

    const events = cli.server.log.filter((e) => e.path.endsWith("/events"));
    expect(events.map((e) => e.status)).toEqual([429, 503, 202, "dropped", 202, 202, 202, 202]);
    // The retry after the lost acknowledgement carries the same key, so the server replayed instead of storing.
    expect(events[4]?.idempotencyKey).toBe(events[3]?.idempotencyKey);
    expect(new Set(events.map((e) => e.idempotencyKey)).size).toBe(5);

    const sessionId = streamed.stdout.match(/session ([0-9a-f-]{36})/)?.[1];
    const status = await tracepipe(["status", String(sessionId), "--json"]);
    expect(JSON.parse(status.stdout).event_count).toBe(46);
  });

  it("stops at a bad line with its number, keeps what was sent, and resumes with --session", async () => {
    const lines = gmailRecordingLines({ emails: 1, scrollNoise: 5 });
    const broken = [...lines.slice(0, 12), "{not json", ...lines.slice(12)];
    const file = await writeRecording("broken.jsonl", broken);
    const first = await tracepipe(["stream", file, "--suite", "gmail", "--batch", "5"]);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain("broken.jsonl: line 13: not valid JSON");
    expect(first.stderr).toContain("12 event(s) accepted");
    const sessionId = first.stderr.match(/--session ([0-9a-f-]{36})/)?.[1];
    expect(cli.server.log.some((e) => e.path.endsWith("/complete"))).toBe(false);
    expect(JSON.parse((await tracepipe(["status", String(sessionId), "--json"])).stdout)).toMatchObject({
      status: "open",
      event_count: 12,
    });

    const fixed = await writeRecording("fixed.jsonl", lines);
    const resumed = await tracepipe(["stream", fixed, "--session", String(sessionId), "--batch", "5"]);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`accepted ${lines.length - 12}, duplicates 12, stored ${lines.length}`);
  });

  it("names a line the schema rejects", async () => {
    const file = await writeRecording("bad-type.jsonl", [
      JSON.stringify({ timestamp: 1, type: "click" }),
      JSON.stringify({ timestamp: "yesterday", type: "click" }),
    ]);
    const result = await tracepipe(["stream", file, "--suite", "gmail"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/line 2: timestamp: /);
    expect(result.stderr).toContain("1 event(s) accepted");
  });
});

describe("errors", () => {
  it("prints the API's problem+json title and detail and exits 1", async () => {
    const file = await writeRecording("ok.jsonl", gmailRecordingLines({ emails: 1 }));
    const unknownSuite = await tracepipe(["upload", file, "--suite", "outlook"]);
    expect(unknownSuite.code).toBe(1);
    expect(unknownSuite.stderr).toBe(
      "tracepipe: Bad Request (HTTP 400)\n  Unknown suite 'outlook'; GET /v1/suites lists them\n",
    );

    const missing = await tracepipe(["status", crypto.randomUUID()]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/\(HTTP 404\)/);

    const badKey = await tracepipe(["status", crypto.randomUUID()], { TRACEPIPE_API_KEY: "tp_live_nope" });
    expect(badKey.code).toBe(1);
    expect(badKey.stderr).toMatch(/\(HTTP 401\)/);
  });

  it("exits 2 for usage errors and 1 without any credential", async () => {
    expect((await tracepipe(["upload", "--suite", "gmail"])).code).toBe(2);
    expect((await tracepipe(["stream", "x.jsonl", "--suite", "gmail", "--batch", "0"])).code).toBe(2);
    expect((await tracepipe(["status"])).code).toBe(2);
    const anonymous = await tracepipe(["status", crypto.randomUUID()], { TRACEPIPE_API_KEY: "" });
    expect(anonymous.code).toBe(1);
    expect(anonymous.stderr).toContain("Entra sign-in is not configured");
  });
});
