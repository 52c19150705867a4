"use client";

import { Toaster } from "sonner";
import { useResolvedTheme } from "./use-theme";

/** Sonner styles its toasts itself: it is told the painted theme rather than reading our CSS variables. */
export function ThemedToaster() {
  return <Toaster richColors theme={useResolvedTheme()} />;
}
