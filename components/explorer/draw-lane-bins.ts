import type { LaneBins } from "@/lib/explorer/timeline-lanes";

/**
 * A large lane zoomed out: each non-empty bin as a bar in its most frequent category's colour, its height on a log
 * scale of its count against the fullest visible bin (bursts of thousands would otherwise flatten the rest), at
 * least one pixel wide so a lone event stays visible.
 */
export function drawLaneBins(
  ctx: CanvasRenderingContext2D,
  segments: LaneBins[],
  frame: {
    toX: (t: number) => number;
    left: number;
    right: number;
    top: number;
    height: number;
    palette: readonly string[];
    flagColor: string;
  },
) {
  let peak = 1;
  for (const segment of segments) for (const count of segment.counts) peak = Math.max(peak, count);
  const logPeak = Math.log1p(peak);
  for (const segment of segments) {
    segment.bins.forEach((bin, k) => {
      const start = segment.from + bin * segment.binMs;
      const x0 = Math.max(frame.left, frame.toX(start));
      const x1 = Math.min(frame.right, frame.toX(start + segment.binMs));
      if (x1 < frame.left || x0 > frame.right) return;
      const count = segment.counts[k] as number;
      const h = Math.max(2, (Math.log1p(count) / logPeak) * (frame.height - 12));
      ctx.fillStyle = frame.palette[(segment.top[k] ?? 0) % frame.palette.length] as string;
      ctx.fillRect(x0, frame.top + frame.height - 6 - h, Math.max(1, x1 - x0), h);
      if (segment.flagged?.[k]) {
        ctx.fillStyle = frame.flagColor;
        ctx.fillRect(x0, frame.top + 4, Math.max(1, x1 - x0), 2);
      }
    });
  }
}
