"use client";

import type { LaneId } from "@/lib/explorer/timeline-lanes";

type Detail = Record<string, unknown>;

const isRecord = (value: unknown): value is Detail =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function ValueText({ value }: { value: unknown }) {
  if (value === undefined) return <span className="text-muted-foreground">—</span>;
  if (typeof value === "string")
    return <span className="whitespace-pre-wrap break-words font-mono text-xs">{value}</span>;
  if (typeof value === "number" || typeof value === "boolean" || value === null)
    return <span className="font-mono text-xs">{String(value)}</span>;
  return (
    <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-muted p-1.5 font-mono text-xs">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** Named values (a tool call's arguments, an action's parameters) as a two-column list. */
export function ValueList({ title, values, testId }: { title: string; values: Detail; testId?: string }) {
  const entries = Object.entries(values);
  return (
    <section aria-label={title} data-testid={testId}>
      <h3 className="mb-1 text-xs font-medium text-muted-foreground">{title}</h3>
      {entries.length === 0 ? (
        <p className="text-xs text-muted-foreground">None</p>
      ) : (
        <dl className="grid grid-cols-[minmax(5rem,auto)_1fr] gap-x-3 gap-y-1.5 rounded-md border p-2">
          {entries.map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="font-mono text-xs text-muted-foreground break-all">{name}</dt>
              <dd className="min-w-0">
                <ValueText value={value} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function targetText(target: unknown): string | undefined {
  if (!isRecord(target)) return undefined;
  for (const key of ["label", "ariaLabel", "placeholder", "name", "text", "id", "tag"]) {
    const value = target[key];
    if (typeof value === "string" && value) return value.slice(0, 120);
  }
  return undefined;
}

const pick = (detail: Detail, keys: string[]): Detail =>
  Object.fromEntries(keys.flatMap((key) => (detail[key] !== undefined ? [[key, detail[key]]] : [])));

/**
 * What the stored record says, per kind: a tool call's argument values, an action's parameters, an event's or
 * interaction's element and value, a window's page. Values that were redacted arrive redacted; a masked value
 * is never sent at all.
 */
export function InspectorFields({ lane, detail }: { lane: LaneId; detail: unknown }) {
  if (!isRecord(detail)) return null;
  if (lane === "toolCalls") {
    return (
      <>
        {typeof detail.tool === "string" ? (
          <p className="text-xs">
            Tool <code className="font-mono">{detail.tool}</code>
          </p>
        ) : null}
        <ValueList
          title="Arguments"
          values={isRecord(detail.arguments) ? detail.arguments : {}}
          testId="inspector-arguments"
        />
      </>
    );
  }
  if (lane === "actions") {
    const missing = Array.isArray(detail.missingParameters) ? detail.missingParameters : [];
    return (
      <>
        <ValueList
          title="Parameters"
          values={isRecord(detail.parameters) ? detail.parameters : {}}
          testId="inspector-parameters"
        />
        {missing.length > 0 ? (
          <p className="text-xs text-warning-muted-foreground">Missing: {missing.join(", ")}</p>
        ) : null}
      </>
    );
  }
  const element = targetText(detail.target);
  const details: Detail = {
    ...pick(detail, ["type", "kind", "pageKind"]),
    ...(element ? { element } : {}),
    ...pick(detail, ["value", "key", "chips", "checked", "title", "url", "origin", "tab"]),
  };
  return <ValueList title="Details" values={details} testId="inspector-details" />;
}

/** Redaction kinds an item's label names (`[redacted: email, phone]`), never the values. */
export function redactionKindsInLabel(label: string | undefined): string[] {
  const match = label?.match(/\[redacted: ([^\]]+)\]/);
  return match?.[1] ? match[1].split(", ") : [];
}

/** The redaction marker: where something was hidden, and what kind of thing, never what it was. */
export function RedactionMarker({
  kinds,
  masked,
  where,
}: {
  kinds: string[];
  masked?: boolean;
  where: string;
}) {
  if (kinds.length === 0 && !masked) return null;
  return (
    <p
      className="rounded-md border border-dashed px-2 py-1 text-xs text-muted-foreground"
      data-testid="redaction-marker"
    >
      <span aria-hidden="true">▩ </span>
      {kinds.length > 0 ? `Redacted ${where}: ${kinds.join(", ")}` : null}
      {kinds.length > 0 && masked ? " · " : null}
      {masked ? "Value masked (never stored)" : null}. The original values are not kept.
    </p>
  );
}
