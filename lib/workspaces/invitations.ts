import { getDb } from "@/db/client";
import {
  acceptInvitationRow,
  findInvitationByTokenHash,
  findOpenInvitation,
  insertInvitation,
  listOpenInvitations,
  revokeInvitationRow,
} from "@/db/queries/workspace-invitations";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError, forbidden } from "@/lib/errors";
import { childLogger } from "@/lib/logger";
import type { CreatedInvitation, CreateInvitationInput, InvitationSummary } from "@/schemas/workspaces";
import { roleAtMost } from "./policy";
import { requireFound } from "./require-found";

const log = childLogger("workspaces.invitations");

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

type Caller = Pick<Principal, "userId" | "workspaceId" | "role">;

const toSummary = (row: {
  id: string;
  email: string;
  role: InvitationSummary["role"];
  expiresAt: Date;
  createdAt: Date;
}) => ({
  id: row.id,
  email: row.email,
  role: row.role,
  expiresAt: row.expiresAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
});

async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return Buffer.from(digest).toString("hex");
}

/**
 * Creates a single-use invitation and returns its link, shown once to copy. This product has no mailer (no SMTP
 * settings), so the link is never emailed: `emailed` says so, and the admin sends it themselves.
 */
export async function createInvitation(
  caller: Caller,
  input: CreateInvitationInput,
  meta: RequestMeta & { origin: string },
  now = new Date(),
): Promise<CreatedInvitation> {
  if (!roleAtMost(input.role, caller.role))
    throw forbidden(`Your role is '${caller.role}'; you cannot invite someone as '${input.role}'`);
  const token = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
  const row = await insertInvitation(await getDb(), {
    workspaceId: caller.workspaceId,
    email: input.email,
    role: input.role,
    tokenHash: await hashToken(token),
    invitedBy: caller.userId,
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
  });
  await recordAuditEvent("workspace.invitation_created", caller, meta, {
    workspaceId: caller.workspaceId,
    invitationId: row.id,
    role: row.role,
  });
  log.info({ workspaceId: caller.workspaceId, invitationId: row.id }, "invitation created");
  return { ...toSummary(row), url: `${meta.origin}/invitations/${token}`, emailed: false };
}

export async function listInvitations(workspaceId: string, now = new Date()): Promise<InvitationSummary[]> {
  return (await listOpenInvitations(await getDb(), workspaceId, now)).map(toSummary);
}

export async function getInvitation(workspaceId: string, id: string): Promise<InvitationSummary> {
  return toSummary(requireFound(await findOpenInvitation(await getDb(), { workspaceId, id }), "Invitation"));
}

export async function revokeInvitation(caller: Caller, id: string, meta: RequestMeta) {
  const db = await getDb();
  requireFound(await findOpenInvitation(db, { workspaceId: caller.workspaceId, id }), "Invitation");
  if (!(await revokeInvitationRow(db, { workspaceId: caller.workspaceId, id, now: new Date() })))
    requireFound(undefined, "Invitation");
  await recordAuditEvent("workspace.invitation_revoked", caller, meta, {
    workspaceId: caller.workspaceId,
    invitationId: id,
  });
}

export type InvitationPreview =
  | { state: "open"; workspaceName: string; role: InvitationSummary["role"]; email: string }
  | { state: "used" | "expired" | "unknown" };

/** What the invitation page shows before anyone accepts: never the token's hash, never a reason beyond its state. */
export async function previewInvitation(token: string, now = new Date()): Promise<InvitationPreview> {
  const row = await findInvitationByTokenHash(await getDb(), await hashToken(token));
  if (!row || row.revokedAt) return { state: "unknown" };
  if (row.acceptedAt) return { state: "used" };
  if (row.expiresAt <= now) return { state: "expired" };
  return { state: "open", workspaceName: row.workspaceName, role: row.role, email: row.email };
}

/** The signed-in user joins; the link is consumed in the same transaction, so it works once. */
export async function acceptInvitation(userId: string, token: string, meta: RequestMeta, now = new Date()) {
  const accepted = await acceptInvitationRow(await getDb(), {
    tokenHash: await hashToken(token),
    userId,
    now,
  });
  if (!accepted)
    throw new AppError({
      code: "conflict",
      message: "This invitation was already used, revoked or has expired",
    });
  await recordAuditEvent("workspace.invitation_accepted", { userId }, meta, {
    workspaceId: accepted.workspaceId,
    invitationId: accepted.id,
    role: accepted.role,
    joined: accepted.added,
  });
  return { workspaceId: accepted.workspaceId };
}
