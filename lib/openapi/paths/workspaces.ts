import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { deletionReceiptResponseSchema } from "@/schemas/deletion";
import {
  createdInvitationSchema,
  createInvitationSchema,
  invitationSchema,
  updateMemberSchema,
  updateWorkspaceSchema,
  workspaceMemberSchema,
  workspaceSchema,
} from "@/schemas/workspaces";
import { authenticated, json, problems } from "../responses";

const Workspace = workspaceSchema.meta({ id: "Workspace" });
const Member = workspaceMemberSchema.meta({ id: "WorkspaceMember" });
const Invitation = invitationSchema.meta({ id: "WorkspaceInvitation" });
const userIdParams = z.object({ userId: z.uuid() });
const idParams = z.object({ id: z.uuid() });

export const workspacePaths: ZodOpenApiPathsObject = {
  "/v1/workspace": {
    get: {
      tags: ["Workspace"],
      summary: "The caller's workspace",
      description:
        "The workspace the credential acts in (an API key's own; a browser's current one), with the caller's role.",
      security: authenticated,
      responses: { "200": json(Workspace, "The workspace."), ...problems(403) },
    },
    patch: {
      tags: ["Workspace"],
      summary: "Rename the workspace or change its settings",
      description: "Admins and owners. Omitted fields stay as they are; unknown settings are refused.",
      security: authenticated,
      requestBody: { content: { "application/json": { schema: updateWorkspaceSchema } } },
      responses: { "200": json(Workspace, "The updated workspace."), ...problems(400, 403, 422) },
    },
    delete: {
      tags: ["Workspace"],
      summary: "Delete the workspace",
      description:
        "Owners, with a full-scope credential. Cancels the workspace's Stripe subscription, deletes every stored object of its sessions and examples and every row it owns (sessions, examples, review items, keys, members, invitations, usage, its audit chain), and answers when done with a deletion receipt: a JWT signed with EdDSA whose keys are published at `/.well-known/jwks.json`. The request is recorded in the owner's personal audit log. A personal workspace is deleted only with its account (409). Safe to repeat after an interrupted request.",
      security: authenticated,
      responses: {
        "200": json(
          deletionReceiptResponseSchema.meta({ id: "DeletionReceipt" }),
          "What was removed, signed.",
        ),
        ...problems(403, 409),
      },
    },
  },
  "/v1/workspace/members": {
    get: {
      tags: ["Workspace"],
      summary: "List the workspace's members",
      security: authenticated,
      responses: {
        "200": json(z.object({ data: z.array(Member) }), "Members, oldest first."),
        ...problems(403),
      },
    },
  },
  "/v1/workspace/members/{userId}": {
    patch: {
      tags: ["Workspace"],
      summary: "Change a member's role",
      description:
        "Admins and owners; only an owner changes or makes owners. The last owner cannot be demoted (409).",
      security: authenticated,
      requestParams: { path: userIdParams },
      requestBody: { content: { "application/json": { schema: updateMemberSchema } } },
      responses: {
        "200": json(z.object({ userId: z.uuid(), role: updateMemberSchema.shape.role }), "The new role."),
        ...problems(403, 404, 409, 422),
      },
    },
    delete: {
      tags: ["Workspace"],
      summary: "Remove a member",
      description:
        "Admins and owners. The last owner cannot be removed (409). The member's API keys of this workspace stop working.",
      security: authenticated,
      requestParams: { path: userIdParams },
      responses: { "204": { description: "Removed." }, ...problems(403, 404, 409) },
    },
  },
  "/v1/workspace/leave": {
    post: {
      tags: ["Workspace"],
      summary: "Leave the workspace",
      description:
        "Any member. The last owner cannot leave, nor can anyone leave their personal workspace (409).",
      security: authenticated,
      responses: { "204": { description: "Left." }, ...problems(403, 409) },
    },
  },
  "/v1/workspace/invitations": {
    get: {
      tags: ["Workspace"],
      summary: "List open invitations",
      security: authenticated,
      responses: {
        "200": json(z.object({ data: z.array(Invitation) }), "Open invitations."),
        ...problems(403),
      },
    },
    post: {
      tags: ["Workspace"],
      summary: "Invite someone",
      description:
        "Admins and owners, for a role no higher than their own. Answers a single-use link that expires in 7 days, shown once; it is emailed only when the server has a mailer.",
      security: authenticated,
      requestBody: { content: { "application/json": { schema: createInvitationSchema } } },
      responses: {
        "201": json(
          createdInvitationSchema.meta({ id: "CreatedWorkspaceInvitation" }),
          "The invitation and its link.",
        ),
        ...problems(400, 403, 422),
      },
    },
  },
  "/v1/workspace/invitations/{id}": {
    get: {
      tags: ["Workspace"],
      summary: "An open invitation",
      security: authenticated,
      requestParams: { path: idParams },
      responses: { "200": json(Invitation, "The invitation."), ...problems(403, 404) },
    },
    delete: {
      tags: ["Workspace"],
      summary: "Revoke an invitation",
      security: authenticated,
      requestParams: { path: idParams },
      responses: { "204": { description: "Revoked: the link no longer works." }, ...problems(403, 404) },
    },
  },
};
