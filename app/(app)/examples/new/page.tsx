import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateExamplePanel } from "@/components/examples/create-example-panel";
import { StatusBadge } from "@/components/sessions/status-badge";
import { requireSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getCatalogLabels } from "@/lib/examples/catalog-labels";
import { getSessionDetail } from "@/lib/sessions/get-session";
import { listSessions } from "@/lib/sessions/list-sessions";

export const metadata: Metadata = { title: "New example" };
export const dynamic = "force-dynamic";

async function getSessionOrNotFound(userId: string, sessionId: string) {
  try {
    return await getSessionDetail(userId, sessionId);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

/** Without `?session=` the page lists processed sessions to choose from. */
async function SessionPicker({ userId }: { userId: string }) {
  const { data } = await listSessions(userId, { limit: 20, status: "completed" });
  const suites = getCatalogLabels().suites;
  if (data.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No processed sessions yet.{" "}
        <Link className="font-medium text-brand-600 hover:underline" href="/upload">
          Upload a recording
        </Link>{" "}
        first; examples are made from a completed session.
      </p>
    );
  }
  return (
    <ul className="flex flex-col divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {data.map((s) => (
        <li key={s.id}>
          <Link
            className="flex items-center justify-between gap-4 px-4 py-3 hover:bg-zinc-50 dark:hover:bg-zinc-900"
            href={`/examples/new?session=${s.id}`}
          >
            <span className="font-medium">{s.description || "Untitled session"}</span>
            <span className="text-sm text-zinc-600 dark:text-zinc-400">
              {suites[s.suite_id]} · {new Date(s.created_at).toLocaleDateString()}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default async function NewExamplePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { session: sessionParam } = await searchParams;
  const sessionId = typeof sessionParam === "string" ? sessionParam : undefined;
  const user = await requireSessionUser(`/examples/new${sessionId ? `?session=${sessionId}` : ""}`);
  if (!sessionId) {
    return (
      <div className="flex flex-col gap-6">
        <h1 className="text-2xl font-semibold tracking-tight">New example</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Choose the session to generate training data from.
        </p>
        <SessionPicker userId={user.id} />
      </div>
    );
  }
  const session = await getSessionOrNotFound(user.id, sessionId);
  const suiteName = getCatalogLabels().suites[session.suite_id] ?? "unknown suite";
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">New example</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
          From session{" "}
          <Link className="font-medium text-brand-600 hover:underline" href={`/sessions/${session.id}`}>
            {session.description || session.id.slice(0, 8)}
          </Link>
          ({suiteName}, {session.action_count} recognised action{session.action_count === 1 ? "" : "s"})
          <StatusBadge status={session.status} />
        </p>
      </div>
      {session.status === "failed" ? (
        <p
          role="alert"
          className="rounded-md bg-red-50 p-4 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          This session failed to process{session.error ? `: ${session.error}` : ""}. Upload it again to make
          examples.
        </p>
      ) : (
        <>
          {session.status !== "completed" ? (
            <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
              The session is still {session.status}; the example starts once its pipeline finishes.
            </p>
          ) : null}
          <div className="rounded-lg border border-zinc-200 p-5 dark:border-zinc-800">
            <CreateExamplePanel sessionId={session.id} suiteId={session.suite_id} />
          </div>
        </>
      )}
    </div>
  );
}
