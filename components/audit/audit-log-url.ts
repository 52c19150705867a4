import { type PageTrail, pageTrailParams } from "@/components/list-url/page-trail";
import type { AuditLogSearch } from "@/schemas/audit-events";

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  const text = search.toString();
  return text ? `?${text}` : "";
};

/** The page's URL for filters and a page trail; parameters in a fixed order so equal views share one URL. */
export const auditLogHref = (search: AuditLogSearch, trail: PageTrail = { cursor: "", prev: [] }) =>
  `/settings/audit-log${query({ ...search, ...pageTrailParams(trail) })}`;

/** The CSV of every entry matching the filters (all pages), from the API. */
export const auditLogCsvHref = (search: AuditLogSearch) =>
  `/v1/audit-events${query({ ...search, format: "csv" })}`;
