import { z } from "zod";

const runMetricsSchema = z
  .object({
    events: z.object({ bronze: z.number(), silver: z.number(), gold: z.number() }).partial().optional(),
    stagesMs: z.record(z.string(), z.number()).optional(),
    importIssues: z.number().optional(),
  })
  .loose();

export interface StageSpanData {
  stage: string;
  ms: number;
  count?: number;
  error?: string;
}

/** The pipeline run as spans per stage, from the metrics stored with the session. */
export function stageSpansFromMetrics(metrics: unknown, failure?: string | null): StageSpanData[] {
  const parsed = runMetricsSchema.safeParse(metrics ?? {});
  if (!parsed.success || !parsed.data.stagesMs)
    return failure ? [{ stage: "pipeline", ms: 0, error: failure }] : [];
  const counts: Record<string, number | undefined> = {
    bronze: parsed.data.events?.bronze,
    silver: parsed.data.events?.silver,
    gold: parsed.data.events?.gold,
  };
  const spans: StageSpanData[] = Object.entries(parsed.data.stagesMs).map(([stage, ms]) => ({
    stage,
    ms,
    count: counts[stage],
  }));
  const order = ["bronze", "silver", "gold"];
  spans.sort((a, b) => (order.indexOf(a.stage) + 1 || 99) - (order.indexOf(b.stage) + 1 || 99));
  const issues = parsed.data.importIssues;
  if (issues && spans[0])
    spans[0] = { ...spans[0], error: `${issues} import issue${issues === 1 ? "" : "s"}` };
  return spans;
}
