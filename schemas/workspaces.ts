import { z } from "zod";
import { redactionLevelSchema, retentionSchema } from "./data-policy";
import { text } from "./text";

export const workspaceRoleSchema = z
  .enum(["owner", "admin", "member", "viewer"])
  .describe(
    "viewer: read; member: also upload, stream, create examples and review; admin: also manage keys, members and settings; owner: also billing and deleting the workspace",
  );
export type WorkspaceRole = z.infer<typeof workspaceRoleSchema>;

/**
 * Workspace settings. Each feature that adds a setting adds an optional field here; unknown fields are refused
 * (422), so a typo never silently does nothing.
 */
export const workspaceSettingsSchema = z
  .object({})
  .strict()
  .describe("Workspace-wide settings; each field is optional and kept when omitted from a PATCH");
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

const workspaceName = text().trim().min(1, "Name is required").max(100);

export const workspaceSchema = z.object({
  id: z.uuid(),
  name: text(),
  personal: z.boolean().describe("A user's personal workspace (its id is the user's id)"),
  role: workspaceRoleSchema.describe("The caller's role in this workspace"),
  settings: workspaceSettingsSchema,
  createdAt: z.iso.datetime(),
});
export type WorkspaceResponse = z.infer<typeof workspaceSchema>;

export const updateWorkspaceSchema = z
  .object({
    name: workspaceName.optional(),
    settings: workspaceSettingsSchema.optional(),
    redaction: redactionLevelSchema.optional(),
    retention: retentionSchema
      .partial()
      .optional()
      .describe("Days raw recordings and derived artifacts are kept (see `GET /v1/data-policy`)."),
  })
  .strict();
export type UpdateWorkspaceInput = z.infer<typeof updateWorkspaceSchema>;

export const createWorkspaceSchema = z.object({ name: workspaceName });
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceSchema>;

export const switchWorkspaceSchema = z.object({ workspaceId: z.uuid() });

export const workspaceMemberSchema = z.object({
  userId: z.uuid(),
  email: text(),
  displayName: text(),
  role: workspaceRoleSchema,
  joinedAt: z.iso.datetime(),
});
export type WorkspaceMember = z.infer<typeof workspaceMemberSchema>;

export const updateMemberSchema = z.object({ role: workspaceRoleSchema });
export type UpdateMemberInput = z.infer<typeof updateMemberSchema>;

export const memberParamsSchema = z.object({ userId: z.uuid() });

export const createInvitationSchema = z.object({
  email: z
    .email()
    .pipe(text())
    .describe("Who the invitation is for; any signed-in account can accept the link"),
  role: workspaceRoleSchema,
});
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

export const invitationSchema = z.object({
  id: z.uuid(),
  email: text(),
  role: workspaceRoleSchema,
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
});
export type InvitationSummary = z.infer<typeof invitationSchema>;

export const createdInvitationSchema = invitationSchema.extend({
  url: text().describe("The single-use link to accept the invitation. Shown exactly once: copy it now"),
  emailed: z.boolean().describe("Whether the link was also sent by email (only when SMTP is configured)"),
});
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;

export const invitationTokenSchema = z.object({ token: text().min(20).max(200) });

export const idParamsSchema = z.object({ id: z.uuid() });
