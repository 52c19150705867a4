import type { Metadata } from "next";
import Link from "next/link";
import { usdFromCents } from "@/components/billing/format";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toDailyCharts } from "@/components/usage/to-daily-charts";
import { UsageChart } from "@/components/usage/usage-chart";
import { UsageTotals } from "@/components/usage/usage-totals";
import { requireSessionMember } from "@/lib/auth/session";
import { getUsageSeries } from "@/lib/usage/get-usage-series";
import { usageQuerySchema } from "@/schemas/usage";

export const metadata: Metadata = { title: "Usage" };
export const dynamic = "force-dynamic";

export default async function UsagePage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const member = await requireSessionMember("/usage");
  const params = await searchParams;
  const parsed = usageQuerySchema.safeParse({ from: params.from || undefined, to: params.to || undefined });
  const query = parsed.success
    ? { ...parsed.data, granularity: "day" as const, group_by: "model" as const }
    : usageQuerySchema.parse({ granularity: "day", group_by: "model" });
  const series = await getUsageSeries({ accountId: member.workspaceId, query });
  const charts = toDailyCharts(series.data, series.from, series.to);
  const fromDay = series.from.slice(0, 10);
  const toDay = new Date(Date.parse(series.to) - 1).toISOString().slice(0, 10);
  const csv = `/v1/usage?${new URLSearchParams({ from: fromDay, to: toDay, group_by: "model", format: "csv" })}`;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Usage</h1>
          <p className="text-sm text-muted-foreground">
            Every token, byte-hour, event and example record, per UTC day — the ledger your invoice is checked
            against on the{" "}
            <Link className="text-link underline-offset-2 hover:underline" href="/settings/billing">
              Billing
            </Link>{" "}
            page.
          </p>
        </div>
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Date range">
          <div className="flex flex-col gap-1">
            <Label htmlFor="from">From</Label>
            <Input id="from" name="from" type="date" defaultValue={fromDay} />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="to">To</Label>
            <Input id="to" name="to" type="date" defaultValue={toDay} />
          </div>
          <Button type="submit" variant="outline">
            Show
          </Button>
          <a className="text-sm font-medium text-link underline-offset-2 hover:underline" href={csv} download>
            Export CSV
          </a>
        </form>
      </div>
      {!parsed.success && (
        <p role="alert" className="text-sm text-danger">
          That date range is not valid; showing the last 30 days.
        </p>
      )}
      <p className="text-sm" data-testid="usage-estimate">
        Estimated cost of this range:{" "}
        <span className="font-semibold">{usdFromCents(series.estimatedCents)}</span>
        <span className="ml-2 text-muted-foreground">(price list; storage after the free allowance)</span>
      </p>
      <UsageTotals rows={series.data} />
      <div className="grid gap-4 lg:grid-cols-2">
        <UsageChart
          title="Tokens per day, by model"
          testId="chart-tokens"
          days={charts.tokens.days}
          series={charts.tokens.series}
        />
        <UsageChart
          title="Storage per day (GB-hours)"
          testId="chart-storage"
          days={charts.storage.days}
          series={charts.storage.series}
        />
        <UsageChart
          title="Sessions, events and example records per day"
          testId="chart-counters"
          days={charts.counters.days}
          series={charts.counters.series}
        />
      </div>
    </div>
  );
}
