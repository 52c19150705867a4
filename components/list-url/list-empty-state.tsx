import type { ReactNode } from "react";

/** The dashed panel a list shows instead of its table. */
export function ListEmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-input p-8 text-center text-sm text-muted-foreground">
      {children}
    </div>
  );
}

/** A later page that has emptied since its cursor was handed out (rows deleted, or a shared old link). */
export function PastLastPage({ noun, onFirstPage }: { noun: string; onFirstPage: () => void }) {
  return (
    <p>
      No more {noun} on this page.{" "}
      <button type="button" className="font-medium text-link hover:underline" onClick={onFirstPage}>
        First page
      </button>
    </p>
  );
}
