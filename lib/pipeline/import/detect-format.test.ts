import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { collect, streamFrom } from "../../../test/helpers/stream-from";
import { detectRecordingFormat } from "./detect-format";
import { UnsupportedRecordingError } from "./import-issue";
import { importRecording } from "./import-recording";
import { sniffRecording } from "./sniff-recording";

const encode = (text: string) => new TextEncoder().encode(text);
const sample = (name: string) => readFileSync(new URL(`./samples/${name}`, import.meta.url));

describe("detectRecordingFormat", () => {
  it.each([
    ["gmail-compose.input_events.jsonl", "native"],
    ["github-login.rrweb.json", "rrweb"],
    ["github-new-issue.recorder.json", "devtools-recorder"],
    ["calendar.trace.json", "chrome-trace"],
    ["gmail-send.codegen.jsonl", "playwright-codegen"],
  ])("detects %s as %s", (name, format) => {
    expect(detectRecordingFormat(sample(name))).toBe(format);
  });

  it("detects from a head that cuts the first item", () => {
    const head = encode(
      `[{"type":4,"data":{"href":"https://x"},"timestamp":1},{"type":2,"data":{"node":{"type":0,"id":1,"childNo`,
    );
    expect(detectRecordingFormat(head)).toBe("rrweb");
    expect(detectRecordingFormat(encode(`{"traceEvents":[{"ph":"X","ts":1,"na`))).toBe("chrome-trace");
    expect(detectRecordingFormat(encode(`[{"name":"EventDispatch","ph":"X","ts":1,"args":{"da`))).toBe(
      "chrome-trace",
    );
  });

  it("reports gzip and rejects unsupported files", () => {
    expect(detectRecordingFormat(new Uint8Array([0x1f, 0x8b, 8, 0]))).toBeUndefined();
    expect(detectRecordingFormat(encode("hello world"))).toBeUndefined();
    expect(detectRecordingFormat(encode('{"foo":1}\n{"bar":2}'))).toBeUndefined();
    expect(detectRecordingFormat(encode(""))).toBeUndefined();
    expect(detectRecordingFormat(encode("<html></html>"), "trace.json")).toBeUndefined();
  });
});

describe("sniffRecording", () => {
  it("decompresses gzip and replays the head", async () => {
    const original = sample("calendar.trace.json");
    const gz = new Uint8Array(
      await new Response(
        new Blob([original]).stream().pipeThrough(new CompressionStream("gzip")),
      ).arrayBuffer(),
    );
    const sniffed = await sniffRecording(streamFrom(gz, 100), "trace.json.gz");
    expect(sniffed).toMatchObject({ format: "chrome-trace", gzip: true });
    const bytes = await new Response(sniffed.stream).arrayBuffer();
    expect(new Uint8Array(bytes)).toEqual(new Uint8Array(original));
  });

  it("answers undefined for corrupt gzip", async () => {
    const sniffed = await sniffRecording(streamFrom(new Uint8Array([0x1f, 0x8b, 1, 2, 3, 4, 5])));
    expect(sniffed.format).toBeUndefined();
  });
});

describe("importRecording errors", () => {
  it("rejects unsupported files naming them", async () => {
    const imported = importRecording(streamFrom("just some text"), { fileName: "notes.txt" });
    await expect(imported.format).rejects.toBeInstanceOf(UnsupportedRecordingError);
    await expect(imported.format).rejects.toThrow(/notes\.txt/);
    await expect(collect(imported.events)).rejects.toBeInstanceOf(UnsupportedRecordingError);
  });

  it("stops at the byte and event limits with a typed error", async () => {
    const text = sample("gmail-compose.input_events.jsonl");
    await expect(
      collect(importRecording(streamFrom(text, 64), { limits: { maxBytes: 300 } }).events),
    ).rejects.toMatchObject({
      name: "ImportLimitError",
      limit: "maxBytes",
    });
    await expect(
      collect(importRecording(streamFrom(text, 64), { limits: { maxEvents: 3 } }).events),
    ).rejects.toMatchObject({
      name: "ImportLimitError",
      limit: "maxEvents",
    });
  });
});
