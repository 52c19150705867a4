import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateExamplePanel } from "@/components/examples/create-example-panel";
import { StatusBadge } from "@/components/sessions/status-badge";
import { requireSessionMember } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getCatalogLabels } from "@/lib/examples/catalog-labels";
import { getSessionDetail } from "@/lib/sessions/get-session";
import { listSessions } from "@/lib/sessions/list-sessions";

export const metadata: Metadata = { title: "New example" };
export const dynamic = "force-dynamic";

async function getSessionOrNotFound(workspaceId: string, sessionId: string) {
  try {
    return await getSessionDetail(workspaceId, sessionId);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

/** Without `?session=` the page lists processed sessions to choose from. */
async function SessionPicker({ workspaceId }: { workspaceId: string }) {
  const { data } = await listSessions(workspaceId, { limit: 20, status: "completed" });
  const suites = getCatalogLabels().suites;
  if (data.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        No processed sessions yet.{" "}
        <Link className="font-medium text-link hover:underline" href="/upload">
          Upload a recording
        </Link>{" "}
        first; examples are made from a completed session.
      </p>
    );
  }
  return (
    <ul className="flex flex-col divide-y rounded-lg border">
      {data.map((s) => (
        <li key={s.id}>
          <Link
            className="flex items-center justify-between gap-4 px-4 py-3 hover:bg-muted"
            href={`/examples/new?session=${s.id}`}
          >
            <span className="font-medium">{s.description || "Untitled session"}</span>
            <span className="text-sm text-muted-foreground">
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
  const member = await requireSessionMember(`/examples/new${sessionId ? `?session=${sessionId}` : ""}`);
  if (!sessionId) {
    return (
      <div className="flex flex-col gap-6">
        <h1 className="text-2xl font-semibold tracking-tight">New example</h1>
        <p className="text-sm text-muted-foreground">Choose the session to generate training data from.</p>
        <SessionPicker workspaceId={member.workspaceId} />
      </div>
    );
  }
  const session = await getSessionOrNotFound(member.workspaceId, sessionId);
  const suiteName = getCatalogLabels().suites[session.suite_id] ?? "unknown suite";
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">New example</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          From session{" "}
          <Link className="font-medium text-link hover:underline" href={`/sessions/${session.id}`}>
            {session.description || session.id.slice(0, 8)}
          </Link>
          ({suiteName}, {session.action_count} recognised action{session.action_count === 1 ? "" : "s"})
          <StatusBadge status={session.status} />
        </p>
      </div>
      {session.status === "failed" ? (
        <p role="alert" className="rounded-md bg-danger-muted p-4 text-sm text-danger-muted-foreground">
          This session failed to process{session.error ? `: ${session.error}` : ""}. Upload it again to make
          examples.
        </p>
      ) : (
        <>
          {session.status !== "completed" ? (
            <p className="rounded-md bg-warning-muted p-3 text-sm text-warning-muted-foreground">
              The session is still {session.status}; the example starts once its pipeline finishes.
            </p>
          ) : null}
          <div className="rounded-lg border p-5">
            <CreateExamplePanel sessionId={session.id} suiteId={session.suite_id} />
          </div>
        </>
      )}
    </div>
  );
}
