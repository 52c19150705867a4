"use server";

import { redirect } from "next/navigation";
import { validatedAction } from "@/lib/auth/validated-action";
import { acceptInvitation } from "@/lib/workspaces/invitations";
import { switchWorkspace } from "@/lib/workspaces/switch-workspace";
import { invitationTokenSchema } from "@/schemas/workspaces";

/** The signed-in user joins the workspace, which becomes the browser's current one. */
export const acceptInvitationAction = validatedAction(
  invitationTokenSchema,
  async (input, { user, meta }) => {
    const { workspaceId } = await acceptInvitation(user.id, input.token, meta);
    await switchWorkspace(user.id, workspaceId);
    redirect("/dashboard");
  },
  { account: true },
);
