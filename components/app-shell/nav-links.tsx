"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** The main navigation; the current section is marked for sight and for screen readers (aria-current). */
export function NavLinks({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return links.map((link) => {
    const isCurrent = pathname === link.href || pathname.startsWith(`${link.href}/`);
    return (
      <Link
        key={link.href}
        href={link.href}
        aria-current={isCurrent ? "page" : undefined}
        className={cn(
          "text-sm hover:text-foreground",
          isCurrent ? "font-medium text-foreground" : "text-muted-foreground",
        )}
      >
        {link.label}
      </Link>
    );
  });
}
