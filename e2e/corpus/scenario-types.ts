/**
 * The fixture corpus: what a person does in each scenario (steps a Playwright script replays with human-like typing)
 * and the MCP tool calls that session must produce. Tool names and argument names follow db/catalog.json
 * (`action_tool_maps`); calendar times are RFC 3339 in the recording's time zone.
 */

export const CORPUS_TIMEZONE = "America/New_York";

export type Step =
  | { do: "goto"; url: string }
  | { do: "click"; target: string }
  /** Clicks the field, optionally selects its content (so typing replaces it), then types like a person. */
  | { do: "type"; target: string; text: string; clear?: boolean; typo?: { at: number; wrong: string } }
  | { do: "press"; key: string }
  | { do: "scroll"; dy: number }
  | { do: "pause"; ms: number };

export type ExpectedToolCall = { tool: string; arguments: Record<string, unknown> };

export type Scenario = {
  name: string;
  suite: "gmail" | "google-calendar" | "github";
  description: string;
  steps: Step[];
  toolCalls: ExpectedToolCall[];
  /** IANA zone the browser runs in (default CORPUS_TIMEZONE). */
  timezone?: string;
  /** Passwords typed in the session: they must not appear in any pipeline output. */
  secrets?: string[];
  /**
   * Held out while the recognisers were developed: recorded with the others, scored only at the end, reported
   * separately by the accuracy script (a guard against tuning to the corpus).
   */
  holdout?: boolean;
  /** Page variants for this scenario, e.g. GitHub's React issue form instead of the classic one. */
  pages?: Record<string, string>;
};
