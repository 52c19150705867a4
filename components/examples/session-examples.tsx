"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useIsLive } from "@/components/providers/live-events-provider";
import { fetchApi } from "@/lib/api/fetch-api";
import type { ExampleResource } from "@/schemas/examples";
import { pollWhileGenerating } from "./example-status";
import { ExamplesTable } from "./examples-table";

interface ModelList {
  data: { id: string; slug: string }[];
}

/** The examples made from one session, newest first, with statuses that update while they generate. */
export function SessionExamples({ sessionId }: { sessionId: string }) {
  const isLive = useIsLive();
  const examples = useQuery({
    queryKey: ["examples", `session_id=${sessionId}&limit=50`],
    queryFn: () =>
      fetchApi<{ data: ExampleResource[]; has_more: boolean }>(
        `/v1/examples?session_id=${sessionId}&limit=50`,
      ),
    refetchInterval: (q) => !isLive && pollWhileGenerating(q.state.data?.data),
  });
  // Model names for the table; the catalog rarely changes, so it is fetched once per page view.
  const models = useQuery({
    queryKey: ["models"],
    queryFn: () => fetchApi<ModelList>("/v1/models"),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const labels = models.data && {
    models: Object.fromEntries(models.data.data.map((m) => [m.id, m.slug])),
    maps: {},
    suites: {},
  };

  if (examples.isPending) {
    return <div aria-busy="true" className="h-16 animate-pulse rounded bg-muted" />;
  }
  if (examples.isError) {
    return (
      <p role="alert" className="text-sm text-danger">
        Could not load this session's examples: {examples.error.message}
      </p>
    );
  }
  if (examples.data.data.length === 0) {
    return <p className="text-sm text-muted-foreground">No examples from this session yet.</p>;
  }
  return (
    <div className="flex flex-col gap-2">
      <ExamplesTable examples={examples.data.data} labels={labels} showSession={false} />
      {examples.data.has_more ? (
        <Link className="text-sm text-link hover:underline" href={`/examples?session=${sessionId}`}>
          All examples of this session
        </Link>
      ) : null}
    </div>
  );
}
