import type { Viewport } from "./timeline-lanes";

export interface AxisTick {
  /** Ms since the session's first event. */
  t: number;
  label: string;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

// Steps a person reads without arithmetic: 1-2-5 below a second, then whole seconds, minutes and hours.
const STEPS = [
  1,
  2,
  5,
  10,
  20,
  50,
  100,
  200,
  500,
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  6 * HOUR,
  12 * HOUR,
];

/** The smallest readable step that keeps tick labels at least `minSpacingPx` apart on a `widthPx` axis. */
export function tickStep(spanMs: number, widthPx: number, minSpacingPx = 80): number {
  const wanted = (Math.max(1, spanMs) * minSpacingPx) / Math.max(1, widthPx);
  return STEPS.find((step) => step >= wanted) ?? Math.ceil(wanted / (24 * HOUR)) * 24 * HOUR;
}

/**
 * Tick times and labels for the visible span, relative to the session start: the step adapts to the zoom, and
 * the labels carry as many decimals as the step needs ("1.25 s" when zoomed in, "2:30" when zoomed out).
 */
export function timeAxisTicks(view: Viewport, widthPx: number, minSpacingPx = 80): AxisTick[] {
  const step = tickStep(view.to - view.from, widthPx, minSpacingPx);
  const ticks: AxisTick[] = [];
  for (let t = Math.ceil(view.from / step) * step; t <= view.to && ticks.length < 500; t += step) {
    ticks.push({ t, label: formatTick(t, step) });
  }
  return ticks;
}

export function formatTick(t: number, step: number): string {
  const sign = t < 0 ? "−" : "";
  const abs = Math.abs(t);
  if (abs === 0) return "0";
  if (step < SECOND && abs < SECOND) return `${sign}${Math.round(abs)} ms`;
  if (step < MINUTE && abs < MINUTE) {
    const decimals = step >= SECOND ? 0 : Math.max(0, Math.ceil(-Math.log10(step / SECOND)));
    return `${sign}${(abs / SECOND).toFixed(decimals)} s`;
  }
  const hours = Math.floor(abs / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  const seconds = (abs % MINUTE) / SECOND;
  const decimals = step < SECOND ? Math.ceil(-Math.log10(step / SECOND)) : 0;
  const secondsText =
    decimals > 0
      ? seconds.toFixed(decimals).padStart(3 + decimals, "0")
      : String(Math.floor(seconds)).padStart(2, "0");
  return hours > 0
    ? `${sign}${hours}:${String(minutes).padStart(2, "0")}:${secondsText}`
    : `${sign}${minutes}:${secondsText}`;
}

/** A duration as the tooltip and inspector say it: "instant", "340 ms", "2.4 s", "3m 05s". */
export function formatDuration(ms: number): string {
  if (ms <= 0) return "instant";
  if (ms < SECOND) return `${Math.round(ms)} ms`;
  if (ms < MINUTE) return `${(ms / SECOND).toFixed(ms < 10 * SECOND ? 2 : 1)} s`;
  const minutes = Math.floor(ms / MINUTE);
  return `${minutes}m ${String(Math.floor((ms % MINUTE) / SECOND)).padStart(2, "0")}s`;
}
