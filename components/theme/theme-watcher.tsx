"use client";

import { useEffect } from "react";
import { subscribeThemePreference } from "./theme-store";

/**
 * Mounted once in the root layout: keeps every page in step with the operating system (for "system") and with
 * a choice made in another tab, including pages that show no theme control.
 */
export function ThemeWatcher() {
  useEffect(() => subscribeThemePreference(() => {}), []);
  return null;
}
