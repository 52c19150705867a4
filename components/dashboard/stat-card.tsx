import Link from "next/link";
import type { ReactNode } from "react";

/** One number on the dashboard with its label, a note under it, and room for a chart. */
export function StatCard({
  title,
  value,
  unit,
  note,
  children,
  testId,
  href,
}: {
  title: string;
  value: string;
  unit?: string;
  note?: ReactNode;
  children?: ReactNode;
  testId?: string;
  /** Where the number is explained over time (the /usage page). */
  href?: string;
}) {
  return (
    <section
      aria-label={title}
      data-testid={testId}
      className="flex flex-col gap-2 rounded-lg border bg-card p-5 shadow-xs"
    >
      <h2 className="text-sm font-medium text-muted-foreground">
        {href ? (
          <Link className="underline-offset-2 hover:text-foreground hover:underline" href={href}>
            {title}
          </Link>
        ) : (
          title
        )}
      </h2>
      <p className="text-3xl font-semibold tabular-nums tracking-tight">
        {value}
        {unit ? <span className="ml-1 text-base font-normal text-muted-foreground">{unit}</span> : null}
      </p>
      {note ? <div className="text-sm text-muted-foreground">{note}</div> : null}
      {children}
    </section>
  );
}
