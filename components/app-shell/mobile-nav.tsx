"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { type NavLink, NavLinks } from "./nav-links";

/**
 * The main navigation on narrow screens: a menu button and a drawer. Radix Dialog traps focus inside it, Escape
 * and the overlay close it, and focus returns to the button; following a link closes it too.
 */
export function MobileNav({
  links,
  counts,
  workspace,
}: {
  links: NavLink[];
  counts?: Record<string, number>;
  /** The workspace switcher: the header has no room for it on a phone. */
  workspace?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <DialogPrimitive.Trigger asChild>
        <Button variant="ghost" size="icon" className="-ml-2 lg:hidden" aria-label="Open menu">
          <Menu className="size-5" aria-hidden />
        </Button>
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-4 overflow-y-auto border-r bg-popover p-4 shadow-lg"
        >
          <div className="flex items-center justify-between">
            <DialogPrimitive.Title className="font-semibold">Tracepipe</DialogPrimitive.Title>
            <DialogPrimitive.Close asChild>
              <Button variant="ghost" size="icon" aria-label="Close menu">
                <X className="size-5" aria-hidden />
              </Button>
            </DialogPrimitive.Close>
          </div>
          {workspace}
          {/* A click that lands on a link closes the drawer, also when the link is the current page. */}
          <nav
            aria-label="Main menu"
            className="flex flex-col"
            onClickCapture={(event) => {
              if ((event.target as HTMLElement).closest("a")) setOpen(false);
            }}
          >
            <NavLinks links={links} counts={counts} linkClassName="rounded-md px-2 py-2.5 hover:bg-accent" />
          </nav>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
