"use server";

import { revalidatePath } from "next/cache";
import { ACCOUNT_OWNER, createApiKey } from "@/lib/api-keys/create-api-key";
import { validatedAction } from "@/lib/auth/validated-action";
import { createApiKeySchema } from "@/schemas/api-keys";

/** A key for an agent, created like any other (audited, shown once); the page then fills it into the configs. */
export const createAgentKeyAction = validatedAction(
  createApiKeySchema,
  async (input, { member, meta }) => {
    const created = await createApiKey(member, input, meta, ACCOUNT_OWNER);
    revalidatePath("/settings/api-keys");
    return created;
  },
  { permission: "manage_keys" },
);
