import { authedRoute, json } from "@/lib/api/handler";
import { getUsageSeries, usageSeriesToCsv } from "@/lib/usage/get-usage-series";
import { usageQuerySchema } from "@/schemas/usage";

export const dynamic = "force-dynamic";

export const GET = authedRoute({ scopes: ["read"], permission: "read" }, async ({ request, principal }) => {
  const query = usageQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const series = await getUsageSeries({ accountId: principal.workspaceId, query });
  if (query.format === "csv") {
    return new Response(usageSeriesToCsv(series), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="tracepipe-usage-${series.from.slice(0, 10)}-${series.to.slice(0, 10)}.csv"`,
      },
    });
  }
  return json({
    from: series.from,
    to: series.to,
    estimated_usd: series.estimatedCents / 100,
    data: series.data,
  });
});
