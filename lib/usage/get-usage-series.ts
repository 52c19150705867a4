import Stripe from "stripe";
import { getDb } from "@/db/client";
import { listUsageBuckets } from "@/db/queries/usage-series";
import { currentPriceLines } from "@/lib/billing/billing-lines";
import { amountCentsOf, billingKey, isBillableKind } from "@/lib/billing/prices";
import { AppError } from "@/lib/errors";
import { findModelById } from "@/lib/examples/resolve-catalog-refs";
import type { UsageQuery, UsageRow } from "@/schemas/usage";

const UNITS: Record<UsageRow["kind"], UsageRow["unit"]> = {
  input_tokens: "tokens",
  output_tokens: "tokens",
  storage_byte_hours: "byte_hours",
  events_ingested: "events",
  examples_generated: "records",
  sessions_processed: "sessions",
};
const DAY_MS = 86_400_000;

/** A bare date as `to` means through the end of that day. */
function rangeOf(query: Pick<UsageQuery, "from" | "to">, now: Date): { from: Date; to: Date } {
  const to = query.to
    ? new Date(Date.parse(query.to) + (query.to.length === 10 ? DAY_MS : 0))
    : new Date(now.getTime() + 1);
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
  if (from >= to) throw new AppError({ code: "unprocessable", message: "`from` must be before `to`" });
  if (to.getTime() - from.getTime() > 400 * DAY_MS)
    throw new AppError({ code: "unprocessable", message: "The range may span at most 400 days" });
  return { from, to };
}

export interface UsageSeries {
  from: string;
  to: string;
  data: UsageRow[];
  /** The range's cost by the price list, in cents: tokens per line, storage after the period's free allowance. */
  estimatedCents: number;
}

/** `GET /v1/usage` and the /usage page: one account's usage per bucket, kind and (optionally) model. */
export async function getUsageSeries(input: {
  accountId: string;
  query: UsageQuery;
  now?: Date;
}): Promise<UsageSeries> {
  const { from, to } = rangeOf(input.query, input.now ?? new Date());
  const buckets = await listUsageBuckets(await getDb(), {
    workspaceId: input.accountId,
    from,
    to,
    granularity: input.query.granularity,
  });
  const lines = new Map(currentPriceLines().map((l) => [l.key, l]));
  const totals = new Map<string, number>();
  const rows = new Map<string, UsageRow>();
  for (const bucket of buckets) {
    const slug = (bucket.modelId && findModelById(bucket.modelId)?.slug) || undefined;
    const isTokens = bucket.kind === "input_tokens" || bucket.kind === "output_tokens";
    const priceKey = isBillableKind(bucket.kind) ? billingKey(bucket.kind, slug) : undefined;
    if (priceKey) totals.set(priceKey, (totals.get(priceKey) ?? 0) + bucket.quantity);
    const model = input.query.group_by === "model" && slug ? slug : undefined;
    const byKey = input.query.group_by === "api_key";
    const key = `${bucket.start}|${bucket.kind}|${model ?? ""}|${byKey ? (bucket.apiKeyId ?? "") : ""}`;
    const row = rows.get(key) ?? {
      start: bucket.start,
      kind: bucket.kind,
      ...(model ? { model } : {}),
      ...(byKey ? { api_key_id: bucket.apiKeyId } : {}),
      quantity: 0,
      unit: UNITS[bucket.kind],
    };
    row.quantity += bucket.quantity;
    const tier = isTokens && priceKey ? lines.get(priceKey)?.tiers[0] : undefined;
    if (tier) {
      const usd = Stripe.Decimal.from(bucket.quantity)
        .mul(Stripe.Decimal.from(tier.centsPerUnit))
        .div(Stripe.Decimal.from(100), 6, "half-up");
      row.amount_usd = Number(
        Stripe.Decimal.from(row.amount_usd ?? 0)
          .add(usd)
          .toFixed(6, "half-up"),
      );
    }
    rows.set(key, row);
  }
  let estimatedCents = 0;
  for (const [key, quantity] of totals) {
    const line = lines.get(key);
    if (line) estimatedCents += amountCentsOf(line, quantity);
  }
  return { from: from.toISOString(), to: to.toISOString(), data: [...rows.values()], estimatedCents };
}

const csvCell = (value: string | number | undefined) => {
  const text = value === undefined ? "" : String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The same rows as CSV (RFC 4180), for spreadsheets; `api_key_id` is a column when the rows are per API key. */
export function usageSeriesToCsv(series: UsageSeries): string {
  const byKey = series.data.some((r) => r.api_key_id !== undefined);
  const header = `start,kind,model,${byKey ? "api_key_id," : ""}quantity,unit,amount_usd`;
  const lines = series.data.map((r) =>
    [r.start, r.kind, r.model, ...(byKey ? [r.api_key_id ?? ""] : []), r.quantity, r.unit, r.amount_usd]
      .map(csvCell)
      .join(","),
  );
  return `${[header, ...lines].join("\r\n")}\r\n`;
}
