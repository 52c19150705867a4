"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export interface NavLink {
  href: string;
  label: string;
}

/** The main navigation; the current section is marked for sight and for screen readers (aria-current). */
export function NavLinks({
  links,
  counts = {},
  linkClassName,
}: {
  links: NavLink[];
  /** A number shown beside a link (pending review items), by href; 0 shows nothing. */
  counts?: Record<string, number>;
  /** Layout of each link: inline in the header, stacked in the drawer. */
  linkClassName?: string;
}) {
  const pathname = usePathname();
  return links.map((link) => {
    const isCurrent = pathname === link.href || pathname.startsWith(`${link.href}/`);
    const count = counts[link.href] ?? 0;
    return (
      <Link
        key={link.href}
        href={link.href}
        aria-current={isCurrent ? "page" : undefined}
        className={cn(
          "shrink-0 text-sm hover:text-foreground",
          linkClassName,
          isCurrent ? "font-medium text-foreground" : "text-muted-foreground",
        )}
        aria-label={count > 0 ? `${link.label} (${count} pending)` : undefined}
      >
        {link.label}
        {count > 0 ? (
          <span
            aria-hidden
            data-testid="nav-count"
            className="ml-1.5 rounded-full bg-brand-600 px-1.5 py-0.5 text-xs font-medium text-white"
          >
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
      </Link>
    );
  });
}
