"use server";

import { revalidatePath } from "next/cache";
import { ACCOUNT_OWNER, createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { validatedAction } from "@/lib/auth/validated-action";
import { createApiKeySchema, revokeApiKeySchema } from "@/schemas/api-keys";

export const createApiKeyAction = validatedAction(
  createApiKeySchema,
  async (input, { member, meta }) => {
    const created = await createApiKey(member, input, meta, ACCOUNT_OWNER);
    revalidatePath("/settings/api-keys");
    return created;
  },
  { permission: "manage_keys" },
);

export const revokeApiKeyAction = validatedAction(
  revokeApiKeySchema,
  async (input, { member, meta }) => {
    await revokeApiKey(member, input.id, meta);
    revalidatePath("/settings/api-keys");
  },
  { permission: "manage_keys" },
);
