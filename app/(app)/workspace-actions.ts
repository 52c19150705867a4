"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/auth/validated-action";
import { switchWorkspace } from "@/lib/workspaces/switch-workspace";
import { createWorkspace } from "@/lib/workspaces/update-workspace";
import { createWorkspaceSchema, switchWorkspaceSchema } from "@/schemas/workspaces";

/** The switcher: any workspace the user belongs to (their role there is checked on every later request). */
export const switchWorkspaceAction = validatedAction(
  switchWorkspaceSchema,
  async (input, { user }) => {
    await switchWorkspace(user.id, input.workspaceId);
    revalidatePath("/", "layout");
  },
  { account: true },
);

export const createWorkspaceAction = validatedAction(
  createWorkspaceSchema,
  async (input, { user, meta }) => {
    const created = await createWorkspace(user.id, input, meta);
    await switchWorkspace(user.id, created.id);
    revalidatePath("/", "layout");
    return created;
  },
  { account: true },
);
