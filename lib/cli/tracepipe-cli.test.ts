import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CanonicalEvent } from "@/schemas/events";
import { TestSession } from "@/test/helpers/test-session";
import { githubTargets as gh, gmailTargets as gm } from "@/test/helpers/test-targets";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const bin = path.join(root, "lib/cli/tracepipe.mjs");
let dir: string;

/** Canonical test events as lines of the native `input_events.jsonl` format. */
const toNativeJsonl = (events: CanonicalEvent[], garbage = false) => {
  const lines = events.map(({ ts, source: _source, masked: _masked, ...rest }) =>
    JSON.stringify({ ...rest, timestamp: ts }),
  );
  if (garbage) lines.splice(3, 0, "{not json", JSON.stringify({ type: "click", timestamp: "yesterday" }));
  return `${lines.join("\n")}\n`;
};

async function tracepipe(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tracepipe-cli-"));
  const gmail = new TestSession("https://mail.google.com/mail/u/0/#inbox", { timezone: "Europe/Paris" });
  gmail
    .click(gm.compose)
    .type(gm.to, "ann@example.com")
    .commitChip(gm.to)
    .type(gm.subject, "Hi")
    .type(gm.body, "Hello Ann")
    .click(gm.send);
  gmail.type(gm.search, "label:work").press(gm.search, "Enter");
  await writeFile(path.join(dir, "gmail.jsonl"), toNativeJsonl(gmail.events, true));
  const github = new TestSession("https://github.com/octo/app/issues/new")
    .type(gh.issueTitle, "Bug")
    .type(gh.issueBody, "Details")
    .click(gh.submitIssue);
  await writeFile(path.join(dir, "github.jsonl.gz"), gzipSync(toNativeJsonl(github.events)));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("tracepipe convert (child process)", { timeout: 60_000 }, () => {
  it("writes OpenAI JSONL to stdout and reports bad lines with their numbers on stderr", async () => {
    const result = await tracepipe(["convert", path.join(dir, "gmail.jsonl"), "--suite", "gmail"]);
    expect(result.code).toBe(0);
    const records = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records.map((r) => r.messages[2].tool_calls[0].function.name)).toEqual([
      "send_email",
      "search_emails",
    ]);
    expect(JSON.parse(records[0].messages[2].tool_calls[0].function.arguments)).toEqual({
      to: ["ann@example.com"],
      subject: "Hi",
      body: "Hello Ann",
    });
    expect(result.stderr).toMatch(/gmail\.jsonl:4: /);
    expect(result.stderr).toMatch(/gmail\.jsonl:5: /);
  });

  it("reads gzip, writes another format, a multi-step record and a dataset card to files", async () => {
    const out = path.join(dir, "out.jsonl");
    const card = path.join(dir, "card.md");
    const result = await tracepipe([
      "convert",
      path.join(dir, "github.jsonl.gz"),
      "--suite",
      "github",
      "--format",
      "gemini",
      "--multi-step",
      "--out",
      out,
      "--card",
      card,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    const [record, ...rest] = (await readFile(out, "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(rest).toEqual([]);
    expect(record.contents[1].parts[0].functionCall).toEqual({
      name: "issue_write",
      args: { method: "create", owner: "octo", repo: "app", title: "Bug", body: "Details" },
    });
    expect(await readFile(card, "utf8")).toContain("| `issue_write` | 1 |");
  });

  it.each([
    [["convert", "x.jsonl", "--suite", "outlook"], /Unknown suite "outlook"/],
    [["convert", "x.jsonl", "--suite", "gmail", "--format", "csv"], /Unknown format "csv"/],
    [["convert", "x.jsonl", "--suite", "gmail", "--map", "nope"], /Unknown action-tool map "nope"/],
    [["convert", "x.jsonl"], /Missing --suite/],
    [["frobnicate"], /Unknown command/],
  ])("rejects %j with a clear error and exit code 2", async (args, message) => {
    const result = await tracepipe(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });

  it("fails with exit code 1 for a missing or unsupported file", async () => {
    const missing = await tracepipe(["convert", path.join(dir, "nope.jsonl"), "--suite", "gmail"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file/);
    await writeFile(path.join(dir, "photo.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    const unsupported = await tracepipe(["convert", path.join(dir, "photo.png"), "--suite", "gmail"]);
    expect(unsupported.code).toBe(1);
    expect(unsupported.stderr).toMatch(/not a supported recording/);
  });
});
