import { maybe, pick, type Random, URLS } from "./random";

/** One native event, mostly valid (password fields, masked values, repeated ids, offsets), sometimes broken. */
export function nativeEvent(random: Random, ts: number, i: number): unknown {
  if (random() < 0.02) return pick(random, [5, "x", null, [1]]);
  const out: Record<string, unknown> = {};
  maybe(out, random, "id", [`e${i}`, `e${i}`, `e${i % 50}`, "e1~2", undefined]);
  out.timestamp = pick(random, [
    ts,
    ts,
    ts,
    new Date(ts).toISOString(),
    new Date(ts).toISOString().replace("Z", "+02:00"),
    new Date(ts).toISOString().replace("Z", "-05:30"),
  ]);
  out.type = pick(random, ["input", "input", "keydown", "click", "change", "meta", "navigation", "scroll"]);
  maybe(out, random, "url", [URLS[0], URLS[1], undefined]);
  maybe(out, random, "tab", ["t1", "t2", undefined]);
  maybe(out, random, "target", [
    { tag: "input", type: "password", name: "pw" },
    { tag: "input", attributes: { autocomplete: "new-password", "data-x": "1" } },
    { tag: "input", label: "Password" },
    { tag: "button", text: "Forgot password?" },
    { tag: "input", type: "email", label: "Email", extra: "dropped" },
    { tag: "div", role: "textbox", ariaLabel: "Message Body", contentEditable: true },
    { placeholder: "Search mail", selector: "#pin", checked: false },
    undefined,
  ]);
  maybe(out, random, "value", ["hunter2", "****", "a*b", "", null, undefined, undefined]);
  maybe(out, random, "data", ["h", "*", undefined, undefined]);
  maybe(out, random, "key", ["h", "Enter", "😀", undefined, undefined]);
  maybe(out, random, "code", ["KeyH", "Enter", undefined, undefined]);
  maybe(out, random, "timezone", ["Europe/Berlin", undefined, undefined, undefined]);
  maybe(out, random, "modifiers", [["Shift"], ["Alt", "Meta"], undefined, undefined]);
  maybe(out, random, "button", [0, 2, undefined, undefined]);
  maybe(out, random, "viewport", [{ width: 1, height: 2, depth: 3 }, undefined, undefined]);
  maybe(out, random, "screenshot", [{ byteLength: 10, mimeType: "image/png" }, undefined, undefined]);
  if (random() < 0.1) {
    // One field made invalid (or an unknown one added).
    const key = pick(random, [
      "id",
      "timestamp",
      "type",
      "url",
      "target",
      "value",
      "button",
      "modifiers",
      "extra",
    ]);
    out[key] = pick(random, ["", -1, "2026-13-40T00:00:00Z", "hover", 5, { tag: 5 }, 7, ["Ctrl"], null]);
  }
  return out;
}
