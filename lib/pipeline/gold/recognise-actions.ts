import {
  OUTCOME_WINDOW_MS,
  type Recogniser,
  type SuiteRecognisers,
  type TargetMatcher,
  type Trigger,
} from "@/lib/pipeline/recognisers/recogniser-types";
import { fieldKeyOf } from "@/lib/pipeline/silver/field-key";
import type { CatalogSuite } from "@/schemas/catalog";
import type { GoldAction, Interaction, ParameterValue, Window } from "@/schemas/pipeline";
import { localPartOf, pageKindOf, WindowTracker } from "./build-windows";
import { extractParameter, matchersOf } from "./extract-parameters";
import { matchesAny } from "./match-target";
import { scoreAction } from "./score-action";

/** A second trigger of the same action this soon after it (Create click, then submit, then redirect) is the same action. */
const SAME_ACTION_MS = 10_000;

type TabState = {
  url?: string;
  sawTargets?: boolean;
  /** In recordings without key events: the last typed field, until something else happens. */
  lastTyped?: { interaction: Interaction; window: Window };
  /** Latest value-bearing interaction per field (and latest click per element), most recent last. */
  scope: Map<string, Interaction>;
  outcomes: Map<string, { kind: "commit" | "cancel"; ts: number; action?: GoldAction }>;
  lastNavigationTs?: number;
  /** A committed action that a painted outcome soon after turns into another (`Recogniser.whenPainted`). */
  awaitingPaint?: { action: GoldAction; slug: string; until: number };
};

export type RecogniserOptions = {
  /** False for recordings without key events (rrweb): typed searches commit when the person moves on. */
  keysRecorded: boolean;
  /**
   * Every event came from a Chrome trace: actions are candidates for review, never finished calls. When not
   * stated, a session in which no interaction had a target element or a value is taken as one (that is what a
   * trace looks like after import).
   */
  traceOnly?: boolean;
};

type Candidate = { recogniser: Recogniser; trigger: Trigger; action: GoldAction };

