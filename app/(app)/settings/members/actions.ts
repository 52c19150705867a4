"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { publicOrigin } from "@/lib/auth/public-request-url";
import { validatedAction } from "@/lib/auth/validated-action";
import { createInvitation, revokeInvitation } from "@/lib/workspaces/invitations";
import { changeMemberRole, leaveWorkspace, removeMember } from "@/lib/workspaces/members";
import { updateWorkspace } from "@/lib/workspaces/update-workspace";
import {
  createInvitationSchema,
  idParamsSchema,
  memberParamsSchema,
  updateMemberSchema,
  updateWorkspaceSchema,
} from "@/schemas/workspaces";

const refresh = () => revalidatePath("/settings/members");

export const inviteMemberAction = validatedAction(
  createInvitationSchema,
  async (input, { member, meta }) => {
    const origin = publicOrigin(new Request("http://localhost/", { headers: await headers() }));
    const created = await createInvitation(member, input, { ...meta, origin });
    refresh();
    return created;
  },
  { permission: "manage_members" },
);

export const changeMemberRoleAction = validatedAction(
  memberParamsSchema.extend(updateMemberSchema.shape),
  async (input, { member, meta }) => {
    await changeMemberRole(member, input, meta);
    refresh();
  },
  { permission: "manage_members" },
);

export const removeMemberAction = validatedAction(
  memberParamsSchema,
  async (input, { member, meta }) => {
    await removeMember(member, input.userId, meta);
    refresh();
  },
  { permission: "manage_members" },
);

export const revokeInvitationAction = validatedAction(
  idParamsSchema,
  async (input, { member, meta }) => {
    await revokeInvitation(member, input.id, meta);
    refresh();
  },
  { permission: "manage_members" },
);

export const renameWorkspaceAction = validatedAction(
  updateWorkspaceSchema,
  async (input, { member, meta }) => {
    await updateWorkspace(member, input, meta);
    revalidatePath("/", "layout");
  },
  { permission: "manage_workspace" },
);

/** Leaving moves the browser back to its personal workspace (the cookie names one it is no longer in). */
export const leaveWorkspaceAction = validatedAction(
  z.object({}),
  async (_input, { member, meta }) => {
    await leaveWorkspace(member, meta);
    revalidatePath("/", "layout");
  },
  { permission: "read" },
);
