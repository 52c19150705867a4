import { maybe, pick, type Random, URLS } from "./random";

/** One DevTools Recorder step drawn from every step type, selector kind and odd value. */
export function recorderStep(random: Random): unknown {
  if (random() < 0.03) return pick(random, [5, "step", null, [1]]);
  const out: Record<string, unknown> = {};
  maybe(out, random, "type", [
    "navigate",
    "click",
    "click",
    "doubleClick",
    "change",
    "change",
    "keyDown",
    "keyUp",
    "scroll",
    "setViewport",
    "waitForElement",
    "hover",
    5,
    undefined,
  ]);
  maybe(out, random, "target", ["main", "main", "popup-1", 5, undefined]);
  maybe(out, random, "selectors", [
    [["aria/Add a title"], ["#issue_title"]],
    [['aria/Create[role="button"]'], ["text/Create"], ["div.main > button"]],
    [['xpath///*[@id="q"]'], ["pierce/input[name='q']"]],
    [["aria/Password"], ["#sudo_password"]],
    [["main", "iframe"], ["aria/Frame field"]],
    [["input[type=password][name='pw']"]],
    [[], [5], "#plain"],
    "nope",
    undefined,
  ]);
  maybe(out, random, "url", URLS);
  maybe(out, random, "value", ["Crash when saving", "", "hunter2", "****", 5, undefined]);
  maybe(out, random, "key", ["Enter", "a", "", 5, undefined]);
  maybe(out, random, "offsetX", [4, 0.5, "4", undefined]);
  maybe(out, random, "offsetY", [5, Number.MAX_SAFE_INTEGER, undefined]);
  maybe(out, random, "button", ["primary", "secondary", "back", "middle", 1, undefined]);
  maybe(out, random, "x", [0, 120, "x", undefined]);
  maybe(out, random, "y", [0, 900, undefined]);
  maybe(out, random, "width", [1280, 0, "w", undefined]);
  maybe(out, random, "height", [800, undefined]);
  maybe(out, random, "assertedEvents", [
    [{ type: "navigation", url: "https://github.com/octo/hello/issues/42", title: "Issue 42" }],
    [{ type: "navigation", url: "https://github.com/octo/hello" }],
    [{ type: "navigation" }],
    [{ type: "other" }, 5],
    "x",
    undefined,
  ]);
  return out;
}
