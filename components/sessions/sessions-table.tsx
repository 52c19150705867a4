"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { fetchApi } from "@/lib/api/fetch-api";
import { isSettled, StatusBadge } from "./status-badge";

interface SessionListItem {
  id: string;
  suite_id: string;
  description: string | null;
  status: string;
  created_at: string;
}

interface SuiteOption {
  id: string;
  slug: string;
  name: string;
}

const STATUSES = ["open", "uploaded", "processing", "completed", "failed"];

/** Filters, search, sort and live statuses over the caller's sessions, a keyset page at a time. */
export function SessionsTable({ suites }: { suites: SuiteOption[] }) {
  const [suite, setSuite] = useState("");
  const [status, setStatus] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [search, setSearch] = useState("");
  const [oldestFirst, setOldestFirst] = useState(false);

  const params = new URLSearchParams({ limit: "50" });
  if (suite) params.set("suite_id", suite);
  if (status) params.set("status", status);
  if (from) params.set("created_after", new Date(`${from}T00:00:00`).toISOString());
  if (to) params.set("created_before", new Date(`${to}T23:59:59.999`).toISOString());

  const query = useInfiniteQuery({
    queryKey: ["sessions", params.toString()],
    queryFn: ({ pageParam }) => {
      const page = new URLSearchParams(params);
      if (pageParam) page.set("cursor", pageParam);
      return fetchApi<{ data: SessionListItem[]; next_cursor: string | null }>(`/v1/sessions?${page}`);
    },
    initialPageParam: "",
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    // Statuses move while the pipeline runs: poll until every visible session has settled.
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) => p.data.some((s) => !isSettled(s.status) && s.status !== "open"))
        ? 2000
        : false,
  });

  const suiteName = useMemo(() => new Map(suites.map((s) => [s.id, s.name])), [suites]);
  const rows = useMemo(() => {
    const all = query.data?.pages.flatMap((p) => p.data) ?? [];
    const needle = search.trim().toLowerCase();
    const filtered = needle
      ? all.filter((s) => s.id.includes(needle) || (s.description ?? "").toLowerCase().includes(needle))
      : all;
    return oldestFirst ? [...filtered].reverse() : filtered;
  }, [query.data, search, oldestFirst]);

  const control = "rounded-md border border-input bg-card px-2 py-1.5 text-sm";
  return (
    <div className="flex flex-col gap-4">
      <search className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-xs font-medium">
          Search
          <input
            className={control}
            type="search"
            placeholder="Session id or description"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          Suite
          <select className={control} value={suite} onChange={(e) => setSuite(e.target.value)}>
            <option value="">All suites</option>
            {suites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          Status
          <select className={control} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          From
          <input className={control} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          To
          <input className={control} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <Button variant="outline" size="sm" onClick={() => setOldestFirst(!oldestFirst)}>
          {oldestFirst ? "Oldest first" : "Newest first"}
        </Button>
      </search>

      {query.isError && <p className="text-sm text-danger">Could not load sessions: {query.error.message}</p>}
      <table className="w-full text-left text-sm">
        <thead className="border-b text-xs text-muted-foreground">
          <tr>
            <th className="py-2 pr-4 font-medium">Session</th>
            <th className="py-2 pr-4 font-medium">Suite</th>
            <th className="py-2 pr-4 font-medium">Status</th>
            <th className="py-2 font-medium">Created</th>
          </tr>
        </thead>
        <tbody>
          {query.isPending &&
            Array.from({ length: 5 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
              <tr key={i} className="animate-pulse border-b">
                <td colSpan={4} className="py-3">
                  <div className="h-4 w-2/3 rounded bg-skeleton" />
                </td>
              </tr>
            ))}
          {rows.map((s) => (
            <tr key={s.id} className="border-b hover:bg-muted">
              <td className="py-2 pr-4">
                <Link className="font-medium text-link hover:underline" href={`/sessions/${s.id}`}>
                  {s.description || "Untitled session"}
                </Link>
                <div className="font-mono text-xs text-muted-foreground">{s.id}</div>
              </td>
              <td className="py-2 pr-4">{suiteName.get(s.suite_id) ?? "—"}</td>
              <td className="py-2 pr-4">
                <StatusBadge status={s.status} />
              </td>
              <td className="py-2 text-muted-foreground">{new Date(s.created_at).toLocaleString()}</td>
            </tr>
          ))}
          {!query.isPending && rows.length === 0 && (
            <tr>
              <td colSpan={4} className="py-10 text-center text-muted-foreground">
                No sessions match.{" "}
                <Link className="text-link underline" href="/upload">
                  Upload a recording
                </Link>
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {query.hasNextPage && (
        <Button variant="outline" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      )}
    </div>
  );
}
