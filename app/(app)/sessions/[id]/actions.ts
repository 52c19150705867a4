"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedAction } from "@/lib/auth/validated-action";
import { deleteSession } from "@/lib/sessions/delete-session";
import { uuidParamSchema } from "@/schemas/common";

export const deleteSessionAction = validatedAction(
  z.object({ id: uuidParamSchema }),
  async ({ id }, { member, meta }) => {
    await deleteSession(member, id, meta);
    redirect("/sessions?deleted=1");
  },
  { permission: "delete_data" },
);
