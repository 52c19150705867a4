import { AppError } from "@/lib/errors";
import { hasNoNul, NUL_MESSAGE } from "@/schemas/text";

type RouteParams = Record<string, string | string[] | undefined>;

/**
 * Path parameters and query strings reach queries as text; a `%00` in them would be a 500 from Postgres. Checked
 * once in the route wrappers, before any handler parses them, so no route can forget it.
 */
export function rejectNulInUrl(url: URL, params: RouteParams | undefined): void {
  const errors: { field: string; code: string; message: string }[] = [];
  // A route without dynamic segments gets no params object at all in a production build.
  for (const [name, value] of Object.entries(params ?? {})) {
    const values = Array.isArray(value) ? value : [value ?? ""];
    if (!values.every(hasNoNul))
      errors.push({ field: `path.${name}`, code: "invalid_characters", message: NUL_MESSAGE });
  }
  for (const [name, value] of url.searchParams) {
    if (!hasNoNul(name) || !hasNoNul(value)) {
      errors.push({
        field: `query.${name.replaceAll("\u0000", "\\u0000")}`,
        code: "invalid_characters",
        message: NUL_MESSAGE,
      });
    }
  }
  if (errors.length > 0) {
    throw new AppError({
      code: "bad_request",
      message: `${errors.map((e) => e.field).join(", ")}: ${NUL_MESSAGE}`,
      extensions: { errors },
    });
  }
}
