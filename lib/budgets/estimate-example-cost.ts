import { currentPriceLines } from "@/lib/billing/billing-lines";
import { billingKey, isPaidModel } from "@/lib/billing/prices";

/**
 * Tokens an LLM model spends per gold action when it writes an example's instruction: the prompt carries the
 * action, its tool schema and the suite's context; the answer is one instruction. Generous on purpose: an
 * estimate decides admission under a hard cap and the AP2 authorisation (1.5× it), so it should not fall short.
 */
export const ESTIMATED_TOKENS_PER_ACTION = { input: 1_500, output: 300 } as const;

/**
 * What an example is expected to cost before it runs, in whole cents rounded up (0 for the free model): the
 * session's gold actions (at least one) × the tokens per action × the model's token prices.
 */
export function estimateExampleCostCents(input: { modelSlug: string; actionCount: number }): number {
  if (!isPaidModel(input.modelSlug)) return 0;
  const actions = Math.max(1, input.actionCount);
  const lines = currentPriceLines();
  let cents = 0;
  for (const [kind, perAction] of [
    ["input_tokens", ESTIMATED_TOKENS_PER_ACTION.input],
    ["output_tokens", ESTIMATED_TOKENS_PER_ACTION.output],
  ] as const) {
    const line = lines.find((l) => l.key === billingKey(kind, input.modelSlug));
    const centsPerToken = Number(line?.tiers[0]?.centsPerUnit ?? 0);
    cents += actions * perAction * centsPerToken;
  }
  return Math.ceil(cents);
}
