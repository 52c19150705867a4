import type { CatalogActionToolMap, CatalogMcpServer } from "@/schemas/catalog";
import type { RedactionKind } from "@/schemas/data-policy";
import type { EventTarget } from "@/schemas/events";
import type { GoldAction, Interaction, ParameterValue, ReviewReason } from "@/schemas/pipeline";
import { mapArguments } from "../examples/map-arguments";

/** A needs-review gold action as a proposed tool call, with the evidence a reviewer needs to judge it. */
export interface ReviewProposal {
  actionId: string;
  action: string;
  reasons: ReviewReason[];
  toolServer: string;
  toolName: string;
  proposedArguments: Record<string, unknown>;
  evidence: {
    eventIds: string[];
    interactionIds: string[];
    window: string;
    ts: number;
    confidence: number;
    parameters: Record<string, unknown>;
    missingParameters: string[];
    context: PageContextLine[];
    /** The zone the proposal's date-times are written in; null when the session's zone is unknown. */
    timezone: string | null;
  };
}

/** One line of what the page showed around the action: the element (as a person would name it) and its value. */
export interface PageContextLine {
  interactionId: string;
  ts: number;
  kind: string;
  /** Whether the action was built from this interaction (the others are its neighbours in the same tab). */
  isSource: boolean;
  element?: string;
  value?: string;
  url?: string;
  title?: string;
  /** What bronze redacted there (kinds only): the reviewer sees that a value was replaced, never the value. */
  redacted?: RedactionKind[];
}

const NEIGHBOURS = 3;

function describeTarget(target: EventTarget | undefined): string | undefined {
  if (!target) return undefined;
  const name =
    target.label ?? target.ariaLabel ?? target.placeholder ?? target.text ?? target.name ?? target.id;
  const role = target.role ?? target.tag;
  if (!name) return role;
  return role ? `${role} “${name.slice(0, 200)}”` : name.slice(0, 200);
}

/**
 * The page text around an action: its own interactions and a few before and after in the same tab, each with the
 * element's accessible name and the value typed or chosen (masked values stay masked).
 */
export function pageContextOf(action: GoldAction, interactions: Interaction[]): PageContextLine[] {
  const sources = new Set(action.interactionIds);
  const indexes = interactions.flatMap((interaction, index) => (sources.has(interaction.id) ? [index] : []));
  if (indexes.length === 0) return [];
  const first = Math.min(...indexes);
  const last = Math.max(...indexes);
  const tab = interactions[first]?.tab;
  const around = (from: number, step: number) => {
    const out: number[] = [];
    for (let i = from + step; i >= 0 && i < interactions.length && out.length < NEIGHBOURS; i += step) {
      if (interactions[i]?.tab === tab && interactions[i]?.kind !== "scroll") out.push(i);
    }
    return out;
  };
  const picked = [...new Set([...around(first, -1), ...indexes, ...around(last, 1)])].sort((a, b) => a - b);
  return picked.flatMap((index) => {
    const interaction = interactions[index];
    if (!interaction) return [];
    const value = interaction.chips?.length
      ? [...interaction.chips, interaction.value].filter(Boolean).join(", ")
      : interaction.value;
    return [
      {
        interactionId: interaction.id,
        ts: interaction.ts,
        kind: interaction.kind,
        isSource: sources.has(interaction.id),
        ...(describeTarget(interaction.target) ? { element: describeTarget(interaction.target) } : {}),
        ...(value && !interaction.masked ? { value: value.slice(0, 500) } : {}),
        ...(interaction.url ? { url: interaction.url } : {}),
        ...(interaction.title ? { title: interaction.title } : {}),
        ...(interaction.redacted ? { redacted: interaction.redacted } : {}),
      },
    ];
  });
}

/**
 * Why an action needs review. The recogniser's own reasons when it gave them; otherwise what the action shows:
 * required values it could not read, else weak evidence (below the review threshold).
 */
export function reviewReasonsOf(action: GoldAction): ReviewReason[] {
  if (action.reviewReasons && action.reviewReasons.length > 0) return [...new Set(action.reviewReasons)];
  if (action.missingParameters && action.missingParameters.length > 0) return ["missing_required_argument"];
  return ["low_confidence"];
}

/**
 * Every needs-review action the map can turn into a tool call, with the arguments the recording supports (mapped
 * exactly as an example would map them; nothing is invented for what is missing). An action the map has no tool
 * for cannot be proposed and stays out.
 */
export function buildReviewProposals(input: {
  actions: GoldAction[];
  /** The session's interactions in time order, for the page context; may be empty. */
  interactions: Interaction[];
  map: CatalogActionToolMap;
  server: CatalogMcpServer;
  timezone?: string;
}): ReviewProposal[] {
  const proposals: ReviewProposal[] = [];
  for (const action of [...input.actions].sort((a, b) => a.ts - b.ts)) {
    if (!action.needsReview) continue;
    const mapping = input.map.mappings.find((m) => m.action === action.slug);
    const tool = mapping && input.server.tools.find((t) => t.name === mapping.tool);
    if (!mapping || !tool) continue;
    const { arguments: args } = mapArguments(action, mapping, tool, input.timezone);
    proposals.push({
      actionId: action.id,
      action: action.slug,
      reasons: reviewReasonsOf(action),
      toolServer: input.server.slug,
      toolName: tool.name,
      proposedArguments: args,
      evidence: {
        eventIds: action.eventIds,
        interactionIds: action.interactionIds,
        window: action.window,
        ts: action.ts,
        confidence: action.confidence,
        parameters: action.parameters,
        missingParameters: action.missingParameters ?? [],
        context: pageContextOf(action, input.interactions),
        timezone: input.timezone ?? null,
      },
    });
  }
  return proposals;
}

/**
 * The action parameters behind reviewed tool arguments (the inverse of the map), so instructions are written from
 * what the reviewer accepted. Date-times keep their RFC 3339 text: the templates read its wall-clock prefix.
 */
export function actionParametersOf(
  mapping: CatalogActionToolMap["mappings"][number],
  args: Record<string, unknown>,
): Record<string, ParameterValue> {
  const parameters: Record<string, ParameterValue> = {};
  for (const entry of mapping.parameters) {
    if (!("action_parameter" in entry)) continue;
    const value = args[entry.tool_parameter];
    if (value === undefined || value === null) continue;
    if (entry.transform === "emails_to_attendees" && Array.isArray(value)) {
      parameters[entry.action_parameter] = value
        .map((a) => (a && typeof a === "object" && "email" in a ? String(a.email) : String(a)))
        .filter(Boolean);
      continue;
    }
    if (Array.isArray(value)) parameters[entry.action_parameter] = value.map(String);
    else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
      parameters[entry.action_parameter] = value;
    else parameters[entry.action_parameter] = JSON.stringify(value);
  }
  return parameters;
}

/** Top-level arguments whose value the reviewer changed, added or removed (JSON equality). */
export function changedArguments(
  proposed: Record<string, unknown>,
  accepted: Record<string, unknown>,
): { argument: string; proposed: unknown; accepted: unknown }[] {
  const names = [...new Set([...Object.keys(proposed), ...Object.keys(accepted)])].sort();
  return names
    .filter((name) => JSON.stringify(proposed[name]) !== JSON.stringify(accepted[name]))
    .map((name) => ({
      argument: name,
      proposed: proposed[name] ?? null,
      accepted: accepted[name] ?? null,
    }));
}
