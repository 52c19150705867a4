"use client";

import { useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatBytes, formatInteger } from "@/components/dashboard/format-usage";
import { useIsLive } from "@/components/providers/live-events-provider";
import { StatusBadge } from "@/components/sessions/status-badge";
import { Button } from "@/components/ui/button";
import { fetchApi } from "@/lib/api/fetch-api";
import type { CatalogLabels } from "@/lib/examples/catalog-labels";
import type { ExampleResource } from "@/schemas/examples";
import { ExamplePreview, type PreviewData } from "./example-preview";
import { formatOf, isExampleSettled, pollWhileGenerating } from "./example-status";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

/** An example's metadata with its live status, then a preview of its records once it is completed. */
export function ExampleDetail({
  initialExample,
  labels,
  initialPreview,
}: {
  initialExample: ExampleResource;
  labels: CatalogLabels;
  initialPreview?: PreviewData;
}) {
  const isLive = useIsLive();
  const { data: example } = useQuery({
    queryKey: ["example", initialExample.id],
    queryFn: () => fetchApi<ExampleResource>(`/v1/examples/${initialExample.id}`),
    initialData: initialExample,
    // The server rendered this snapshot: the example may have finished (its event streamed past) before this query
    // existed, and nothing polls while the stream is live, so an unfinished one is read again on mount.
    refetchOnMount: (q) => (q.state.data && !isExampleSettled(q.state.data.status) ? "always" : true),
    refetchInterval: (q) => !isLive && pollWhileGenerating(q.state.data ? [q.state.data] : undefined),
  });
  const { temperature, format: _format, multi_step: multiStep, ...rest } = example.model_configuration;

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex flex-col gap-1">
          <h1 className="flex items-center gap-3 text-2xl font-semibold tracking-tight">
            Example <span className="font-mono text-lg text-muted-foreground">{example.id.slice(0, 8)}</span>
          </h1>
          <div role="status" aria-live="polite" className="flex items-center gap-2 text-sm">
            <StatusBadge status={example.status} />
            {example.status === "pending" ? (
              <span>Queued; waits for the session's pipeline if it is still running.</span>
            ) : null}
            {example.status === "processing" ? <span>Generating records…</span> : null}
          </div>
        </div>
        {example.status === "completed" ? (
          <Button asChild>
            <a href={example.messages_url} download={`example-${example.id}.jsonl`}>
              <Download className="size-4" aria-hidden />
              Download JSONL
            </a>
          </Button>
        ) : null}
      </div>

      {example.status === "failed" ? (
        <div
          role="alert"
          className="rounded-md border border-danger-border bg-danger-muted p-4 text-sm text-danger-muted-foreground"
        >
          <p className="font-medium">Generation failed</p>
          <p className="mt-1">{example.error ?? "No error was recorded."}</p>
        </div>
      ) : null}

      <dl className="grid grid-cols-1 gap-4 rounded-lg border p-5 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Session">
          <Link className="font-mono text-link hover:underline" href={`/sessions/${example.session_id}`}>
            {example.session_id.slice(0, 8)}
          </Link>{" "}
          <span className="text-muted-foreground">
            ({labels.suites[example.suite_id] ?? "unknown suite"})
          </span>
        </Field>
        <Field label="Model">{labels.models[example.model_id] ?? example.model_id}</Field>
        <Field label="Action-tool map">
          {labels.maps[example.action_tool_map_id] ?? example.action_tool_map_id}
        </Field>
        <Field label="Configuration">
          {formatOf(example)} format{multiStep === true ? " · multi-step" : ""}
          {typeof temperature === "number" ? ` · temperature ${temperature}` : ""}
          {Object.keys(rest).length > 0 ? ` · ${JSON.stringify(rest)}` : ""}
        </Field>
        <Field label="Records">
          {example.record_count === null ? "—" : formatInteger(example.record_count)}
        </Field>
        <Field label="Size">{example.size_bytes === null ? "—" : formatBytes(example.size_bytes)}</Field>
        <Field label="Created">
          <time dateTime={example.created_at}>{new Date(example.created_at).toLocaleString()}</time>
        </Field>
        <Field label="Completed">
          {example.completed_at ? (
            <time dateTime={example.completed_at}>{new Date(example.completed_at).toLocaleString()}</time>
          ) : (
            "—"
          )}
        </Field>
      </dl>

      <section aria-labelledby="preview-heading" className="flex flex-col gap-3">
        <h2 id="preview-heading" className="text-lg font-semibold">
          Preview
        </h2>
        {example.status === "completed" ? (
          <ExamplePreview
            messagesUrl={example.messages_url}
            recordCount={example.record_count}
            initialData={initialPreview}
          />
        ) : example.status === "failed" ? (
          <p className="text-sm text-muted-foreground">No records: generation failed.</p>
        ) : (
          <div aria-busy="true" className="flex flex-col gap-3">
            <p className="text-sm text-muted-foreground">
              The records appear here as soon as generation completes.
            </p>
            <div className="h-32 animate-pulse rounded-lg bg-muted" />
          </div>
        )}
      </section>
    </div>
  );
}
