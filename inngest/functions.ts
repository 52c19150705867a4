import type { InngestFunction } from "inngest";
import { deliverBudgetAlertFunction } from "./functions/deliver-budget-alert";
import { deliverCallbackFunction } from "./functions/deliver-callback";
import { enforceRetentionFunction } from "./functions/enforce-retention";
import { generateExampleFunction } from "./functions/generate-example";
import { meterStorageFunction } from "./functions/meter-storage";
import { processSessionFunction } from "./functions/process-session";
import { reportUsageFunction } from "./functions/report-usage";

/** Every function the app serves, for `serve()` and for the embedded executor. */
export const functions: InngestFunction.Any[] = [
  processSessionFunction,
  generateExampleFunction,
  deliverCallbackFunction,
  meterStorageFunction,
  enforceRetentionFunction,
  reportUsageFunction,
  deliverBudgetAlertFunction,
];
