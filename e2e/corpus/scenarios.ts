import type { Scenario } from "./scenario-types";
import { behaviourScenarios } from "./scenarios-behaviours";
import { calendarScenarios } from "./scenarios-calendar";
import { githubScenarios } from "./scenarios-github";
import { gmailScenarios } from "./scenarios-gmail";
import { holdoutScenarios } from "./scenarios-holdout";

export * from "./scenario-types";

/** Every corpus scenario, in recording order. */
export const scenarios: Scenario[] = [
  ...gmailScenarios,
  ...calendarScenarios,
  ...githubScenarios,
  ...behaviourScenarios,
  ...holdoutScenarios,
];
