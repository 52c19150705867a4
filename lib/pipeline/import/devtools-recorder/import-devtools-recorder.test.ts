import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importAll } from "../../../../test/helpers/stream-from";
import { describeRecorderSelectors } from "./parse-selectors";

const sample = readFileSync(new URL("../samples/github-new-issue.recorder.json", import.meta.url), "utf8");

describe("DevTools Recorder import", () => {
  it("turns steps into events on a synthetic timeline with described targets", async () => {
    const { format, events, issues } = await importAll(sample, { fileName: "flow.json" });
    expect(format).toBe("devtools-recorder");
    expect(events.map((e) => e.type)).toEqual([
      "meta",
      "navigation",
      "click",
      "navigation",
      "click",
      "change",
      "keydown",
      "keyup",
      "change",
      "scroll",
      "click",
      "navigation",
    ]);
    expect(events.every((e) => e.source.timeline === "synthetic")).toBe(true);
    expect(events.map((e) => e.ts)).toEqual([
      0, 500, 1000, 1250, 1500, 2000, 2500, 3000, 4000, 5500, 6000, 6250,
    ]);
    const [, , newIssue, issuesNew, , title, , , body, , create, created] = events;
    expect(newIssue?.target).toMatchObject({
      ariaLabel: "New issue",
      text: "New issue",
      selector: "div.Layout-main > a",
      tag: "a",
    });
    expect(issuesNew).toMatchObject({
      url: "https://github.com/octo-org/hello-world/issues/new",
      title: "New Issue · octo-org/hello-world",
    });
    expect(title).toMatchObject({
      value: "Crash when saving",
      url: "https://github.com/octo-org/hello-world/issues/new",
      target: { id: "issue_title", label: "Add a title", selector: "#issue_title" },
    });
    expect(body?.target).toMatchObject({
      role: "textbox",
      label: "Markdown value",
      name: "issue[body]",
      tag: "textarea",
    });
    expect(create?.target).toMatchObject({ role: "button", text: "Create" });
    expect(created?.url).toBe("https://github.com/octo-org/hello-world/issues/42");
    expect(create?.source.path).toBe("$.steps[12]");
    expect(issues).toEqual([
      expect.objectContaining({ path: "$.steps[9]", code: "invalid_step" }),
      expect.objectContaining({ path: "$.steps[10]", code: "invalid_step" }),
    ]);
  });

  it("reports a truncated flow and keeps the steps before the damage", async () => {
    const { events, issues } = await importAll(sample.slice(0, sample.indexOf('"type": "keyDown"')), {
      format: "devtools-recorder",
    });
    expect(events.map((e) => e.type)).toEqual([
      "meta",
      "navigation",
      "click",
      "navigation",
      "click",
      "change",
    ]);
    expect(issues).toEqual([expect.objectContaining({ code: "truncated_json", path: "$.steps[5]" })]);
  });

  it("reads ids and names from CSS, pierce and xpath selectors", () => {
    expect(describeRecorderSelectors([["pierce/input[name='q']"], ['xpath///*[@id="q"]']])).toEqual({
      selector: "pierce/input[name='q']",
      tag: "input",
      name: "q",
      id: "q",
    });
    expect(describeRecorderSelectors("nope")).toBeUndefined();
  });
});
