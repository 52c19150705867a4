import { getDb } from "@/db/client";
import {
  findUserByEntraId,
  findUserCredentialsByEmail,
  insertUser,
  setUserEntraId,
  type UserRow,
} from "@/db/queries/users";

export interface EntraIdentity {
  tenantId: string;
  objectId: string;
  email?: string | null;
  name?: string | null;
}

/**
 * The user behind an Entra identity, keyed by (tid, oid) — the stable ids Entra guarantees, unlike email. A first
 * sign-in creates the user, or links an existing account that has the same email.
 */
export async function findOrCreateEntraUser(
  identity: EntraIdentity,
): Promise<{ user: UserRow; created: boolean }> {
  const db = await getDb();
  const existing = await findUserByEntraId(db, identity.tenantId, identity.objectId);
  if (existing) return { user: existing, created: false };
  const email = identity.email?.trim() || `${identity.objectId}@${identity.tenantId}.entra`;
  const sameEmail = identity.email ? await findUserCredentialsByEmail(db, email) : undefined;
  if (sameEmail) {
    await setUserEntraId(db, sameEmail.id, identity.tenantId, identity.objectId);
    const { passwordHash: _omit, ...user } = sameEmail;
    return { user, created: false };
  }
  const user = await insertUser(db, {
    email,
    displayName: identity.name?.trim() || email.split("@")[0] || "Entra user",
    entraTenantId: identity.tenantId,
    entraObjectId: identity.objectId,
  });
  return { user, created: true };
}
