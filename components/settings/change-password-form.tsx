"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/auth/validated-action";

const FIELDS = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  {
    name: "newPassword",
    label: "New password (12+ characters, hard to guess)",
    autoComplete: "new-password",
  },
] as const;

export function ChangePasswordForm({
  action,
}: {
  action: (input: { currentPassword: string; newPassword: string }) => Promise<ActionResult<unknown>>;
}) {
  const [result, setResult] = useState<ActionResult<unknown>>();
  const [isPending, startTransition] = useTransition();
  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const input = {
          currentPassword: String(form.get("currentPassword") ?? ""),
          newPassword: String(form.get("newPassword") ?? ""),
        };
        startTransition(async () => setResult(await action(input)));
      }}
    >
      {FIELDS.map((field) => (
        <div className="flex flex-col gap-1.5" key={field.name}>
          <Label htmlFor={field.name}>{field.label}</Label>
          <Input
            id={field.name}
            name={field.name}
            type="password"
            autoComplete={field.autoComplete}
            required
            aria-invalid={Boolean(fieldErrors[field.name])}
          />
          {fieldErrors[field.name] ? <p className="text-sm text-danger">{fieldErrors[field.name]}</p> : null}
        </div>
      ))}
      {result && !result.ok && Object.keys(fieldErrors).length === 0 ? (
        <p role="alert" className="text-sm text-danger">
          {result.error}
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Changing…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
