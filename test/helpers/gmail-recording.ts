import type { NativeEvent } from "@/schemas/events";

/**
 * A native `input_events.jsonl` recording of someone sending Gmail messages, for integration tests and the
 * session-processing measurement: `emails` compose-and-send scenarios, each followed by `scrollNoise` scroll
 * events (a reader scrolling the inbox) so a large session can be made from realistic events.
 */
export function gmailRecordingLines(options: {
  emails: number;
  scrollNoise?: number;
  start?: number;
}): string[] {
  const lines: string[] = [];
  let ts = options.start ?? Date.UTC(2026, 2, 2, 8, 15);
  let id = 0;
  const push = (event: Omit<NativeEvent, "id" | "timestamp">) => {
    ts += 400;
    id += 1;
    lines.push(JSON.stringify({ id: `e${id}`, timestamp: ts, tab: "t1", ...event }));
  };
  push({
    type: "meta",
    timezone: "Europe/Berlin",
    userAgent: "Mozilla/5.0",
    viewport: { width: 1440, height: 900 },
  });
  const inbox = "https://mail.google.com/mail/u/0/#inbox";
  for (let n = 0; n < options.emails; n += 1) {
    push({ type: "navigation", url: inbox, title: "Inbox (3) - ada@example.com - Gmail" });
    push({ type: "click", url: inbox, target: { tag: "div", role: "button", text: "Compose" }, button: 0 });
    const to = { tag: "input", role: "combobox", ariaLabel: "To recipients" };
    push({ type: "focus", url: inbox, target: to });
    push({ type: "input", url: inbox, target: to, value: `bob${n}@example.com`, inputType: "insertText" });
    push({ type: "keydown", url: inbox, target: to, key: "Enter", code: "Enter" });
    const subject = { tag: "input", name: "subjectbox", placeholder: "Subject", ariaLabel: "Subject" };
    push({ type: "focus", url: inbox, target: subject });
    push({
      type: "input",
      url: inbox,
      target: subject,
      value: `Quarterly report ${n}`,
      inputType: "insertText",
    });
    const body = { tag: "div", role: "textbox", ariaLabel: "Message Body", contentEditable: true };
    push({ type: "focus", url: inbox, target: body });
    push({ type: "input", url: inbox, target: body, value: `Hi Bob, the numbers for ${n} are attached.` });
    push({
      type: "click",
      url: inbox,
      target: { tag: "div", role: "button", text: "Send", ariaLabel: "Send ‪(Ctrl-Enter)‬" },
      button: 0,
    });
    for (let s = 0; s < (options.scrollNoise ?? 0); s += 1) {
      push({ type: "scroll", url: inbox, scrollX: 0, scrollY: (s % 50) * 120 });
    }
  }
  return lines;
}
