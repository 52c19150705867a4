import { describe, expect, it } from "vitest";
import { collect, streamFrom } from "../../../test/helpers/stream-from";
import { buildBronze } from "../bronze/build-bronze";
import { importRecording } from "./import-recording";

// The pipeline must run unchanged in the edge sandbox (no Node built-ins): Web streams, gzip and parsing.
const rrweb = [
  { type: 4, data: { href: "https://github.com/new", width: 800, height: 600 }, timestamp: 1000 },
  {
    type: 2,
    data: {
      node: {
        type: 0,
        id: 1,
        childNodes: [
          {
            type: 2,
            id: 2,
            tagName: "input",
            attributes: { "aria-label": "Repository name", id: "repository_name" },
            childNodes: [],
          },
        ],
      },
    },
    timestamp: 1001,
  },
  { type: 3, data: { source: 5, id: 2, text: "hello-world", isChecked: false }, timestamp: 1500 },
];

describe("importers in the edge runtime", () => {
  it("imports gzip rrweb and builds bronze", async () => {
    const gz = new Uint8Array(
      await new Response(
        new Blob([JSON.stringify(rrweb)]).stream().pipeThrough(new CompressionStream("gzip")),
      ).arrayBuffer(),
    );
    const imported = importRecording(streamFrom(gz, 16), { fileName: "s.json.gz" });
    const events = await collect(buildBronze(imported.events, { hints: imported.hints }).events);
    expect(await imported.format).toBe("rrweb");
    expect(events.map((e) => e.type)).toEqual(["navigation", "input"]);
    expect(events[1]).toMatchObject({
      value: "hello-world",
      target: { ariaLabel: "Repository name", role: "textbox" },
    });
  });

  it("imports a DevTools Recorder flow with the streaming JSON parser", async () => {
    const flow = {
      title: "t",
      steps: [
        { type: "navigate", url: "https://x.test/" },
        { type: "change", value: "v", selectors: [["aria/Name"]] },
      ],
    };
    const imported = importRecording(streamFrom(JSON.stringify(flow), 5));
    const events = await collect(imported.events);
    expect(await imported.format).toBe("devtools-recorder");
    expect(events.map((e) => e.type)).toEqual(["navigation", "change"]);
  });
});
