"use client";

import { useEffect } from "react";

export interface ExplorerKeyHandlers {
  next: () => void;
  previous: () => void;
  laneUp: () => void;
  laneDown: () => void;
  focusSelection: () => void;
  clear: () => void;
}

/** j/k and ←/→ move within a lane, ↑/↓ change lane, Enter zooms to the selection, Escape clears it. */
export function useExplorerKeyboard(handlers: ExplorerKeyHandlers, enabled = true) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable))
        return;
      const action: Record<string, (() => void) | undefined> = {
        j: handlers.next,
        ArrowRight: handlers.next,
        k: handlers.previous,
        ArrowLeft: handlers.previous,
        ArrowUp: handlers.laneUp,
        ArrowDown: handlers.laneDown,
        Enter: handlers.focusSelection,
        Escape: handlers.clear,
      };
      const run = action[event.key];
      if (run && !event.metaKey && !event.ctrlKey && !event.altKey) {
        event.preventDefault();
        run();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [handlers, enabled]);
}
