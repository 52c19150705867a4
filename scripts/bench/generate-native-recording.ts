import { createGzip } from "node:zlib";

/**
 * A synthetic native `input_events.jsonl` of `count` events: repeated Gmail compose flows (typing key by key,
 * clicks, scrolling) so every pipeline layer has work. Streamed, gzipped, never held whole.
 */
export function* nativeRecordingLines(count: number, start = Date.UTC(2026, 10, 21, 9)): Generator<string> {
  const url = "https://mail.google.com/mail/u/0/#inbox?compose=new";
  const fields = [
    { ariaLabel: "To recipients", tag: "input", role: "combobox", text: "ana@example.com" },
    { ariaLabel: "Subject", name: "subjectbox", tag: "input", text: "Quarterly numbers" },
    {
      ariaLabel: "Message Body",
      tag: "div",
      role: "textbox",
      text: "Here are the final figures for the quarter.",
    },
  ];
  let ts = start;
  let n = 0;
  const line = (event: Record<string, unknown>) => {
    n++;
    ts += 40;
    return JSON.stringify({ id: `e${n}`, timestamp: ts, url, title: "Inbox - Gmail", tab: "t1", ...event });
  };
  yield line({ type: "meta", timezone: "Europe/Berlin" });
  while (n < count) {
    yield line({ type: "click", target: { tag: "div", role: "button", text: "Compose" }, x: 60, y: 120 });
    for (const field of fields) {
      const target = { tag: field.tag, role: field.role, ariaLabel: field.ariaLabel, name: field.name };
      let value = "";
      for (const ch of field.text) {
        if (n >= count) return;
        value += ch;
        yield line({ type: "keydown", key: ch, target });
        yield line({ type: "input", value, data: ch, inputType: "insertText", target });
      }
      if (field.role === "combobox") yield line({ type: "keydown", key: "Enter", target });
    }
    yield line({ type: "scroll", scrollY: (n % 900) + 10 });
    yield line({
      type: "click",
      target: { tag: "div", role: "button", ariaLabel: "Send ‪(Ctrl-Enter)‬", text: "Send" },
    });
  }
}

export async function gzipLines(lines: Iterable<string>): Promise<Buffer> {
  const gzip = createGzip({ level: 6 });
  const parts: Buffer[] = [];
  gzip.on("data", (part: Buffer) => parts.push(part));
  const done = new Promise<void>((resolve, reject) => {
    gzip.on("end", resolve);
    gzip.on("error", reject);
  });
  let batch = "";
  for (const l of lines) {
    batch += `${l}\n`;
    if (batch.length > 1 << 20) {
      if (!gzip.write(batch)) await new Promise((r) => gzip.once("drain", r));
      batch = "";
    }
  }
  gzip.end(batch);
  await done;
  return Buffer.concat(parts);
}
