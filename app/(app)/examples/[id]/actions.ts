"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedAction } from "@/lib/auth/validated-action";
import { deleteExample } from "@/lib/examples/delete-example";
import { uuidParamSchema } from "@/schemas/common";

export const deleteExampleAction = validatedAction(
  z.object({ id: uuidParamSchema }),
  async ({ id }, { user, meta }) => {
    await deleteExample({ userId: user.id, exampleId: id, meta });
    redirect("/examples");
  },
);
