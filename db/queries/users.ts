import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { users } from "../schema";

const publicColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  createdAt: users.createdAt,
};

export type UserRow = { id: string; email: string; displayName: string; createdAt: Date };

export async function findUserById(db: Database, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select(publicColumns).from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** Emails are unique case-insensitively (the users_email_key index is on lower(email)). */
export async function findUserCredentialsByEmail(db: Database, email: string) {
  const [row] = await db
    .select({ ...publicColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return row;
}

export async function findUserByEntraId(db: Database, tenantId: string, objectId: string) {
  const [row] = await db
    .select(publicColumns)
    .from(users)
    .where(and(eq(users.entraTenantId, tenantId), eq(users.entraObjectId, objectId)))
    .limit(1);
  return row;
}

export async function insertUser(
  db: Database,
  values: {
    email: string;
    displayName: string;
    passwordHash?: string | null;
    entraTenantId?: string;
    entraObjectId?: string;
  },
): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning(publicColumns);
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Links an existing (e.g. local) account to its Entra identity on first OIDC sign-in with the same email. */
export async function setUserEntraId(db: Database, id: string, tenantId: string, objectId: string) {
  await db
    .update(users)
    .set({ entraTenantId: tenantId, entraObjectId: objectId, updatedAt: new Date() })
    .where(eq(users.id, id));
}

export async function findUserPasswordHash(db: Database, id: string): Promise<string | null | undefined> {
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row?.passwordHash;
}

export async function setUserPasswordHash(db: Database, id: string, passwordHash: string) {
  await db.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, id));
}
