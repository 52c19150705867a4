"use client";

import { Button } from "@/components/ui/button";
import { newerPage, olderPage, type PageTrail, pageNumberOf } from "./page-trail";

/**
 * "Page n" with Newer/Older buttons over a list URL's page trail; hidden on a single first page. `nextCursor` is
 * null on the last page and while the page shown is a placeholder, whose cursor belongs to another view.
 */
export function KeysetPager<T extends PageTrail>({
  search,
  nextCursor,
  onNavigate,
}: {
  search: T;
  nextCursor: string | null;
  onNavigate: (search: T) => void;
}) {
  const page = pageNumberOf(search);
  if (page === 1 && !nextCursor) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm text-muted-foreground">
      <span aria-live="polite">Page {page}</span>
      <div className="flex gap-2">
        <Button
          variant="outline"
          size="sm"
          disabled={page === 1}
          onClick={() => onNavigate(newerPage(search))}
        >
          Newer
        </Button>
        <Button
          variant="outline"
          size="sm"
          disabled={!nextCursor}
          onClick={() => nextCursor && onNavigate(olderPage(search, nextCursor))}
        >
          Older
        </Button>
      </div>
    </nav>
  );
}
