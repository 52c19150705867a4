"use server";

import { revalidatePath } from "next/cache";
import { ACCOUNT_OWNER, createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { validatedAction } from "@/lib/auth/validated-action";
import { createApiKeySchema, revokeApiKeySchema } from "@/schemas/api-keys";

export const createApiKeyAction = validatedAction(createApiKeySchema, async (input, { user, meta }) => {
  const created = await createApiKey(user.id, input, meta, ACCOUNT_OWNER);
  revalidatePath("/settings/api-keys");
  return created;
});

export const revokeApiKeyAction = validatedAction(revokeApiKeySchema, async (input, { user, meta }) => {
  await revokeApiKey(user.id, input.id, meta);
  revalidatePath("/settings/api-keys");
});
