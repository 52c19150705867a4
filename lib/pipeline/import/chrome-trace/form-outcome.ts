/**
 * How long after a form closed new content still counts as its outcome. A saved event's chip, a "Label created"
 * or "Message sent" notice paints within a frame or two of the click or Enter that closed the form (50–400 ms in
 * recordings of Chrome 14x); a person's next gesture takes longer.
 */
export const OUTCOME_PAINT_MS = 1500;
/** A `focus` this soon after a `blur` means focus moved to another element (a field, a button) of the same page. */
const FOCUS_MOVE_MS = 100;

type RendererState = {
  /** Text was entered (`input` dispatched) since the last form closed. */
  typed: boolean;
  /** The last `blur` not followed by a `focus`: the focused element went away (its dialog closed) or focus left. */
  blur?: { ts: number; typed: boolean };
  /** A same-document URL change (a soft navigation) whose new view has not painted yet. */
  navigatedAt?: number;
};

/**
 * Reads whether a form a person typed into ended with something new on the page, from what a Chrome trace
 * records of every page without any app knowledge:
 *
 * - `EventDispatch` `input` / `blur` / `focus` (category `devtools.timeline`): typing, and focus leaving. When a
 *   dialog closes (Save, Enter, Escape, Cancel, Send) the focused field or button is removed, and Chromium, unlike
 *   Gecko and WebKit, dispatches `blur` on removal (whatwg/html#3847, #12842: kept for compatibility, perhaps moved
 *   to the next rendering update, still a `blur`) with no `focus` after it; moving between fields dispatches `blur`
 *   then `focus` within a few ms. A dialog that hands focus back to its opener looks like a move: no outcome is
 *   read, so no action is proposed (missed, never invented).
 * - `largestContentfulPaint::CandidateForSoftNavigation` (category `loading`): Chrome's soft-navigation heuristics
 *   (WICG soft-navigations; `SoftNavigationHeuristics` in Blink) attribute DOM changes to the interaction that
 *   caused them and log content painted for the first time because of it (a new event chip, a notice), with the
 *   node's debug name only; Chrome 14x logs them even without a URL change. Content revealed or removed (a
 *   dismissed dialog) logs nothing.
 *
 * So "typed, focus left with nothing focused, new content painted within {@link OUTCOME_PAINT_MS}" is a form that
 * was submitted and answered by the page; the same without a paint is one dismissed. The first paint after a
 * same-document URL change is kept too (the new view of a single-page app): it shows that this trace records
 * such paints at all (older Chrome builds log none), and the recognisers never read it as a form's outcome.
 * The trace never says what was painted (text, labels), so an outcome carries no target and no value.
 */
export class FormOutcomes {
  private readonly renderers = new Map<string, RendererState>();

  private stateOf(renderer: string): RendererState {
    let state = this.renderers.get(renderer);
    if (!state) {
      state = { typed: false };
      this.renderers.set(renderer, state);
    }
    return state;
  }

  /** An `EventDispatch` of `type` in `renderer` (the trace's pid) at `ts` ms. */
  dispatched(renderer: string, type: string, ts: number): void {
    const state = this.stateOf(renderer);
    if (type === "input") state.typed = true;
    else if (type === "blur") {
      state.blur = { ts, typed: state.typed };
      state.typed = false;
    } else if (type === "focus" && state.blur) {
      // Focus moved within the page: the form is still open with what was typed.
      if (ts - state.blur.ts < FOCUS_MOVE_MS) state.typed = state.blur.typed;
      state.blur = undefined;
    }
  }

  /** A main-frame document load: forms of the old document are gone. */
  documentLoaded(renderer: string): void {
    this.renderers.delete(renderer);
  }

  /** A same-document main-frame URL change at `ts`. */
  navigated(renderer: string, ts: number): void {
    this.stateOf(renderer).navigatedAt = ts;
  }

  /**
   * A soft-navigation paint candidate at `ts`: true when it is the outcome of a form that just closed, or the
   * first paint of a view a URL change just showed.
   */
  painted(renderer: string, ts: number): boolean {
    const state = this.renderers.get(renderer);
    if (!state) return false;
    const within = (since: number | undefined) =>
      since !== undefined && ts >= since && ts - since <= OUTCOME_PAINT_MS;
    const answersForm = state.blur?.typed === true && within(state.blur.ts);
    const showsView = within(state.navigatedAt);
    if (answersForm) state.blur = undefined;
    if (showsView) state.navigatedAt = undefined;
    return answersForm || showsView;
  }
}
