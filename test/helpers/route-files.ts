import fs from "node:fs";
import path from "node:path";

/** The app's route handler files, found on disk: the generated access tests cover every route there is. */
export const appDir = path.join(import.meta.dirname, "..", "..", "app");

export const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export type Handler = (
  request: Request,
  context: { params: Promise<unknown> },
) => Promise<Response> | Response;

export function findFiles(dir: string, pattern: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findFiles(full, pattern);
    return pattern.test(entry.name) ? [full] : [];
  });
}

export const findRouteFiles = () => findFiles(appDir, /^route\.(ts|tsx|js)$/);

/** The URL path of a route file (route groups dropped), and values for its dynamic segments. */
export function describeRoute(file: string, values: Record<string, string> = {}) {
  const segments = path
    .relative(appDir, path.dirname(file))
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s));
  const params: Record<string, string | string[]> = {};
  const urlPath = segments
    .map((segment) => {
      const catchAll = segment.match(/^\[\[?\.\.\.(\w+)\]\]?$/);
      if (catchAll?.[1]) {
        const value = values[catchAll[1]] ?? "x";
        params[catchAll[1]] = value.split("/");
        return value;
      }
      const dynamic = segment.match(/^\[(\w+)\]$/);
      if (dynamic?.[1]) {
        params[dynamic[1]] = values[dynamic[1]] ?? "00000000-0000-4000-8000-000000000001";
        return params[dynamic[1]];
      }
      return segment;
    })
    .join("/");
  return { key: segments.join("/"), urlPath: `/${urlPath}`, params };
}
