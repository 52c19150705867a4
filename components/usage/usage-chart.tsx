"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCompact, formatInteger } from "@/components/dashboard/format-usage";

export interface ChartSeries {
  key: string;
  label: string;
}

const tick = { fill: "var(--muted-foreground)" };
const COLOURS = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)", "var(--chart-5)"];

/**
 * Stacked daily bars of one measure (tokens by model, storage, counters), with the numbers as a table for screen
 * readers. Colours are the theme's CSS variables (SVG resolves var() itself; no inline <style>, so the strict CSP
 * needs no exception).
 */
export function UsageChart({
  title,
  days,
  series,
  testId,
}: {
  title: string;
  days: Record<string, number | string>[];
  series: ChartSeries[];
  testId: string;
}) {
  return (
    <figure className="flex flex-col gap-2 rounded-lg border bg-card p-5" data-testid={testId}>
      <h2 className="text-sm font-medium text-muted-foreground">{title}</h2>
      {series.length === 0 && <p className="text-sm text-muted-foreground">Nothing in this range.</p>}
      <div className="h-56 w-full" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={days} margin={{ left: 8, right: 16, top: 4, bottom: 4 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis dataKey="day" fontSize={12} tick={tick} stroke="var(--input)" />
            <YAxis tickFormatter={formatCompact} fontSize={12} tick={tick} stroke="var(--input)" width={56} />
            <Tooltip
              formatter={(value) => formatInteger(Number(value))}
              contentStyle={{ background: "var(--popover)", border: "1px solid var(--border)", fontSize: 12 }}
              itemStyle={{ color: "var(--foreground)" }}
            />
            <Legend
              wrapperStyle={{ fontSize: 12 }}
              formatter={(value) => <span style={{ color: "var(--muted-foreground)" }}>{value}</span>}
            />
            {series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId="usage"
                fill={COLOURS[i % COLOURS.length]}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th>Day</th>
              {series.map((s) => (
                <th key={s.key}>{s.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={String(d.day)}>
                <td>{d.day}</td>
                {series.map((s) => (
                  <td key={s.key}>{d[s.key] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
