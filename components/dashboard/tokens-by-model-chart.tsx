"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCompact, formatInteger } from "./format-usage";

export interface TokensByModel {
  model: string;
  inputTokens: number;
  outputTokens: number;
}

// Colours are the theme's CSS variables: SVG resolves var() itself, so the chart follows a theme switch without
// re-rendering.
const tick = { fill: "var(--muted-foreground)" };
const tooltipStyle = {
  background: "var(--popover)",
  border: "1px solid var(--border)",
  borderRadius: 6,
  color: "var(--foreground)",
  fontSize: 12,
};

/** Stacked input/output tokens per model for this month, with the same numbers as a table for screen readers. */
export function TokensByModelChart({ data }: { data: TokensByModel[] }) {
  return (
    <figure className="mt-2">
      <div className="h-48 w-full" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16, top: 4, bottom: 4 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis
              type="number"
              tickFormatter={formatCompact}
              fontSize={12}
              tick={tick}
              stroke="var(--input)"
            />
            <YAxis
              type="category"
              dataKey="model"
              width={130}
              fontSize={12}
              tick={tick}
              stroke="var(--input)"
            />
            <Tooltip
              formatter={(value) => formatInteger(Number(value))}
              cursor={{ fill: "var(--accent)" }}
              contentStyle={tooltipStyle}
              labelStyle={{ color: "var(--foreground)", fontWeight: 500 }}
              // Item text in the series colour is unreadable for the pale series; the names say which is which.
              itemStyle={{ color: "var(--foreground)" }}
            />
            <Legend
              wrapperStyle={{ fontSize: 12 }}
              // Recharts writes legend labels in the series colour; the pale one is unreadable on white.
              formatter={(value) => <span style={{ color: "var(--muted-foreground)" }}>{value}</span>}
            />
            <Bar dataKey="inputTokens" name="Input" stackId="tokens" fill="var(--chart-1)" />
            <Bar dataKey="outputTokens" name="Output" stackId="tokens" fill="var(--chart-2)" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        <table>
          <caption>Tokens by model this month</caption>
          <thead>
            <tr>
              <th>Model</th>
              <th>Input tokens</th>
              <th>Output tokens</th>
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.model}>
                <td>{row.model}</td>
                <td>{row.inputTokens}</td>
                <td>{row.outputTokens}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
