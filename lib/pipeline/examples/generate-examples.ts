import { addUsage, type LlmClient, type TokenUsage } from "@/lib/pipeline/llm-client";
import type { Catalog, CatalogActionToolMap, CatalogMcpServer, CatalogSuite } from "@/schemas/catalog";
import type { GoldAction, ToolCall } from "@/schemas/pipeline";
import { actionParametersOf, changedArguments } from "../review/review-proposals";
import { templateInstruction } from "./instruction-templates";
import { mapArguments } from "./map-arguments";
import {
  type Conversation,
  type ExampleCall,
  type ExampleFormat,
  formatConversation,
} from "./record-formats";
import { validateArguments } from "./validate-arguments";

export const RULES_MODEL = "tracepipe-rules-1";

export type GenerateExamplesInput = {
  actions: GoldAction[];
  suite: string;
  /** Action-tool map slug; may be omitted when the suite has exactly one map. */
  mapSlug?: string;
  model: string;
  modelConfiguration?: Record<string, unknown>;
  catalog: Catalog;
  format: ExampleFormat;
  /** One record per session with every call in order, instead of one record per action. */
  multiStep?: boolean;
  llm?: LlmClient;
  /** IANA zone for `datetime_iso8601`; without one, date-times stay wall-clock (never a guessed UTC). */
  timezone?: string;
  /** Also emit actions marked for review (default: they are reported in `rejected`). */
  includeNeedsReview?: boolean;
  /** Needs-review actions a person accepted: emitted with their accepted arguments and provenance. */
  reviewed?: ReviewedCall[];
};

/** An accepted review item: the tool call as accepted, and who accepted it when. */
export type ReviewedCall = {
  actionId: string;
  reviewItemId: string;
  tool: string;
  proposedArguments: Record<string, unknown>;
  acceptedArguments: Record<string, unknown>;
  reviewedBy: string | null;
  reviewedAt: string;
};

/** In a record's `metadata.provenance`: which call a person reviewed, and what they changed. */
export type CallProvenance = {
  call_id: string;
  action_id: string;
  tool: string;
  reviewed: true;
  review_item_id: string;
  reviewed_by: string | null;
  reviewed_at: string;
  changed: { argument: string; proposed: unknown; accepted: unknown }[];
};

export type GeneratedExamples = {
  records: unknown[];
  toolCalls: ToolCall[];
  rejected: { action: string; slug: string; errors: string[] }[];
  usage: { inputTokens: number; outputTokens: number; calls: number };
};

export class ExampleConfigurationError extends Error {}

export function resolveActionToolMap(
  catalog: Catalog,
  suite: string,
  mapSlug?: string,
): { map: CatalogActionToolMap; server: CatalogMcpServer; suite: CatalogSuite } {
  const catalogSuite = catalog.suites.find((s) => s.slug === suite);
  if (!catalogSuite) throw new ExampleConfigurationError(`Unknown suite "${suite}"`);
  const maps = catalog.action_tool_maps.filter((m) => m.suite === suite);
  const map = mapSlug ? maps.find((m) => m.slug === mapSlug) : maps.length === 1 ? maps[0] : undefined;
  if (!map) {
    throw new ExampleConfigurationError(
      mapSlug
        ? `Unknown action-tool map "${mapSlug}" for suite "${suite}" (known: ${maps.map((m) => m.slug).join(", ") || "none"})`
        : `Suite "${suite}" has ${maps.length} action-tool maps; choose one with --map`,
    );
  }
  const server = catalog.mcp_servers.find((s) => s.slug === map.mcp_server);
  if (!server)
    throw new ExampleConfigurationError(
      `Action-tool map "${map.slug}" names unknown MCP server "${map.mcp_server}"`,
    );
  return { map, server, suite: catalogSuite };
}

export function systemPromptOf(suite: CatalogSuite, server: CatalogMcpServer): string {
  return `You are an assistant that works in ${suite.name} (${suite.description.replace(/\.$/, "")}) for the user by calling the tools of the ${server.name}. Call the tool that does what the user asks, with exactly the arguments the request implies.`;
}

