"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/auth/validated-action";

interface Field {
  name: "displayName" | "email" | "password";
  label: string;
  type: string;
  autoComplete: string;
}

const FIELDS: Record<"sign-in" | "sign-up", Field[]> = {
  "sign-in": [
    { name: "email", label: "Email", type: "email", autoComplete: "email" },
    { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
  ],
  "sign-up": [
    { name: "displayName", label: "Name", type: "text", autoComplete: "name" },
    { name: "email", label: "Email", type: "email", autoComplete: "email" },
    { name: "password", label: "Password (12+ characters)", type: "password", autoComplete: "new-password" },
  ],
};

type CredentialsFormInput = { displayName: string; email: string; password: string; callbackUrl?: string };

export function CredentialsForm({
  mode,
  callbackUrl,
  action,
}: {
  mode: "sign-in" | "sign-up";
  callbackUrl?: string;
  /** Sign-in ignores displayName (zod strips unknown keys). */
  action: (input: CredentialsFormInput) => Promise<ActionResult<unknown>>;
}) {
  const [result, setResult] = useState<ActionResult<unknown>>();
  const [pending, startTransition] = useTransition();
  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const read = (name: string) => String(form.get(name) ?? "");
        const input = {
          displayName: read("displayName"),
          email: read("email"),
          password: read("password"),
          callbackUrl,
        };
        startTransition(async () => setResult(await action(input)));
      }}
    >
      {FIELDS[mode].map((field) => (
        <div className="flex flex-col gap-1.5" key={field.name}>
          <Label htmlFor={field.name}>{field.label}</Label>
          <Input
            id={field.name}
            name={field.name}
            type={field.type}
            autoComplete={field.autoComplete}
            required
            aria-invalid={Boolean(fieldErrors[field.name])}
          />
          {fieldErrors[field.name] ? <p className="text-sm text-danger">{fieldErrors[field.name]}</p> : null}
        </div>
      ))}
      {result && !result.ok ? (
        <p role="alert" className="text-sm text-danger">
          {result.error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {mode === "sign-in" ? "Sign in" : "Create account"}
      </Button>
    </form>
  );
}
