"use client";

import { Button } from "@/components/ui/button";

/** "Page n" with Newer/Older buttons; hidden on a single first page. */
export function KeysetPager({
  page,
  hasOlder,
  onNewer,
  onOlder,
}: {
  page: number;
  hasOlder: boolean;
  onNewer: () => void;
  onOlder: () => void;
}) {
  if (page === 1 && !hasOlder) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm text-muted-foreground">
      <span aria-live="polite">Page {page}</span>
      <div className="flex gap-2">
        <Button variant="outline" size="sm" disabled={page === 1} onClick={onNewer}>
          Newer
        </Button>
        <Button variant="outline" size="sm" disabled={!hasOlder} onClick={onOlder}>
          Older
        </Button>
      </div>
    </nav>
  );
}
