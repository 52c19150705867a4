"use client";

import { useRef } from "react";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { EXPLORER_KEYS } from "./use-explorer-keyboard";

/** The `?` sheet: every key of the explorer. */
export function ExplorerShortcutsDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  // Opened by a key, not a trigger button: Radix would return focus to its (absent) trigger, so the sheet
  // remembers what had focus (the timeline) and gives it back on close.
  const returnFocusTo = useRef<Element | null>(null);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        className="max-w-[calc(100vw-2rem)] sm:max-w-lg"
        onOpenAutoFocus={() => {
          returnFocusTo.current = document.activeElement;
        }}
        onCloseAutoFocus={(event) => {
          if (returnFocusTo.current instanceof HTMLElement) {
            event.preventDefault();
            returnFocusTo.current.focus();
          }
        }}
      >
        <DialogTitle>Explorer keyboard shortcuts</DialogTitle>
        <DialogDescription>
          Tab to the timeline, then move through the recording without the mouse.
        </DialogDescription>
        <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-2 text-sm">
          {EXPLORER_KEYS.map((entry) => (
            <div key={entry.does} className="contents">
              <dt className="flex flex-wrap gap-1">
                {entry.keys.map((key) => (
                  <kbd key={key} className="rounded border bg-muted px-1.5 py-0.5 font-mono text-xs">
                    {key}
                  </kbd>
                ))}
              </dt>
              <dd>{entry.does}</dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
