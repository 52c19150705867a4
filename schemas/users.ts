import { z } from "zod";

export const currentUserSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.email(),
  createdAt: z.iso.datetime(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;
