"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedAction } from "@/lib/auth/validated-action";
import { deleteExample } from "@/lib/examples/delete-example";
import { uuidParamSchema } from "@/schemas/common";

export const deleteExampleAction = validatedAction(
  z.object({ id: uuidParamSchema }),
  async ({ id }, { member, meta }) => {
    await deleteExample({ workspaceId: member.workspaceId, actorId: member.userId, exampleId: id, meta });
    redirect("/examples");
  },
  { permission: "delete_data" },
);