/** Gold actions → tool calls (mapped, validated) → training records in the chosen format. */
export async function generateExamples(input: GenerateExamplesInput): Promise<GeneratedExamples> {
  const { map, server, suite } = resolveActionToolMap(input.catalog, input.suite, input.mapSlug);
  if (input.model !== RULES_MODEL && !input.llm) {
    throw new ExampleConfigurationError(
      `Model "${input.model}" writes instructions through an LLM gateway, and none is configured`,
    );
  }
  const system = systemPromptOf(suite, server);
  const usage: TokenUsage = { calls: 0, inputTokens: 0, outputTokens: 0 };
  const toolCalls: ToolCall[] = [];
  const rejected: GeneratedExamples["rejected"] = [];
  const steps: { instruction: string; call: ExampleCall; provenance?: CallProvenance }[] = [];
  const reviewedByAction = new Map((input.reviewed ?? []).map((r) => [r.actionId, r]));

  for (const action of [...input.actions].sort((a, b) => a.ts - b.ts)) {
    const reviewed = action.needsReview ? reviewedByAction.get(action.id) : undefined;
    if (action.needsReview && !reviewed && !input.includeNeedsReview) {
      rejected.push({
        action: action.id,
        slug: action.slug,
        errors: [
          action.reviewReasons?.includes("timezone_unknown")
            ? "needs review: the recording shows no time zone (state one on upload)"
            : `needs review (confidence ${action.confidence})`,
        ],
      });
      continue;
    }
    const mapping = map.mappings.find((m) => m.action === action.slug);
    const tool = mapping && server.tools.find((t) => t.name === mapping.tool);
    if (!mapping || !tool) {
      rejected.push({
        action: action.id,
        slug: action.slug,
        errors: [`no tool mapped for action "${action.slug}" in ${map.slug}`],
      });
      continue;
    }
    if (reviewed && reviewed.tool !== tool.name) {
      rejected.push({
        action: action.id,
        slug: action.slug,
        errors: [`reviewed as tool "${reviewed.tool}", but ${map.slug} maps it to "${tool.name}"`],
      });
      continue;
    }
    const args = reviewed
      ? reviewed.acceptedArguments
      : mapArguments(action, mapping, tool, input.timezone).arguments;
    const errors = validateArguments(tool, args);
    if (errors.length > 0) {
      rejected.push({ action: action.id, slug: action.slug, errors });
      continue;
    }
    toolCalls.push({ action: action.id, tool: tool.name, arguments: args });
    const catalogAction = suite.actions.find((a) => a.slug === action.slug);
    // A reviewed call's instruction is written from what the person accepted, not from what the recording lacked.
    const parameters = reviewed ? actionParametersOf(mapping, args) : action.parameters;
    const instruction =
      input.model === RULES_MODEL || !input.llm
        ? templateInstruction(action.slug, catalogAction?.name ?? action.slug, parameters)
        : await writeInstructionWithLlm(
            input.llm,
            input.model,
            input.modelConfiguration,
            system,
            tool.name,
            args,
            usage,
          );
    const call = { id: `call_${steps.length + 1}`, name: tool.name, arguments: args };
    steps.push({
      instruction,
      call,
      ...(reviewed
        ? {
            provenance: {
              call_id: call.id,
              action_id: action.id,
              tool: tool.name,
              reviewed: true as const,
              review_item_id: reviewed.reviewItemId,
              reviewed_by: reviewed.reviewedBy,
              reviewed_at: reviewed.reviewedAt,
              changed: changedArguments(reviewed.proposedArguments, args),
            },
          }
        : {}),
    });
  }

  const conversations: (Conversation & { provenance: CallProvenance[] })[] = input.multiStep
    ? steps.length > 0
      ? [
          {
            system,
            user: joinSteps(steps.map((s) => s.instruction)),
            calls: steps.map((s) => s.call),
            tools: server.tools,
            provenance: steps.flatMap((s) => (s.provenance ? [s.provenance] : [])),
          },
        ]
      : []
    : steps.map((s) => ({
        system,
        user: s.instruction,
        calls: [{ ...s.call, id: "call_1" }],
        tools: server.tools,
        provenance: s.provenance ? [{ ...s.provenance, call_id: "call_1" }] : [],
      }));
  return {
    // Only records with a reviewed call carry `metadata`: the others stay exactly what the format defines.
    records: conversations.map((c) => {
      const record = formatConversation(input.format, c);
      return c.provenance.length > 0 ? { ...record, metadata: { provenance: c.provenance } } : record;
    }),
    toolCalls,
    rejected,
    usage,
  };
}

function joinSteps(instructions: string[]): string {
  if (instructions.length === 1) return instructions[0] ?? "";
  return `Please do the following, in order:\n${instructions.map((text, i) => `${i + 1}. ${text}`).join("\n")}`;
}

async function writeInstructionWithLlm(
  llm: LlmClient,
  model: string,
  configuration: Record<string, unknown> | undefined,
  system: string,
  tool: string,
  args: Record<string, unknown>,
  usage: TokenUsage,
): Promise<string> {
  const result = await llm.complete({
    model,
    options: configuration ?? {},
    messages: [
      {
        role: "system",
        content:
          "You write the message a user would send to an assistant. The assistant's context is: " +
          `${system}\nWrite one natural request that leads to exactly the given tool call, mentioning every argument value ` +
          "verbatim. Reply with the request only.",
      },
      { role: "user", content: JSON.stringify({ tool, arguments: args }) },
    ],
  });
  addUsage(usage, result);
  const text = result.content.trim();
  if (!text) throw new ExampleConfigurationError(`Model "${model}" returned an empty instruction`);
  return text;
}
