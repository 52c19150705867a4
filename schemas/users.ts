import { z } from "zod";
import { text } from "./text";

export const currentUserSchema = z.object({
  id: z.uuid(),
  displayName: text(),
  email: z.email(),
  createdAt: z.iso.datetime(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;
