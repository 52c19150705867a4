import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { UserRow } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import { childLogger } from "@/lib/logger";
import type { RequestMeta } from "./request-meta";
import { getActionRequestMeta, getSessionUser } from "./session";

const log = childLogger("actions");

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

interface ActionContext {
  meta: RequestMeta;
}

/** An AppError that names fields (`extensions.errors`, as on the API) shows its messages under those fields. */
function fieldErrorsOf(error: AppError): Record<string, string> | undefined {
  const errors = error.extensions.errors;
  if (!Array.isArray(errors)) return undefined;
  const fieldErrors: Record<string, string> = {};
  for (const entry of errors) {
    if (typeof entry?.field === "string" && typeof entry.message === "string")
      fieldErrors[entry.field] ??= entry.message;
  }
  return fieldErrors;
}

/**
 * The one wrapper for server actions: validates input with the shape's zod schema, resolves the signed-in user
 * (unless `public`), and turns AppError into a message for the form. Anything else is logged and reported
 * generically. Next's redirect/notFound signals pass through.
 */
export function validatedAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.infer<S>, ctx: ActionContext & { user: UserRow }) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>>;
export function validatedAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.infer<S>, ctx: ActionContext) => Promise<T>,
  options: { public: true },
): (input: z.input<S>) => Promise<ActionResult<T>>;
export function validatedAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.infer<S>, ctx: ActionContext & { user: UserRow }) => Promise<T>,
  options: { public?: boolean } = {},
) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
      return { ok: false, error: "Check the highlighted fields", fieldErrors };
    }
    try {
      const meta = await getActionRequestMeta();
      const user = await getSessionUser();
      if (!user && !options.public) return { ok: false, error: "Your session has ended. Sign in again." };
      // For public actions `user` may be undefined; their handler signature does not receive it.
      return { ok: true, data: await handler(parsed.data, { meta, user: user as UserRow }) };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError)
        return { ok: false, error: error.message, fieldErrors: fieldErrorsOf(error) };
      log.error({ err: error }, "server action failed");
      return { ok: false, error: "Something went wrong. Try again." };
    }
  };
}
