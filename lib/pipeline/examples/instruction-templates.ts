import type { ParameterValue } from "@/schemas/pipeline";

type Params = Record<string, ParameterValue | undefined>;

const list = (value: ParameterValue | undefined) => {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [String(value)];
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
};
const quoted = (value: ParameterValue | undefined) => `"${String(value ?? "")}"`;
const has = (value: ParameterValue | undefined) =>
  value !== undefined && value !== "" && !(Array.isArray(value) && value.length === 0);

const wallPattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/;

/** "Tuesday, December 2, 2025 at 10:00 AM" from a wall-clock value, without any time zone arithmetic. */
export function humanDateTime(value: ParameterValue | undefined, withDate = true): string {
  const match = wallPattern.exec(String(value ?? ""));
  if (!match) return String(value ?? "");
  const [, y, mo, d, h, mi] = match;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0)));
  const day = date.toLocaleDateString("en-US", {
    timeZone: "UTC",
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
  });
  if (h === undefined) return day;
  const time = date.toLocaleTimeString("en-US", { timeZone: "UTC", hour: "numeric", minute: "2-digit" });
  return withDate ? `${day} at ${time}` : time;
}

const sameDay = (a: ParameterValue | undefined, b: ParameterValue | undefined) =>
  String(a ?? "").slice(0, 10) === String(b ?? "").slice(0, 10);

/**
 * `tracepipe-rules-1`: one template per catalog action, written from the action's parameters. Data, not code
 * paths: an action without a template gets the generic sentence at the bottom.
 */
export const instructionTemplates: Record<string, (p: Params) => string> = {
  compose_email: (p) =>
    `Send an email to ${list(p.to)}${has(p.cc) ? `, cc ${list(p.cc)}` : ""}${has(p.bcc) ? `, bcc ${list(p.bcc)}` : ""} with the subject ${quoted(p.subject)} saying:\n${p.body ?? ""}`,
  save_draft: (p) =>
    `Draft an email${has(p.to) ? ` to ${list(p.to)}` : ""}${has(p.subject) ? ` with the subject ${quoted(p.subject)}` : ""}, but don't send it yet. It should say:\n${p.body ?? ""}`,
  search_mail: (p) => `Find the emails in my inbox matching ${quoted(p.query)}.`,
  create_label: (p) => `Create a new Gmail label called ${quoted(p.name)}.`,
  create_event: (p) =>
    `Add ${quoted(p.title)} to my calendar on ${humanDateTime(p.start)} until ${humanDateTime(p.end, !sameDay(p.start, p.end))}` +
    `${has(p.location) ? ` at ${p.location}` : ""}${has(p.guests) ? `, and invite ${list(p.guests)}` : ""}.` +
    `${has(p.description) ? ` Description: ${p.description}` : ""}`,
  search_events: (p) => `Search my calendar for ${quoted(p.query)}.`,
  create_issue: (p) =>
    `Open an issue in ${p.owner}/${p.repo} titled ${quoted(p.title)}${has(p.labels) ? ` with the labels ${list(p.labels)}` : ""}${has(p.body) ? `. Description:\n${p.body}` : "."}`,
  comment_on_issue: (p) => `Comment on issue #${p.issue_number} in ${p.owner}/${p.repo}:\n${p.body ?? ""}`,
  create_repository: (p) =>
    `Create a ${p.private === true ? "private " : p.private === false ? "public " : ""}repository named ${quoted(p.name)}${has(p.description) ? ` with the description ${quoted(p.description)}` : ""}.`,
  create_pull_request: (p) =>
    `Open a pull request in ${p.owner}/${p.repo} to merge ${p.head} into ${p.base}, titled ${quoted(p.title)}${has(p.body) ? `. Description:\n${p.body}` : "."}`,
  search_repositories: (p) => `Search GitHub for repositories matching ${quoted(p.query)}.`,
};

export function templateInstruction(slug: string, actionName: string, parameters: Params): string {
  const template = instructionTemplates[slug];
  if (template) return template(parameters);
  const details = Object.entries(parameters)
    .filter(([, value]) => has(value))
    .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(", ") : String(value)}`);
  return `${actionName}${details.length ? ` (${details.join("; ")})` : ""}.`;
}
