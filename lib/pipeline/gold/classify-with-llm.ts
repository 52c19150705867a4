import { z } from "zod";
import { addUsage, type LlmClient, type TokenUsage } from "@/lib/pipeline/llm-client";
import type { CatalogSuite } from "@/schemas/catalog";
import type { GoldAction, Interaction, ParameterValue, Window } from "@/schemas/pipeline";
import { shownValueOf } from "./match-target";
import { scoreAction } from "./score-action";

/** An LLM's reading is a suggestion: it never reaches the review threshold on its own. */
const LLM_MAX_CONFIDENCE = 0.75;
const MAX_WINDOWS = 20;

const answerSchema = z.object({
  actions: z
    .array(
      z.object({
        action: z.string().nullable(),
        parameters: z.record(z.string(), z.unknown()).default({}),
        confidence: z.number().min(0).max(1).default(0.5),
      }),
    )
    .default([]),
});

const describe = (interaction: Interaction) => {
  const target = interaction.target;
  const label =
    target?.ariaLabel ??
    target?.label ??
    target?.placeholder ??
    target?.name ??
    target?.text ??
    target?.id ??
    "?";
  const value = interaction.masked ? "[masked]" : shownValueOf(interaction);
  const chips = interaction.chips?.length ? ` chips=${JSON.stringify(interaction.chips)}` : "";
  return `${interaction.kind} "${label}"${value !== undefined && interaction.kind !== "click" ? ` = ${JSON.stringify(value)}` : ""}${chips}`;
};

function coerce(value: unknown, type: string): ParameterValue | undefined {
  if (type === "string[]")
    return Array.isArray(value)
      ? value.filter((v): v is string => typeof v === "string")
      : typeof value === "string"
        ? [value]
        : undefined;
  if (type === "integer") return Number.isInteger(Number(value)) && value !== "" ? Number(value) : undefined;
  if (type === "boolean") return typeof value === "boolean" ? value : undefined;
  if (typeof value === "string" && value.trim() !== "" && !/^\*+$/.test(value.trim())) return value.trim();
  return undefined;
}

/**
 * Asks an LLM about the windows where the rules found typed values but no action and no cancel. Only values that
 * literally occur in the recording are accepted as parameters (the model may not invent them), and the result is
 * always marked for review.
 */
export async function classifyWithLlm(input: {
  interactions: Interaction[];
  windows: Window[];
  actions: GoldAction[];
  cancelledIds: Set<string>;
  suite: CatalogSuite;
  llm: LlmClient;
  usage: TokenUsage;
}): Promise<GoldAction[]> {
  const used = new Set(input.actions.flatMap((action) => action.interactionIds));
  const byId = new Map(input.interactions.map((interaction) => [interaction.id, interaction]));
  const out: GoldAction[] = [];
  const candidates = input.windows.filter((window) =>
    window.interactionIds.some((id) => {
      const interaction = byId.get(id);
      return (
        interaction?.kind === "type" &&
        !used.has(id) &&
        !input.cancelledIds.has(id) &&
        (interaction.value || interaction.chips?.length)
      );
    }),
  );
  for (const window of candidates.slice(0, MAX_WINDOWS)) {
    const steps = window.interactionIds
      .map((id) => byId.get(id))
      .filter((i): i is Interaction => i !== undefined && !used.has(i.id));
    const seen = new Set(
      steps.flatMap((step) => [shownValueOf(step) ?? "", ...(step.chips ?? [])]).filter(Boolean),
    );
    const catalog = input.suite.actions.map((action) => ({
      action: action.slug,
      description: action.description,
      parameters: action.parameters.map((p) => `${p.name}: ${p.type}${p.required ? " (required)" : ""}`),
    }));
    const result = await input.llm.complete({
      json: true,
      options: { temperature: 0 },
      messages: [
        {
          role: "system",
          content:
            `You classify what a person did in ${input.suite.name}. Allowed actions: ${JSON.stringify(catalog)}. ` +
            'Answer JSON {"actions":[{"action":slug or null,"parameters":{...},"confidence":0..1}]}. ' +
            "Only report actions that were completed; use only values that appear in the steps.",
        },
        {
          role: "user",
          content: `Page: ${window.url ?? "?"} (${window.title ?? ""})\nSteps:\n${steps.map(describe).join("\n")}`,
        },
      ],
    });
    addUsage(input.usage, result);
    const parsed = answerSchema.safeParse(safeJson(result.content));
    if (!parsed.success) continue;
    for (const proposal of parsed.data.actions) {
      const catalogAction = input.suite.actions.find((action) => action.slug === proposal.action);
      if (!catalogAction) continue;
      const parameters: Record<string, ParameterValue> = {};
      for (const parameter of catalogAction.parameters) {
        const value = coerce(proposal.parameters[parameter.name], parameter.type);
        const literal = Array.isArray(value)
          ? value.every((v) => [...seen].some((s) => s.includes(v)))
          : typeof value !== "string" || [...seen].some((s) => s.includes(value));
        if (value !== undefined && literal) parameters[parameter.name] = value;
      }
      const score = scoreAction(catalogAction, parameters, Math.min(LLM_MAX_CONFIDENCE, proposal.confidence));
      out.push({
        id: `l${out.length + 1}`,
        slug: catalogAction.slug,
        parameters,
        ...score,
        needsReview: true,
        source: "llm",
        interactionIds: steps.map((step) => step.id),
        eventIds: steps.flatMap((step) => step.eventIds),
        window: window.id,
        ts: steps.at(-1)?.ts ?? window.endTs,
      });
    }
  }
  return out;
}

function safeJson(text: string): unknown {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  try {
    return JSON.parse(start >= 0 && end > start ? text.slice(start, end + 1) : text);
  } catch {
    return undefined;
  }
}
