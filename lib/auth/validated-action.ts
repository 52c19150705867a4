import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { UserRow } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import { childLogger } from "@/lib/logger";
import { assertCan, type Permission } from "@/lib/workspaces/policy";
import type { RequestMeta } from "./request-meta";
import { getActionRequestMeta, getSessionMember, type SessionMember } from "./session";

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
 * What an action needs, required on every action: a permission in the current workspace; `account` (signed in,
 * acting on one's own account, e.g. sign-out or a password change: no workspace role involved); or `public`.
 */
export type ActionAccess = { permission: Permission } | { account: true } | { public: true };

type Action<S extends z.ZodType, T> = ((input: z.input<S>) => Promise<ActionResult<T>>) & {
  access: ActionAccess;
};

/**
 * The one wrapper for server actions: validates input with the shape's zod schema, resolves the signed-in user
 * and their current workspace, checks the role allows `permission` (unless `public`), and turns AppError into a
 * message for the form. Anything else is logged and reported generically. Next's redirect/notFound signals pass
 * through. The returned action carries its `access` for the route × role test.
 */
export function validatedAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.infer<S>, ctx: ActionContext & { user: UserRow; member: SessionMember }) => Promise<T>,
  access: { permission: Permission } | { account: true },
): Action<S, T>;
export function validatedAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.infer<S>, ctx: ActionContext) => Promise<T>,
  access: { public: true },
): Action<S, T>;
export function validatedAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.infer<S>, ctx: ActionContext & { user: UserRow; member: SessionMember }) => Promise<T>,
  access: ActionAccess,
): Action<S, T> {
  const action = async (input: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const meta = await getActionRequestMeta();
      // Who, then whether their role may, then the input: as the API routes do.
      const member = "public" in access ? undefined : await getSessionMember();
      if (!("public" in access) && !member)
        return { ok: false, error: "Your session has ended. Sign in again." };
      if (member && "permission" in access) assertCan(member.role, access.permission);
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues)
          fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
        return { ok: false, error: "Check the highlighted fields", fieldErrors };
      }
      // Public handlers' signature receives neither a user nor a member.
      const ctx = { meta, ...(member ? { user: member.user, member } : {}) } as ActionContext & {
        user: UserRow;
        member: SessionMember;
      };
      return { ok: true, data: await handler(parsed.data, ctx) };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError)
        return { ok: false, error: error.message, fieldErrors: fieldErrorsOf(error) };
      log.error({ err: error }, "server action failed");
      return { ok: false, error: "Something went wrong. Try again." };
    }
  };
  return Object.assign(action, { access });
}
