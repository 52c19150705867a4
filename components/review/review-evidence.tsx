import { RedactionMarker } from "@/components/data/redaction-marker";
import type { ReviewItemResource } from "@/schemas/review-items";

const REASON_LABELS: Record<string, string> = {
  low_confidence: "Low confidence",
  missing_required_argument: "Missing a required argument",
  trace_only: "Trace only (no typed text)",
  timezone_unknown: "Time zone unknown",
};

export const reasonLabel = (reason: string) => REASON_LABELS[reason] ?? reason;

export function ReasonBadges({ reasons }: { reasons: string[] }) {
  return (
    <span className="flex flex-wrap gap-1">
      {reasons.map((reason) => (
        <span
          key={reason}
          className="rounded-full bg-warning-muted px-2 py-0.5 text-xs text-warning-muted-foreground"
        >
          {reasonLabel(reason)}
        </span>
      ))}
    </span>
  );
}

/** What the recording showed around the action: each element by its accessible name, with the value entered. */
export function PageContext({ item }: { item: ReviewItemResource }) {
  const lines = item.evidence.page_context;
  const page = lines.find((line) => line.is_source && (line.title || line.url)) ?? lines[0];
  return (
    <section aria-label="Page text around the action" className="flex flex-col gap-2 text-sm">
      <h3 className="font-medium">Page text around the action</h3>
      {page?.title || page?.url ? (
        <p className="text-xs text-muted-foreground">
          {page.title}
          {page.title && page.url ? " · " : ""}
          {page.url ? <span className="break-all">{page.url}</span> : null}
        </p>
      ) : null}
      {lines.length === 0 ? (
        <p className="text-muted-foreground">The recording shows no element or text for this action.</p>
      ) : (
        <ol className="flex flex-col gap-1">
          {lines.map((line) => (
            <li
              key={line.interaction_id}
              className={`rounded px-2 py-1 ${line.is_source ? "bg-brand-50 dark:bg-zinc-800" : "text-muted-foreground"}`}
            >
              <span className="font-mono text-xs">{line.kind}</span> {line.element ?? "an element"}
              {line.value ? (
                <>
                  {" "}
                  → <q className="font-medium">{line.value}</q>
                </>
              ) : null}
              {line.redacted ? <RedactionMarker kinds={line.redacted} /> : null}
            </li>
          ))}
        </ol>
      )}
      <p className="text-xs text-muted-foreground">
        Read from the recording: {Object.keys(item.evidence.parameters).join(", ") || "nothing"}
        {item.evidence.missing_parameters.length > 0
          ? ` · missing: ${item.evidence.missing_parameters.join(", ")}`
          : ""}{" "}
        · confidence {item.evidence.confidence.toFixed(2)} · zone {item.evidence.timezone ?? "unknown"}
      </p>
    </section>
  );
}
