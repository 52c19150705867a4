"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { ConversationView } from "./conversation-view";
import { PREVIEW_RECORDS } from "./example-status";
import { parseExampleRecord } from "./parse-example-record";
import { readJsonlPreview } from "./read-jsonl-preview";

export interface PreviewData {
  records: unknown[];
  isTruncated: boolean;
}

async function fetchPreview(url: string): Promise<PreviewData> {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok || !response.body) throw new Error(`Could not load the records (${response.status})`);
  return readJsonlPreview(response.body, PREVIEW_RECORDS);
}

/** The first records of a completed example, each rendered as a conversation. */
export function ExamplePreview({
  messagesUrl,
  recordCount,
  initialData,
}: {
  messagesUrl: string;
  recordCount: number | null;
  initialData?: PreviewData;
}) {
  const query = useQuery({
    queryKey: ["example-preview", messagesUrl],
    queryFn: () => fetchPreview(messagesUrl),
    initialData,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const parsed = useMemo(() => query.data?.records.map(parseExampleRecord) ?? [], [query.data]);

  if (query.isPending) {
    return (
      <div className="flex flex-col gap-3" role="status" aria-busy="true" aria-label="Loading preview">
        {[0, 1].map((i) => (
          <div key={i} className="h-40 animate-pulse rounded-lg bg-muted" />
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <p role="alert" className="text-sm text-danger">
        {query.error.message}
      </p>
    );
  }
  if (parsed.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-input p-6 text-center text-sm text-muted-foreground">
        This example has no records: the session had no recognised actions that map to tools.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      {query.data.isTruncated ? (
        <p className="text-sm text-muted-foreground">
          Showing the first {parsed.length} of {recordCount ?? "many"} records. Download the file for all of
          them.
        </p>
      ) : null}
      {parsed.map((record, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: records are positional lines of the file
        <ConversationView key={index} index={index} record={record} raw={query.data.records[index]} />
      ))}
    </div>
  );
}
