"use client";

import { useId } from "react";
import { cn } from "@/components/ui/cn";
import { THEME_OPTIONS } from "./theme-options";
import { setThemePreference } from "./theme-store";
import { useThemePreference } from "./use-theme";

/**
 * Light / dark / system as three icon radios. Native radios give the arrow-key behaviour of a radio group; none
 * is checked until hydration, when the stored choice is known.
 */
export function ThemeSwitcher({ className }: { className?: string }) {
  const preference = useThemePreference();
  const name = useId();
  return (
    <fieldset className={cn("inline-flex items-center gap-0.5 rounded-full border p-0.5", className)}>
      <legend className="sr-only">Theme</legend>
      {THEME_OPTIONS.map((option) => (
        <label
          key={option.value}
          title={option.label}
          className="flex size-7 cursor-pointer items-center justify-center rounded-full text-muted-foreground hover:text-foreground has-checked:bg-accent has-checked:text-foreground has-focus-visible:outline-2 has-focus-visible:outline-brand-500"
        >
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={preference === option.value}
            onChange={() => setThemePreference(option.value)}
            className="sr-only"
          />
          <option.icon className="size-4" aria-hidden />
          <span className="sr-only">{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
