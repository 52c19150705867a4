import { getSuiteRecognisers } from "@/lib/pipeline/recognisers/suite-recognisers";
import type { CatalogSuite } from "@/schemas/catalog";
import type { GoldAction, Interaction, Window } from "@/schemas/pipeline";
import { ActionRecogniser, type RecogniserOptions } from "./recognise-actions";

export type GoldResult = { windows: Window[]; actions: GoldAction[]; cancelledIds: Set<string> };

/**
 * Windows and rule-recognised actions from time-ordered interactions of one session. `keysRecorded: false`
 * (rrweb records no key events) lets typed searches commit when the person moves on.
 */
export function buildGold(
  interactions: Iterable<Interaction>,
  suite: CatalogSuite,
  options: RecogniserOptions = { keysRecorded: true },
): GoldResult {
  const recogniser = new ActionRecogniser(getSuiteRecognisers(suite.slug), suite, options);
  for (const interaction of interactions) recogniser.add(interaction);
  recogniser.finish();
  return {
    windows: recogniser.windows.windows,
    actions: recogniser.actions,
    cancelledIds: recogniser.cancelledIds,
  };
}
