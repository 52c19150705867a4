"use client";

import { useSyncExternalStore } from "react";
import type { ResolvedTheme } from "@/components/theme/theme-preference";
import { readResolvedTheme, subscribeResolvedTheme } from "@/components/theme/theme-store";

/** What the canvas timeline paints with; the values are the theme's `--timeline-*` CSS variables. */
export interface TimelineColors {
  label: string;
  stripe: string;
  selected: string;
  highlight: string;
  flag: string;
  itemText: string;
  palette: string[];
}

const LIGHT_FALLBACK: TimelineColors = {
  label: "#52525b",
  stripe: "rgba(113,113,122,0.07)",
  selected: "#18181b",
  highlight: "#2563eb",
  flag: "#f59e0b",
  itemText: "#fff",
  palette: ["#6366f1", "#0284c7", "#059669", "#d97706", "#ef4444", "#a855f7", "#0d9488", "#ea580c"],
};

function readTimelineColors(): TimelineColors {
  const style = window.getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) =>
    style.getPropertyValue(`--timeline-${name}`).trim() || fallback;
  return {
    label: read("label", LIGHT_FALLBACK.label),
    stripe: read("stripe", LIGHT_FALLBACK.stripe),
    selected: read("selected", LIGHT_FALLBACK.selected),
    highlight: read("highlight", LIGHT_FALLBACK.highlight),
    flag: read("flag", LIGHT_FALLBACK.flag),
    itemText: read("item-text", LIGHT_FALLBACK.itemText),
    palette: LIGHT_FALLBACK.palette.map((fallback, i) => read(String(i + 1), fallback)),
  };
}

// One read of the computed style per theme, not per frame: drawing runs on every wheel and drag event.
const byTheme = new Map<ResolvedTheme, TimelineColors>();
function currentColors(): TimelineColors {
  const theme = readResolvedTheme();
  let colors = byTheme.get(theme);
  if (!colors) {
    colors = readTimelineColors();
    byTheme.set(theme, colors);
  }
  return colors;
}

/** The timeline's colours for the painted theme; a new object (and so a redraw) when the theme flips. */
export function useTimelineColors(): TimelineColors {
  return useSyncExternalStore(subscribeResolvedTheme, currentColors, () => LIGHT_FALLBACK);
}
