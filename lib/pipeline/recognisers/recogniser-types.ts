import type { ParameterValue } from "@/schemas/pipeline";

/**
 * Recognisers are data: per suite, page kinds (to cut a session into windows) and, per catalog action, where it
 * happens, where each parameter comes from, what commits it and what cancels it. `lib/pipeline/gold` interprets
 * them; adding an action or following a UI change is an edit here, not new control flow.
 *
 * URL patterns are matched against the path + query + hash of a URL (never the host), so imitation pages served
 * from another origin and the real apps are recognised alike.
 */

/** Every given property must match (AND). `any` matches aria-label, label, name, placeholder, text, id or value. */
export type TargetMatcher = {
  any?: RegExp;
  ariaLabel?: RegExp;
  label?: RegExp;
  name?: RegExp;
  placeholder?: RegExp;
  text?: RegExp;
  id?: RegExp;
  role?: RegExp;
  tag?: RegExp;
  type?: RegExp;
  value?: RegExp;
  /** `data-testid` (GitHub's React forms mark inputs this way, e.g. `repository-name-input`). */
  testId?: RegExp;
};

export type PageKind = { kind: string; path: RegExp; title?: RegExp };

export type PageMatcher = { pageKinds?: string[]; path?: RegExp };

export type ParamSpec =
  /** The latest value of a field matched by any of the matchers (typed, chosen, or shown on a clicked element). */
  | { from: "field"; fields: TargetMatcher[]; emails?: boolean }
  /** A capture group of the form page's URL (`form`) or of the URL navigated to (`destination`). */
  | { from: "url"; pattern: RegExp; group: number; url?: "form" | "destination" }
  /** A query parameter of the form page's or destination URL. */
  | { from: "query"; param: string; url?: "form" | "destination"; path?: RegExp }
  /** Date and time shown in a form: a date field plus a time field, or a time range (`10:00am – 11:00am`). */
  | {
      from: "datetime";
      part: "start" | "end";
      date: TargetMatcher[];
      time: TargetMatcher[];
      fallbackDate?: TargetMatcher[];
      range?: TargetMatcher[];
    }
  /**
   * Items toggled in a multi-select menu (GitHub's label picker: `role="menuitemcheckbox"`), in click order. The
   * item's value is the first present attribute of `attributes`, else its text with a trailing description cut
   * off ("bug Something is not working" → "bug").
   */
  | {
      from: "toggled";
      items: TargetMatcher[];
      attributes: string[];
      /**
       * The control that opens the menu ("Labels ⚙"). Formats that name elements without their role (DevTools
       * Recorder's `aria/bug Something is not working`) still show the picks as clicks on unnamed-role elements
       * right after the menu opened; a click on another button or link closes the menu.
       */
      openedBy?: TargetMatcher[];
    }
  /** The value of the last chosen option (checked radio/checkbox, selected option, clicked menu item). */
  | { from: "choice"; options: { match: TargetMatcher[]; value: ParameterValue }[] };

export type Trigger =
  | { on: "click"; target: TargetMatcher[]; strength?: number }
  | { on: "press"; key: "Enter" | "Escape"; command?: boolean; target?: TargetMatcher[]; strength?: number }
  | { on: "submit"; target?: TargetMatcher[]; strength?: number }
  /**
   * Typing in a matching field, then doing something else, in a recording without key events (rrweb records
   * no keydown, so a search submitted with Enter shows only as its typed text).
   */
  | { on: "field-left"; target: TargetMatcher[]; strength?: number }
  /**
   * The outcome on the page: a notice ("Message sent") or element appeared, a dialog closed. Confirms a form
   * submitted without its usual click (Ctrl+Enter, Enter in a dialog) in recordings without key events (rrweb).
   * Right after the same action committed by its click, it only adds evidence.
   */
  | { on: "appear" | "disappear"; target: TargetMatcher[]; strength?: number }
  /** A navigation from a matching page to a matching page (works without targets, e.g. Chrome traces). */
  | { on: "navigate"; from?: RegExp; to: RegExp; strength?: number }
  /**
   * Chrome traces: new content painted right after a form the person typed into closed (an untargeted `appear`,
   * see `lib/pipeline/import/chrome-trace/form-outcome.ts`), on the same page: no navigation in the
   * {@link OUTCOME_WINDOW_MS} before it. A dismissed form paints nothing; one that navigated is left to
   * `navigate` triggers.
   */
  | { on: "painted"; strength?: number };

/** How far back a navigation makes a painted outcome belong to it rather than to an in-page form. */
export const OUTCOME_WINDOW_MS = 1500;

export type Recogniser = {
  action: string;
  page: PageMatcher;
  params: Record<string, ParamSpec>;
  commit: Trigger[];
  cancel?: Trigger[];
  /** Confidence of a commit with every required parameter found (triggers may override). */
  strength: number;
  /**
   * How many parameters must come from fields before a form commit counts. Stops a stray click on "Create" or
   * an empty compose closed with Escape from becoming an action. Navigation triggers are exempt.
   */
  minFieldParams?: number;
  /** Only for recordings without element targets (Chrome traces): a guess that richer sources never need. */
  onlyWithoutTargets?: boolean;
  /**
   * When an untargeted `appear` (a painted outcome) follows the commit within `withinMs`, the action was this
   * other one: how a trace tells a compose window that was sent (a notice) from one closed to keep a draft (none).
   */
  whenPainted?: { action: string; withinMs: number };
};

/**
 * How a window is told to belong to this suite: its host (the real app), else its title, else its path. Imitations
 * served elsewhere (another host, a title without the brand) match nothing and stay unclassified, which never
 * blocks recognition; only a window positively classified to another suite does.
 */
export type SuiteDetection = { hosts: RegExp[]; titles: RegExp[]; paths: RegExp[] };

export type SuiteRecognisers = {
  suite: string;
  detect?: SuiteDetection;
  pageKinds: PageKind[];
  recognisers: Recogniser[];
};
