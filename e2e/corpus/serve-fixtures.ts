import { readFile } from "node:fs/promises";
import path from "node:path";
import type { BrowserContext } from "@playwright/test";

/**
 * Serves the imitation pages under the real apps' addresses by fulfilling requests in the browser context, so the
 * recordings carry https://mail.google.com/…, https://calendar.google.com/…, https://github.com/… URLs while nothing
 * leaves the machine (no DNS, no certificates).
 */
export const PAGES_DIR = path.resolve(import.meta.dirname, "../fixtures/pages");

const HOSTS = /^https:\/\/(mail\.google\.com|calendar\.google\.com|github\.com)\//;

export function pageFor(url: URL): string | null {
  const p = url.pathname;
  if (p.startsWith("/__fixtures/")) return path.basename(p);
  if (url.hostname === "mail.google.com") return p.startsWith("/mail/") ? "gmail.html" : null;
  if (url.hostname === "calendar.google.com") {
    if (p.startsWith("/calendar/r/eventedit")) return "calendar-eventedit.html";
    return p.startsWith("/calendar/") ? "calendar.html" : null;
  }
  const parts = p.split("/").filter(Boolean);
  if (parts.length === 0) return "github-home.html";
  if (parts[0] === "search") return "github-search.html";
  if (parts[0] === "new" && parts.length === 1) return "github-new-repo.html";
  if (parts.length === 1) return "github-home.html";
  if (parts.length === 2) return "github-repo.html";
  if (parts[2] === "issues") {
    if (parts.length === 3) return "github-issues.html";
    return parts[3] === "new" ? "github-issue-new.html" : "github-issue.html";
  }
  if (parts[2] === "compare") return "github-compare.html";
  if (parts[2] === "pull") return "github-pull.html";
  return null;
}

export async function serveFixtures(
  context: BrowserContext,
  variants: Record<string, string> = {},
): Promise<void> {
  await context.route(HOSTS, async (route) => {
    const page = pageFor(new URL(route.request().url()));
    const file = page ? (variants[page] ?? page) : null;
    if (!file) return route.fulfill({ status: 404, body: "Not found" });
    const body = await readFile(path.join(PAGES_DIR, file));
    const contentType = file.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8";
    return route.fulfill({ status: 200, contentType, body });
  });
  // Everything else (fonts, analytics a real page would load) stays offline.
  await context.route(
    /^(?!https:\/\/(mail\.google\.com|calendar\.google\.com|github\.com)\/)https?:/,
    (route) => route.abort(),
  );
}
