import type { Metadata } from "next";
import { RECENT_SESSIONS_PAGE_SIZE } from "@/components/dashboard/page-sizes";
import { QuickActions } from "@/components/dashboard/quick-actions";
import { RecentSessions } from "@/components/dashboard/recent-sessions";
import { UsageCards } from "@/components/dashboard/usage-cards";
import { requireSessionMember } from "@/lib/auth/session";
import { listSuites } from "@/lib/catalog/read-catalog";
import { listSessions } from "@/lib/sessions/list-sessions";
import { getUsageSummary } from "@/lib/usage/get-usage-summary";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

const monthName = (iso: string) =>
  new Date(iso).toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

export default async function DashboardPage() {
  const member = await requireSessionMember("/dashboard");
  const [summary, firstPage, suites] = await Promise.all([
    getUsageSummary({ workspaceId: member.workspaceId }),
    listSessions(member.workspaceId, { limit: RECENT_SESSIONS_PAGE_SIZE }),
    listSuites(),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Welcome, {member.user.displayName}</h1>
          <p className="text-sm text-muted-foreground">
            Usage for {monthName(summary.periodStart)} (UTC). You pay for tokens and storage × time, nothing
            else.
          </p>
        </div>
        <QuickActions />
      </div>
      <UsageCards summary={summary} />
      <section aria-labelledby="recent-sessions" className="flex flex-col gap-3">
        <h2 id="recent-sessions" className="text-lg font-semibold">
          Recent sessions
        </h2>
        <RecentSessions
          initialPage={firstPage}
          suiteNames={Object.fromEntries(suites.map((s) => [s.id, s.name]))}
        />
      </section>
    </div>
  );
}
