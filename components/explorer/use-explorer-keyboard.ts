"use client";

import { useEffect } from "react";

export interface ExplorerKeyHandlers {
  next: () => void;
  previous: () => void;
  laneUp: () => void;
  laneDown: () => void;
  zoomIn: () => void;
  zoomOut: () => void;
  resetZoom: () => void;
  /** Enter: zoom to the selection and move focus to the inspector, which shows it. */
  openInInspector: () => void;
  clear: () => void;
  showShortcuts: () => void;
  focusSearch: () => void;
}

/** Every key of the explorer, as the shortcut sheet lists them. */
export const EXPLORER_KEYS: { keys: string[]; does: string }[] = [
  { keys: ["Tab"], does: "Move focus to the timeline (or the list)" },
  { keys: ["→", "j"], does: "Next item in the lane" },
  { keys: ["←", "k"], does: "Previous item in the lane" },
  { keys: ["↑", "↓"], does: "Lane above / below, at the same time" },
  { keys: ["+", "−"], does: "Zoom in / out around the selection" },
  { keys: ["0"], does: "Show the whole session" },
  { keys: ["Enter"], does: "Open the selected item in the inspector" },
  { keys: ["/"], does: "Search" },
  { keys: ["Esc"], does: "Clear the selection" },
  { keys: ["?"], does: "This list of keys" },
  { keys: ["↑", "↓", "Home", "End"], does: "In the list view: previous / next row, first / last row" },
  { keys: ["→", "←"], does: "In the list view: open a row or step into it / close it or step out" },
];

/** The handler a key runs, if any; modifier chords belong to the browser. */
export function explorerKeyAction(
  event: Pick<KeyboardEvent, "key" | "metaKey" | "ctrlKey" | "altKey">,
  handlers: ExplorerKeyHandlers,
): (() => void) | undefined {
  if (event.metaKey || event.ctrlKey || event.altKey) return undefined;
  const action: Record<string, (() => void) | undefined> = {
    j: handlers.next,
    ArrowRight: handlers.next,
    k: handlers.previous,
    ArrowLeft: handlers.previous,
    ArrowUp: handlers.laneUp,
    ArrowDown: handlers.laneDown,
    "+": handlers.zoomIn,
    "=": handlers.zoomIn,
    "-": handlers.zoomOut,
    _: handlers.zoomOut,
    "0": handlers.resetZoom,
    Enter: handlers.openInInspector,
    Escape: handlers.clear,
    "?": handlers.showShortcuts,
    "/": handlers.focusSearch,
  };
  return action[event.key];
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.tagName === "INPUT" ||
    target.tagName === "TEXTAREA" ||
    target.tagName === "SELECT" ||
    target.isContentEditable);

/**
 * The explorer's keys page-wide, where the page has no keys of its own. Buttons and links keep Enter and Space;
 * the timeline handles its keys itself while focused (see TimelineCanvas `onKey`), so it works on any page.
 */
export function useExplorerKeyboard(handlers: ExplorerKeyHandlers, enabled = true) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.defaultPrevented) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (event.key === "Enter" && target?.closest("button, a, [role=dialog]")) return;
      if (target?.closest("[role=dialog]")) return;
      const run = explorerKeyAction(event, handlers);
      if (run) {
        event.preventDefault();
        run();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [handlers, enabled]);
}
