import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { QueryProvider } from "@/components/providers/query-provider";
import { requireSessionMember } from "@/lib/auth/session";
import { countPendingReview } from "@/lib/review/count-pending-review";
import { signOutAction } from "../(auth)/actions";

export const dynamic = "force-dynamic";

/** Signed-in shell. Each page still checks the session itself: a layout does not re-run on client navigation. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const member = await requireSessionMember("/dashboard");
  const signOut = async () => {
    "use server";
    return signOutAction({});
  };
  const pendingReviewCount = await countPendingReview(member.workspaceId);
  return (
    <AppShell
      user={{ displayName: member.user.displayName, email: member.user.email }}
      signOut={signOut}
      pendingReviewCount={pendingReviewCount}
    >
      <QueryProvider>{children}</QueryProvider>
    </AppShell>
  );
}
