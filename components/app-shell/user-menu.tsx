"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Check, LogOut, User } from "lucide-react";
import { THEME_OPTIONS } from "@/components/theme/theme-options";
import { parseThemePreference } from "@/components/theme/theme-preference";
import { setThemePreference } from "@/components/theme/theme-store";
import { useThemePreference } from "@/components/theme/use-theme";
import { Button } from "@/components/ui/button";

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-accent";

export function UserMenu({
  user,
  signOut,
}: {
  user: { displayName: string; email: string };
  signOut: () => Promise<unknown>;
}) {
  const theme = useThemePreference();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        {/* Named by the person's name (who is signed in); a long name is cut visually, never for a screen reader. */}
        <Button variant="ghost" size="sm" aria-label={user.displayName} className="max-w-full">
          <User className="size-4 shrink-0" aria-hidden />
          {/* The name shows where the header has room; the button is named by it everywhere. */}
          <span className="max-w-[10rem] truncate lg:hidden xl:inline">{user.displayName}</span>
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          className="z-50 min-w-48 rounded-md border bg-popover p-1 shadow-md"
        >
          <DropdownMenu.Label className="px-2 py-1.5 text-xs text-muted-foreground">
            {user.email}
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="-mx-1 my-1 h-px bg-border" />
          <DropdownMenu.Label className="px-2 py-1 text-xs font-medium text-muted-foreground">
            Theme
          </DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={theme ?? ""}
            onValueChange={(value) => setThemePreference(parseThemePreference(value))}
          >
            {THEME_OPTIONS.map((option) => (
              <DropdownMenu.RadioItem
                key={option.value}
                value={option.value}
                className={itemClass}
                // The menu stays open so the new theme can be seen, and changed again, in place.
                onSelect={(event) => event.preventDefault()}
              >
                <option.icon className="size-4" aria-hidden />
                {option.label}
                <DropdownMenu.ItemIndicator className="ml-auto">
                  <Check className="size-4" aria-hidden />
                </DropdownMenu.ItemIndicator>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="-mx-1 my-1 h-px bg-border" />
          <DropdownMenu.Item className={itemClass} onSelect={() => void signOut()}>
            <LogOut className="size-4" aria-hidden />
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
