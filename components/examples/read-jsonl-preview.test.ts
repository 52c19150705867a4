import { describe, expect, it } from "vitest";
import { readJsonlPreview } from "./read-jsonl-preview";

function streamOf(chunks: string[]) {
  const encoder = new TextEncoder();
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks.shift();
      if (chunk === undefined) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, wasCancelled: () => cancelled };
}

describe("readJsonlPreview", () => {
  it("reads records split across chunks, including a last line without newline", async () => {
    const { stream } = streamOf(['{"a":', '1}\n{"b":2}\n{"c"', ":3}"]);
    expect(await readJsonlPreview(stream, 10)).toEqual({
      records: [{ a: 1 }, { b: 2 }, { c: 3 }],
      isTruncated: false,
    });
  });

  it("stops after maxRecords and cancels the rest of the stream", async () => {
    const { stream, wasCancelled } = streamOf(['{"a":1}\n{"b":2}\n', '{"c":3}\n', '{"d":4}\n']);
    const preview = await readJsonlPreview(stream, 2);
    expect(preview).toEqual({ records: [{ a: 1 }, { b: 2 }], isTruncated: true });
    expect(wasCancelled()).toBe(true);
  });

  it("keeps a bad line visible instead of failing the whole preview", async () => {
    const { stream } = streamOf(['{"a":1}\nnot json\n']);
    const preview = await readJsonlPreview(stream, 5);
    expect(preview.records).toEqual([{ a: 1 }, { unparseable_line: "not json" }]);
  });
});
