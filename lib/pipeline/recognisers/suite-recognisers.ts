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

function hostOf(url: string | undefined): string {
  if (!url) return "";
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return "";
  }
}

function localPart(url: string | undefined): string {
  if (!url) return "";
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search + parsed.hash;
  } catch {
    return "";
  }
}

/**
 * The suite a page belongs to, from its host, then its title, then its path (strongest evidence first), or
 * undefined when nothing matches (an imitation on localhost, an unrelated site).
 */
export function detectSuite(url: string | undefined, title: string | undefined): string | undefined {
  const all = Object.values(bySuite);
  const host = hostOf(url);
  if (host) {
    const byHost = all.find((s) => s.detect?.hosts.some((pattern) => pattern.test(host)));
    if (byHost) return byHost.suite;
  }
  if (title) {
    const byTitle = all.find((s) => s.detect?.titles.some((pattern) => pattern.test(title)));
    if (byTitle) return byTitle.suite;
  }
  const local = localPart(url);
  if (local) return all.find((s) => s.detect?.paths.some((pattern) => pattern.test(local)))?.suite;
  return undefined;
}
