"use client";

import { useSyncExternalStore } from "react";
import type { ResolvedTheme, ThemePreference } from "./theme-preference";
import {
  readResolvedTheme,
  readThemePreference,
  subscribeResolvedTheme,
  subscribeThemePreference,
} from "./theme-store";

/** The stored choice; undefined while server-rendering and hydrating (the server cannot know it). */
export function useThemePreference(): ThemePreference | undefined {
  return useSyncExternalStore(subscribeThemePreference, readThemePreference, () => undefined);
}

/** "light" or "dark" as painted; components that draw outside CSS (canvas, toasts) re-render when it flips. */
export function useResolvedTheme(): ResolvedTheme {
  return useSyncExternalStore(subscribeResolvedTheme, readResolvedTheme, () => "light");
}
