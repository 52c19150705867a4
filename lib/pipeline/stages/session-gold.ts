import { checkSessionSuites, keepActionsOfSuite } from "@/lib/pipeline/gold/window-suites";
import type { LlmClient } from "@/lib/pipeline/llm-client";
import { sortInteractions } from "@/lib/pipeline/silver/silver-stream";
import { markTimezoneUnknown } from "@/lib/pipeline/timezone/mark-timezone-unknown";
import type { TimezoneResolution } from "@/lib/pipeline/timezone/resolve-timezone";
import type { CatalogSuite } from "@/schemas/catalog";
import type { GoldAction, Interaction, Window } from "@/schemas/pipeline";
import { type GoldLlmUsage, goldStage, type SilverLayer } from "./gold";
import { type SessionTimezoneInput, sessionTimezoneStage } from "./session-timezone";

export interface SessionGoldOptions {
  /** The suites the session is processed for; the first one's windows are the session's. */
  suites: readonly CatalogSuite[];
  /** Every catalog suite: which one a window belongs to decides whose actions it holds. */
  catalogSuites: readonly CatalogSuite[];
  timezone: SessionTimezoneInput;
  llm?: LlmClient;
}

export interface SessionGoldOutput {
  /** Silver's interactions in time order. */
  interactions: Interaction[];
  windows: Window[];
  /** Every suite's actions in time order; in a multi-suite session tagged with their suite, ids prefixed by it. */
  actions: GoldAction[];
  /** Present when an LLM was given: its calls and tokens over every suite. */
  llm?: GoldLlmUsage;
  timezone: TimezoneResolution;
  /** Suites the windows belong to (most time first), and the notice when none is one the session was processed for. */
  suites: { detected: string[]; notice?: string };
}

function sumUsage(usages: (GoldLlmUsage | undefined)[]): GoldLlmUsage | undefined {
  let sum: GoldLlmUsage | undefined;
  for (const usage of usages) {
    if (!usage) continue;
    if (!sum) sum = { ...usage };
    else {
      sum.calls += usage.calls;
      sum.inputTokens += usage.inputTokens;
      sum.outputTokens += usage.outputTokens;
    }
  }
  return sum;
}

/**
 * A session's gold layer: the gold stage once per suite it is processed for over the same interactions, each
 * suite keeping the actions of its own windows (a Gmail search in a session processed for Calendar is not a
 * Calendar search), then the session's zone — with none, datetime-bearing actions go to review with
 * `timezone_unknown`. Used by the in-memory chain and the durable gold step alike.
 */
export async function sessionGoldStage(
  silver: SilverLayer,
  options: SessionGoldOptions,
): Promise<SessionGoldOutput> {
  const collected: Interaction[] = [];
  for await (const interaction of silver.interactions) collected.push(interaction);
  const interactions = sortInteractions(collected);
  const layer: SilverLayer = { interactions, summary: silver.summary };
  const timezone = sessionTimezoneStage(options.timezone, interactions);
  const isMulti = options.suites.length > 1;
  const catalogSuites = [...options.catalogSuites];
  const runs = [];
  for (const suite of options.suites) {
    const gold = await goldStage(layer, { suite, ...(options.llm ? { llm: options.llm } : {}) });
    const own = keepActionsOfSuite(gold.actions, gold.windows, suite.slug, catalogSuites);
    const zoned = timezone.timezone ? own : markTimezoneUnknown(own, suite);
    const actions = isMulti
      ? zoned.map((a) => ({ ...a, id: `${suite.slug}:${a.id}`, suite: suite.slug }))
      : zoned;
    runs.push({ ...gold, actions });
  }
  const [primary] = runs;
  if (!primary) throw new Error("A session is processed for at least one suite");
  const windows = primary.windows;
  // Stable: actions of one time keep their suite's order, suites in the order given.
  const actions = runs.flatMap((run) => run.actions).sort((a, b) => a.ts - b.ts);
  const check = checkSessionSuites(
    windows,
    options.suites.map((s) => s.slug),
    catalogSuites,
  );
  const llm = sumUsage(runs.map((run) => run.llm));
  return {
    interactions: primary.interactions,
    windows,
    actions,
    ...(llm ? { llm } : {}),
    timezone,
    suites: { detected: check.detected, ...(check.notice ? { notice: check.notice } : {}) },
  };
}
