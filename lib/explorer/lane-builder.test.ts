import { describe, expect, it } from "vitest";
import { LaneBuilder } from "./lane-builder";
import { toChunks } from "./timeline-chunks";

describe("LaneBuilder", () => {
  it("rebuilds a lane from streamed chunks, across growth, with a category dictionary", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      start: i,
      end: i + 1,
      id: `e${i}`,
      label: `event ${i}`,
      category: i % 3 === 0 ? "click" : "input",
      flagged: i === 7,
      links: i === 9 ? ["x"] : undefined,
    }));
    const builder = new LaneBuilder("events");
    let chunks = 0;
    for await (const chunk of toChunks("events", rows, 1500)) {
      builder.append(chunk);
      chunks++;
    }
    const lane = builder.snapshot();
    expect(chunks).toBe(4);
    expect(lane.starts.length).toBe(5000);
    expect(lane.starts[4999]).toBe(4999);
    expect(lane.ids[1234]).toBe("e1234");
    expect(lane.categoryNames).toEqual(["click", "input"]);
    expect(lane.categories[3]).toBe(0);
    expect(lane.categories[4]).toBe(1);
    expect(lane.flagged?.[7]).toBe(1);
    expect(lane.links?.[9]).toEqual(["x"]);
  });
});
