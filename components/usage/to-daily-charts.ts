import type { UsageRow } from "@/schemas/usage";
import type { ChartSeries } from "./usage-chart";

type Day = Record<string, number | string> & { day: string };
interface Chart {
  days: Day[];
  series: ChartSeries[];
}

/** Usage rows (per day, kind, model) → one chart per measure, every day of the range present (zeros included). */
export function toDailyCharts(rows: UsageRow[], from: string, to: string) {
  const dayKeys: string[] = [];
  for (let t = Date.parse(from.slice(0, 10)); t < Date.parse(to); t += 86_400_000)
    dayKeys.push(new Date(t).toISOString().slice(0, 10));
  const make = (): Chart & { seen: Map<string, string> } => ({
    days: dayKeys.map((day) => ({ day })),
    series: [],
    seen: new Map(),
  });
  const tokens = make();
  const storage = make();
  const counters = make();
  const add = (chart: ReturnType<typeof make>, day: string, key: string, label: string, value: number) => {
    if (!chart.seen.has(key)) {
      chart.seen.set(key, label);
      chart.series.push({ key, label });
    }
    const row = chart.days.find((d) => d.day === day);
    if (row) row[key] = Number(row[key] ?? 0) + value;
  };
  for (const row of rows) {
    const day = row.start.slice(0, 10);
    if (row.kind === "input_tokens" || row.kind === "output_tokens")
      add(tokens, day, row.model ?? "unknown", row.model ?? "unknown model", row.quantity);
    else if (row.kind === "storage_byte_hours")
      add(storage, day, "gbHours", "GB-hours", Math.round((row.quantity / 1e9) * 1000) / 1000);
    else if (row.kind === "events_ingested") add(counters, day, "events", "Events ingested", row.quantity);
    else if (row.kind === "sessions_processed")
      add(counters, day, "sessions", "Sessions processed", row.quantity);
    else add(counters, day, "records", "Example records", row.quantity);
  }
  const strip = ({ days, series }: Chart) => ({ days, series });
  return { tokens: strip(tokens), storage: strip(storage), counters: strip(counters) };
}
