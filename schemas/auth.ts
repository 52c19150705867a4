import { z } from "zod";
import { text } from "./text";

export const emailSchema = text().trim().toLowerCase().max(254).pipe(z.email("Enter a valid email address"));

export const signInSchema = z.object({
  email: emailSchema,
  password: text().min(1, "Enter your password").max(1024),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const signUpSchema = z.object({
  displayName: text().trim().min(1, "Enter your name").max(100),
  email: emailSchema,
  password: text().min(12, "Use at least 12 characters").max(1024, "Use at most 1024 characters"),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const changePasswordSchema = z.object({
  currentPassword: text().min(1, "Enter your current password").max(1024),
  newPassword: text().min(12, "Use at least 12 characters").max(1024, "Use at most 1024 characters"),
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
