import { githubRecognisers } from "./github";
import { gmailRecognisers } from "./gmail";
import { googleCalendarRecognisers } from "./google-calendar";
import type { SuiteRecognisers } from "./recogniser-types";

const bySuite: Record<string, SuiteRecognisers> = {
  gmail: gmailRecognisers,
  "google-calendar": googleCalendarRecognisers,
  github: githubRecognisers,
};

/** The recognisers of a catalog suite; a suite without any gets only windows (and LLM classification if set up). */
export function getSuiteRecognisers(suite: string): SuiteRecognisers {
  return bySuite[suite] ?? { suite, pageKinds: [], recognisers: [] };
}
