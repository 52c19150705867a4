import { type Database, getDb } from "@/db/client";
import { findUserPasswordHash, type UserRow } from "@/db/queries/users";
import {
  countApiKeysOfUser,
  deleteUserRow,
  findSuccessorOwner,
  listMembershipsForErasure,
  reassignCreatedRows,
} from "@/db/queries/workspace-deletion";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyPassword } from "@/lib/auth/password";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { forgetSignInFailures, takeSignInAttempt } from "@/lib/auth/sign-in-throttle";
import { AppError } from "@/lib/errors";
import type { DeleteAccountInput, DeletionReceiptResponse } from "@/schemas/deletion";
import { addCounts, emptyCounts, signDeletionReceipt } from "./deletion-receipt";
import { eraseWorkspace } from "./erase-workspace";

type Membership = Awaited<ReturnType<typeof listMembershipsForErasure>>[number];

/** A local account proves it is its owner again; checked through the sign-in throttle, like a password change. */
async function assertPasswordAgain(user: UserRow, password: string | undefined, meta: RequestMeta) {
  const hash = await findUserPasswordHash(await getDb(), user.id);
  // Accounts that sign in only through Entra ID have no password; their fresh session is the proof.
  if (!hash) return;
  const attempt = await takeSignInAttempt(user.email, meta);
  if (!attempt.allowed)
    throw new AppError({ code: "rate_limited", message: "Too many attempts. Wait a minute and try again." });
  if (!password || !(await verifyPassword(password, hash)))
    throw new AppError({
      code: "unauthorized",
      message: "The password is not right.",
      extensions: { errors: [{ field: "password", code: "invalid", message: "The password is not right." }] },
    });
  await forgetSignInFailures(user.email);
}

/** 409 naming every team workspace that would be left without an owner while it still has members. */
function assertNotLastOwner(memberships: Membership[]) {
  const blocking = memberships.filter(
    (m) => !m.personal && m.role === "owner" && m.otherOwners === 0 && m.otherMembers > 0,
  );
  if (blocking.length === 0) return;
  const names = blocking.map((m) => m.name).join(", ");
  throw new AppError({
    code: "conflict",
    message: `You are the last owner of ${names}, which has other members. Make another member owner, or delete the workspace, first.`,
    extensions: { workspaces: blocking.map((m) => ({ id: m.workspaceId, name: m.name })) },
  });
}

/**
 * Leaves a team workspace for good, inside the erasure's transaction: what the user created there stays the
 * team's and is handed to its longest-standing other owner (those rows would otherwise cascade away with the
 * user), and the erasure is recorded in the workspace's audit log.
 */
async function leaveForErasure(tx: Database, user: UserRow, m: Membership, meta: RequestMeta) {
  const successor = await findSuccessorOwner(tx, { workspaceId: m.workspaceId, userId: user.id });
  if (!successor)
    throw new AppError({ code: "conflict", message: `${m.name} has no other owner; try again.` });
  const reassigned = await reassignCreatedRows(tx, {
    workspaceId: m.workspaceId,
    fromUserId: user.id,
    toUserId: successor,
  });
  await recordAuditEvent(
    {
      type: "user.erased",
      workspaceId: m.workspaceId,
      actor: { type: "user", id: user.id },
      target: { type: "user", id: user.id },
      before: { role: m.role },
      metadata: { reassignedTo: successor, rowsReassigned: reassigned },
    },
    meta,
    tx,
  );
}

/**
 * GDPR erasure: after the password is entered again, deletes the user's personal workspace and every team
 * workspace they are the only member of (each as `eraseWorkspace` does), leaves the other team workspaces
 * (recorded in each one's log), and deletes the user row, which ends their sign-in sessions and API keys.
 * Refused (409) while they are the last owner of a team workspace that has other members.
 */
export async function eraseAccount(
  user: UserRow,
  input: Pick<DeleteAccountInput, "password">,
  meta: RequestMeta,
): Promise<DeletionReceiptResponse> {
  await assertPasswordAgain(user, input.password, meta);
  const memberships = await listMembershipsForErasure(await getDb(), user.id);
  assertNotLastOwner(memberships);
  const alone = memberships.filter((m) => !m.personal && m.otherMembers === 0);
  const left = memberships.filter((m) => !m.personal && m.otherMembers > 0);
  let removed = emptyCounts();
  const deleted: string[] = [];
  for (const m of alone) {
    const erased = await eraseWorkspace(m.workspaceId);
    if (erased) {
      removed = addCounts(removed, erased.counts);
      deleted.push(m.workspaceId);
    }
  }
  let keysOfLeftWorkspaces = 0;
  const personal = await eraseWorkspace(user.id, async (tx) => {
    for (const m of left) await leaveForErasure(tx, user, m, meta);
    keysOfLeftWorkspaces = await countApiKeysOfUser(tx, user.id);
    await deleteUserRow(tx, user.id);
  });
  if (personal) {
    removed = addCounts(removed, personal.counts);
    deleted.push(user.id);
  }
  removed.api_keys += keysOfLeftWorkspaces;
  return signDeletionReceipt({
    sub: `user:${user.id}`,
    kind: "account",
    user_id: user.id,
    workspace_ids: deleted,
    requested_by: user.id,
    memberships_removed: memberships.length,
    removed,
    completed_at: new Date().toISOString(),
  });
}
