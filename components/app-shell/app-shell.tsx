import Link from "next/link";
import type { ReactNode } from "react";
import { ThemedToaster } from "@/components/theme/themed-toaster";
import { MobileNav } from "./mobile-nav";
import { type NavLink, NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

/**
 * Navigation for signed-in pages. Later pages add their links to NAV_LINKS: the header (wide screens) and the
 * drawer (narrow screens) both render this list.
 */
export const NAV_LINKS: NavLink[] = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/sessions", label: "Sessions" },
  { href: "/examples", label: "Examples" },
  { href: "/review", label: "Review" },
  { href: "/upload", label: "Upload" },
  { href: "/settings/api-keys", label: "API keys" },
  { href: "/settings/billing", label: "Billing" },
  { href: "/settings/security", label: "Security" },
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
  const counts = { "/review": pendingReviewCount };
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b">
        <nav
          className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:px-6 lg:gap-6"
          aria-label="Main"
        >
          <MobileNav links={NAV_LINKS} counts={counts} />
          <Link href="/dashboard" className="shrink-0 font-semibold">
            Tracepipe
          </Link>
          {/* Wide screens only; below lg the menu button opens the same links in a drawer. A longer list scrolls
              here rather than widen the page. */}
          <div className="hidden min-w-0 items-center gap-6 overflow-x-auto py-1 lg:flex">
            <NavLinks links={NAV_LINKS} counts={counts} />
          </div>
          <div className="ml-auto min-w-0">
            <UserMenu user={user} signOut={signOut} />
          </div>
        </nav>
      </header>
      {/* min-w-0: a page's wide content (a table, a timeline) scrolls inside itself instead of widening the page. */}
      <main className="mx-auto w-full min-w-0 max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-8">{children}</main>
      <ThemedToaster />
    </div>
  );
}
