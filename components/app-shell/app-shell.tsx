import Link from "next/link";
import type { ReactNode } from "react";
import { ThemedToaster } from "@/components/theme/themed-toaster";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

/** Navigation for signed-in pages. Later pages add their links to NAV_LINKS. */
export const NAV_LINKS: { href: string; label: string }[] = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/sessions", label: "Sessions" },
  { href: "/examples", label: "Examples" },
  { href: "/review", label: "Review" },
  { href: "/upload", label: "Upload" },
  { href: "/settings/api-keys", label: "API keys" },
  { href: "/settings/billing", label: "Billing" },
  { href: "/settings/security", label: "Security" },
  { href: "/settings/data", label: "Data" },
];

export function AppShell({
  user,
  signOut,
  pendingReviewCount = 0,
  children,
}: {
  user: { displayName: string; email: string };
  /** Shown on the Review link; the layout counts it on every server render (a decision refreshes it). */
  pendingReviewCount?: number;
  signOut: () => Promise<unknown>;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b">
        <nav className="mx-auto flex h-14 max-w-6xl items-center gap-6 px-6" aria-label="Main">
          <Link href="/dashboard" className="font-semibold">
            Tracepipe
          </Link>
          <NavLinks links={NAV_LINKS} counts={{ "/review": pendingReviewCount }} />
          <div className="ml-auto">
            <UserMenu user={user} signOut={signOut} />
          </div>
        </nav>
      </header>
      <main className="mx-auto w-full max-w-6xl flex-1 px-6 py-8">{children}</main>
      <ThemedToaster />
    </div>
  );
}
