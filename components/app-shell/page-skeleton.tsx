/** A neutral placeholder while a signed-in page renders on the server. */
export function PageSkeleton({ cards = 0, rows = 5 }: { cards?: number; rows?: number }) {
  return (
    <div role="status" aria-busy="true" aria-label="Loading" className="flex animate-pulse flex-col gap-6">
      <div className="h-8 w-64 rounded bg-skeleton" />
      {cards > 0 ? (
        <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
          {Array.from({ length: cards }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <div key={i} className="h-32 rounded-lg bg-muted" />
          ))}
        </div>
      ) : null}
      <div className="flex flex-col gap-2">
        {Array.from({ length: rows }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <div key={i} className="h-10 rounded bg-muted" />
        ))}
      </div>
    </div>
  );
}
