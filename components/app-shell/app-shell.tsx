import Link from "next/link";
import type { ReactNode } from "react";
import { ThemedToaster } from "@/components/theme/themed-toaster";
import type { BudgetBanner as BudgetBannerData } from "@/lib/budgets/get-budget-banner";
import { can, type Permission, type WorkspaceRole } from "@/lib/workspaces/policy";
import { BudgetBanner } from "./budget-banner";
import { MobileNav } from "./mobile-nav";
import { type NavLink, NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

type GuardedLink = NavLink & { permission?: Permission };

/**
 * Navigation for signed-in pages: the header (wide screens) shows the sections, the drawer (narrow screens) also
 * the settings pages. A link with a `permission` is shown only to roles that have it (the page and its API check
 * again). Settings pages go in SETTINGS_LINKS: the header keeps one "Settings" entry, the settings layout lists them.
 */
export const NAV_LINKS: GuardedLink[] = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/sessions", label: "Sessions" },
  { href: "/examples", label: "Examples" },
  { href: "/review", label: "Review" },
  { href: "/upload", label: "Upload", permission: "upload" },
  { href: "/settings", label: "Settings" },
];

export const SETTINGS_LINKS: GuardedLink[] = [
  { href: "/settings/api-keys", label: "API keys", permission: "manage_keys" },
  { href: "/settings/agents", label: "Agents", permission: "manage_keys" },
  { href: "/settings/members", label: "Members" },
  { href: "/settings/billing", label: "Billing", permission: "billing" },
  { href: "/settings/security", label: "Security" },
  { href: "/settings/audit-log", label: "Audit log" },
  { href: "/settings/data", label: "Data" },
];

/** The links `role` may use, as plain links (the permission stays on the server). */
export const linksFor = (links: GuardedLink[], role: WorkspaceRole): NavLink[] =>
  links
    .filter((link) => !link.permission || can(role, link.permission))
    .map(({ href, label }) => ({ href, label }));

export function AppShell({
  user,
  role,
  switcher,
  signOut,
  pendingReviewCount = 0,
  budgetBanner,
  children,
}: {
  user: { displayName: string; email: string };
  /** The user's role in the current workspace: links it cannot use are not shown. */
  role: WorkspaceRole;
  /** The workspace switcher, rendered by the layout (it holds the server actions). */
  switcher: ReactNode;
  /** Shown on the Review link; the layout counts it on every server render (a decision refreshes it). */
  pendingReviewCount?: number;
  /** This month's highest budget alert, read by the layout from the stored alerts. */
  budgetBanner?: BudgetBannerData;
  signOut: () => Promise<unknown>;
  children: ReactNode;
}) {
  const counts = { "/review": pendingReviewCount };
  const links = linksFor(NAV_LINKS, role);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b">
        <nav
          className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:px-6 lg:gap-6"
          aria-label="Main"
        >
          <MobileNav
            links={[...links.filter((l) => l.href !== "/settings"), ...linksFor(SETTINGS_LINKS, role)]}
            counts={counts}
            workspace={switcher}
          />
          <Link href="/dashboard" className="shrink-0 font-semibold">
            Tracepipe
          </Link>
          {/* Wide screens only; below lg the menu button opens the same links in a drawer. A longer list scrolls
              here rather than widen the page. */}
          <div className="hidden min-w-0 items-center gap-4 overflow-x-auto py-1 lg:flex xl:gap-6">
            <NavLinks links={links} counts={counts} />
          </div>
          <div className="ml-auto flex min-w-0 shrink-0 items-center gap-2">
            {/* On narrow screens the switcher is in the drawer. */}
            <div className="hidden lg:block">{switcher}</div>
            <UserMenu user={user} signOut={signOut} />
          </div>
        </nav>
      </header>
      {budgetBanner && <BudgetBanner banner={budgetBanner} />}
      {/* min-w-0: a page's wide content (a table, a timeline) scrolls inside itself instead of widening the page. */}
      <main className="mx-auto w-full min-w-0 max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-8">{children}</main>
      <ThemedToaster />
    </div>
  );
}
