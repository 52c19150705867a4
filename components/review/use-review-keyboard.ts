"use client";

import { useEffect, useRef } from "react";

export interface ReviewKeyHandlers {
  accept: () => void;
  edit: () => void;
  reject: () => void;
  next: () => void;
  previous: () => void;
  help: () => void;
}

export const REVIEW_KEYS: { key: string; does: string }[] = [
  { key: "a", does: "Accept the tool call as the form shows it" },
  { key: "e", does: "Edit: focus the first field that needs a value" },
  { key: "r", does: "Reject, with a reason (Enter to confirm)" },
  { key: "j / k", does: "Next / previous item" },
  { key: "?", does: "This help" },
  { key: "Ctrl/⌘ + Enter", does: "Accept from inside the form" },
  { key: "Escape", does: "Leave a field (back to the keys above)" },
];

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.tagName === "INPUT" ||
    target.tagName === "TEXTAREA" ||
    target.tagName === "SELECT" ||
    target.isContentEditable);

/** The queue's single-key commands; they never fire while a field has the focus or a dialog is open. */
export function useReviewKeyboard(handlers: ReviewKeyHandlers, enabled: boolean) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector("[role=dialog]")) return;
      const run: Record<string, (() => void) | undefined> = {
        a: latest.current.accept,
        e: latest.current.edit,
        r: latest.current.reject,
        j: latest.current.next,
        k: latest.current.previous,
        "?": latest.current.help,
      };
      const handler = run[event.key];
      if (handler) {
        event.preventDefault();
        handler();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