const pathOf = (url: string | undefined) => localPartOf(url).split(/[?#]/)[0] ?? "";
const hasCommand = (interaction: Interaction) =>
  interaction.modifiers?.some((m) => m === "Control" || m === "Meta") ?? false;

/** An `appear` with no element: a Chrome trace's painted outcome of a closed form. */
const isPaintedOutcome = (interaction: Interaction) => interaction.kind === "appear" && !interaction.target;

function triggerMatches(
  trigger: Trigger,
  interaction: Interaction,
  previousUrl: string | undefined,
  lastNavigationTs: number | undefined,
): boolean {
  switch (trigger.on) {
    case "click":
      return (
        (interaction.kind === "click" || interaction.kind === "dblclick") &&
        matchesAny(interaction.target, trigger.target)
      );
    case "press":
      return (
        interaction.kind === "press" &&
        interaction.key === trigger.key &&
        (!trigger.command || hasCommand(interaction)) &&
        (!trigger.target || matchesAny(interaction.target, trigger.target, interaction.value))
      );
    case "submit":
      return (
        interaction.kind === "submit" && (!trigger.target || matchesAny(interaction.target, trigger.target))
      );
    case "field-left":
      return false;
    case "appear":
    case "disappear":
      return interaction.kind === trigger.on && matchesAny(interaction.target, trigger.target);
    case "navigate":
      return (
        interaction.kind === "navigate" &&
        previousUrl !== undefined &&
        (!trigger.from || trigger.from.test(localPartOf(previousUrl))) &&
        trigger.to.test(localPartOf(interaction.url))
      );
    case "painted":
      return (
        isPaintedOutcome(interaction) &&
        (lastNavigationTs === undefined || interaction.ts - lastNavigationTs > OUTCOME_WINDOW_MS)
      );
  }
}

/**
 * The interpreter of recogniser data. Walks interactions in time order with, per tab, the open form's values;
 * a commit trigger turns the form into a catalog action, a cancel trigger discards it.
 */
export class ActionRecogniser {
  readonly actions: GoldAction[] = [];
  /** Interactions of forms that were cancelled: settled, not material for LLM classification. */
  readonly cancelledIds = new Set<string>();
  readonly windows: WindowTracker;
  private readonly tabs = new Map<string, TabState>();
  private nextId = 1;
  private readonly strengths = new WeakMap<GoldAction, number>();
  /** Some interaction had a target element or a value: the session is not trace-only. */
  private sawPageEvidence = false;
  /** Some untargeted `appear`: this recording shows what interactions painted, so a missing paint means none. */
  private sawPaints = false;
  /** Actions read as "no paint followed" (`Recogniser.whenPainted`), with the reading a paint would have given. */
  private readonly unpainted = new Map<GoldAction, string>();

  constructor(
    private readonly recognisers: SuiteRecognisers,
    private readonly suite: CatalogSuite,
    private options: RecogniserOptions = { keysRecorded: true },
  ) {
    this.windows = new WindowTracker(recognisers.pageKinds);
  }

  add(interaction: Interaction): void {
    const tab = this.tabOf(interaction.tab);
    if (interaction.kind !== "scroll") this.settleFieldLeft(tab, interaction);
    const window = this.windows.add(interaction);
    const previousUrl = tab.url;
    const lastNavigationTs = tab.lastNavigationTs;
    if (interaction.kind === "navigate") tab.lastNavigationTs = interaction.ts;
    this.settleAwaitingPaint(tab, interaction);
    // A new page (not a hash or query change: Gmail and Calendar are single-page apps) starts with empty forms.
    if (interaction.url && pathOf(interaction.url) !== pathOf(tab.url)) tab.scope.clear();
    if (interaction.url) tab.url = interaction.url;
    if (interaction.target) tab.sawTargets = true;
    if (interaction.target || interaction.value !== undefined) this.sawPageEvidence = true;
    this.remember(tab, interaction);

    // A Gmail search in a session processed for Calendar is not a Calendar search: only windows of this suite
    // (or of no recognised suite: an imitation served elsewhere) make actions.
    if (window.suite && window.suite !== this.suite.slug) return;
    const matches = (t: Trigger) => triggerMatches(t, interaction, previousUrl, lastNavigationTs);
    this.decide(interaction, window, tab, previousUrl, matches);
    for (const recogniser of this.recognisers.recognisers) {
      if (recogniser.cancel?.some(matches)) {
        tab.outcomes.set(recogniser.action, { kind: "cancel", ts: interaction.ts });
        for (const id of this.consume(tab, recogniser)) this.cancelledIds.add(id);
      }
    }
    if (interaction.kind === "type" && !this.options.keysRecorded) tab.lastTyped = { interaction, window };
  }

  /** Ends the session: a field typed last may still commit (`field-left`). */
  finish(): void {
    for (const tab of this.tabs.values()) this.settleFieldLeft(tab, undefined);
    // A trace from a Chrome that logs no soft-navigation paints cannot show that nothing was painted: such
    // actions keep the reading they would have had with a paint (the send over the draft).
    if (!this.sawPaints) for (const [action, slug] of this.unpainted) this.reread(action, slug);
    if (this.options.traceOnly === undefined && !this.sawPageEvidence) {
      this.options = { ...this.options, traceOnly: true };
      for (const action of this.actions) this.rescore(action);
    }
  }

  private settleFieldLeft(tab: TabState, next: Interaction | undefined): void {
    const last = tab.lastTyped;
    if (!last) return;
    if (next?.kind === "type" && next.fieldKey === last.interaction.fieldKey) return;
    tab.lastTyped = undefined;
    const typed = last.interaction;
    this.decide(
      typed,
      last.window,
      tab,
      tab.url,
      (t) => t.on === "field-left" && matchesAny(typed.target, t.target, typed.value),
    );
  }

  private decide(
    interaction: Interaction,
    window: Window,
    tab: TabState,
    previousUrl: string | undefined,
    matches: (trigger: Trigger) => boolean,
  ): void {
    const candidates: Candidate[] = [];
    for (const recogniser of this.recognisers.recognisers) {
      const trigger = recogniser.commit.find(matches);
      if (!trigger) continue;
      const candidate = this.commit(recogniser, trigger, interaction, tab, window, previousUrl);
      if (candidate) candidates.push(candidate);
    }
    const best = candidates.sort((a, b) => b.action.confidence - a.action.confidence)[0];
    if (!best) return;
    this.actions.push(best.action);
    tab.outcomes.set(best.action.slug, { kind: "commit", ts: interaction.ts, action: best.action });
    this.consume(tab, best.recogniser);
    const whenPainted = best.recogniser.whenPainted;
    if (whenPainted && this.suite.actions.some((a) => a.slug === whenPainted.action)) {
      tab.awaitingPaint = {
        action: best.action,
        slug: whenPainted.action,
        until: interaction.ts + whenPainted.withinMs,
      };
      this.unpainted.set(best.action, whenPainted.action);
    }
  }

  private reread(action: GoldAction, slug: string): void {
    this.unpainted.delete(action);
    action.slug = slug;
    this.rescore(action);
  }

  /** A painted outcome soon after an action that awaits one makes it the other action; later, it stays. */
  private settleAwaitingPaint(tab: TabState, interaction: Interaction): void {
    if (isPaintedOutcome(interaction)) this.sawPaints = true;
    const awaiting = tab.awaitingPaint;
    if (!awaiting) return;
    if (interaction.ts > awaiting.until) tab.awaitingPaint = undefined;
    else if (isPaintedOutcome(interaction)) {
      tab.awaitingPaint = undefined;
      awaiting.action.interactionIds.push(interaction.id);
      awaiting.action.eventIds.push(...interaction.eventIds);
      this.reread(awaiting.action, awaiting.slug);
    }
  }

  private commit(
    recogniser: Recogniser,
    trigger: Trigger,
    interaction: Interaction,
    tab: TabState,
    window: Window,
    previousUrl: string | undefined,
  ): Candidate | undefined {
    if (recogniser.onlyWithoutTargets && tab.sawTargets) return undefined;
    const byNavigation = trigger.on === "navigate";
    const formUrl = byNavigation ? previousUrl : interaction.url;
    const kinds = recogniser.page.pageKinds;
    if (kinds && !kinds.includes(pageKindOf(formUrl, interaction.title, this.recognisers.pageKinds)))
      return undefined;
    if (recogniser.page.path && !recogniser.page.path.test(localPartOf(formUrl))) return undefined;
    const catalogAction = this.suite.actions.find((action) => action.slug === recogniser.action);
    if (!catalogAction) return undefined;

    const previous = tab.outcomes.get(recogniser.action);
    const scope = [...tab.scope.values()].reverse();
    const context = {
      scope,
      formUrl,
      destinationUrl: byNavigation ? interaction.url : undefined,
      reference: new Date(interaction.ts),
    };
    const parameters: Record<string, ParameterValue> = {};
    const sources = new Map<string, Interaction>([[interaction.id, interaction]]);
    let formParams = 0;
    for (const parameter of catalogAction.parameters) {
      const spec = recogniser.params[parameter.name];
      const found = spec ? extractParameter(spec, parameter.type, context) : undefined;
      if (!found) continue;
      parameters[parameter.name] = found.value;
      if (found.fromForm) formParams++;
      for (const source of found.sources) sources.set(source.id, source);
    }

    // The same action seen again (submit after the click, redirect after the submit) is one action with more
    // evidence; a redirect right after a cancel is no action.
    const recent = previous && interaction.ts - previous.ts <= SAME_ACTION_MS ? previous : undefined;
    // An outcome ("Message sent") right after the action committed confirms it, whatever the form still holds
    // (a `change` event fired as the closing form lost focus).
    const byOutcome = trigger.on === "appear" || trigger.on === "disappear";
    const confirmsRecent = byOutcome && recent?.kind === "commit";
    if (byNavigation || confirmsRecent ? recent : formParams < (recogniser.minFieldParams ?? 0)) {
      if (recent?.kind === "commit" && recent.action)
        this.mergeInto(recent.action, parameters, sources.values());
      return undefined;
    }
    const strength = trigger.strength ?? recogniser.strength;
    const ordered = [...sources.values()].sort((a, b) => a.ts - b.ts);
    const action: GoldAction = {
      id: `a${this.nextId++}`,
      slug: recogniser.action,
      parameters,
      ...scoreAction(catalogAction, parameters, strength, this.evidence),
      source: "rules",
      interactionIds: ordered.map((s) => s.id),
      eventIds: ordered.flatMap((s) => s.eventIds),
      window: window.id,
      ts: interaction.ts,
    };
    this.strengths.set(action, strength);
    return { recogniser, trigger, action };
  }

  private mergeInto(
    action: GoldAction,
    parameters: Record<string, ParameterValue>,
    sources: Iterable<Interaction>,
  ): void {
    for (const [name, value] of Object.entries(parameters)) action.parameters[name] ??= value;
    for (const source of sources) {
      if (action.interactionIds.includes(source.id)) continue;
      action.interactionIds.push(source.id);
      action.eventIds.push(...source.eventIds);
    }
    this.rescore(action);
  }

  private rescore(action: GoldAction): void {
    const catalogAction = this.suite.actions.find((a) => a.slug === action.slug);
    if (!catalogAction) return;
    delete action.missingParameters;
    delete action.reviewReasons;
    Object.assign(
      action,
      scoreAction(catalogAction, action.parameters, this.strengths.get(action) ?? 0.5, this.evidence),
    );
  }

  private get evidence(): "page" | "trace" {
    return this.options.traceOnly ? "trace" : "page";
  }

  private remember(tab: TabState, interaction: Interaction): void {
    if (
      !interaction.target ||
      interaction.kind === "press" ||
      interaction.kind === "submit" ||
      interaction.kind === "navigate" ||
      interaction.kind === "scroll" ||
      interaction.kind === "disappear"
    )
      return;
    // What the page shows counts as a form value only when it is one (a pre-filled field, a shown date); a
    // newer typed value of the same field replaces it, as the person saw it.
    if (interaction.kind === "appear" && interaction.value === undefined) return;
    const key = `${interaction.kind === "click" || interaction.kind === "dblclick" ? "c" : "v"}|${interaction.fieldKey ?? fieldKeyOf(interaction.target) ?? interaction.id}`;
    tab.scope.delete(key);
    tab.scope.set(key, interaction);
  }

  /** Clears the fields a recogniser reads: that form is done. */
  private consume(tab: TabState, recogniser: Recogniser): string[] {
    const matchers: TargetMatcher[] = Object.values(recogniser.params).flatMap(matchersOf);
    const consumed: string[] = [];
    if (matchers.length === 0) return consumed;
    for (const [key, interaction] of tab.scope) {
      if (!matchesAny(interaction.target, matchers, interaction.value)) continue;
      tab.scope.delete(key);
      consumed.push(interaction.id);
    }
    return consumed;
  }

  private tabOf(name: string): TabState {
    let tab = this.tabs.get(name);
    if (!tab) {
      tab = { scope: new Map(), outcomes: new Map() };
      this.tabs.set(name, tab);
    }
    return tab;
  }
}
