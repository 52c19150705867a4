import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { QueryProvider } from "@/components/providers/query-provider";
import { WorkspaceSwitcher } from "@/components/workspaces/workspace-switcher";
import { requireSessionMember } from "@/lib/auth/session";
import { getBudgetBanner } from "@/lib/budgets/get-budget-banner";
import { countPendingReview } from "@/lib/review/count-pending-review";
import { listMyWorkspaces } from "@/lib/workspaces/get-workspace";
import { signOutAction } from "../(auth)/actions";
import { createWorkspaceAction, switchWorkspaceAction } from "./workspace-actions";

export const dynamic = "force-dynamic";

/** Signed-in shell. Each page still checks the session itself: a layout does not re-run on client navigation. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const member = await requireSessionMember("/dashboard");
  const signOut = async () => {
    "use server";
    return signOutAction({});
  };
  const [pendingReviewCount, workspaces, budgetBanner] = await Promise.all([
    countPendingReview(member.workspaceId),
    listMyWorkspaces(member.userId),
    getBudgetBanner({ workspaceId: member.workspaceId }),
  ]);
  return (
    <AppShell
      user={{ displayName: member.user.displayName, email: member.user.email }}
      role={member.role}
      switcher={
        <WorkspaceSwitcher
          workspaces={workspaces}
          currentId={member.workspaceId}
          switchAction={switchWorkspaceAction}
          createAction={createWorkspaceAction}
        />
      }
      signOut={signOut}
      pendingReviewCount={pendingReviewCount}
      budgetBanner={budgetBanner}
    >
      <QueryProvider>{children}</QueryProvider>
    </AppShell>
  );
}
