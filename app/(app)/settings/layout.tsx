import type { ReactNode } from "react";
import { linksFor, SETTINGS_LINKS } from "@/components/app-shell/app-shell";
import { NavLinks } from "@/components/app-shell/nav-links";
import { requireSessionMember } from "@/lib/auth/session";

/** Every settings page lists its siblings the role may use; on a phone the list scrolls inside itself. */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const member = await requireSessionMember("/settings");
  return (
    <div className="flex flex-col gap-6">
      <nav
        aria-label="Settings"
        className="-mx-1 flex min-w-0 items-center gap-5 overflow-x-auto border-b px-1 pb-3 whitespace-nowrap"
      >
        <NavLinks links={linksFor(SETTINGS_LINKS, member.role)} />
      </nav>
      {children}
    </div>
  );
}
