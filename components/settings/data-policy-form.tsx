"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/auth/validated-action";
import type { DataPolicy, RedactionLevel } from "@/schemas/data-policy";

const LEVELS: { value: RedactionLevel; label: string; hint: string }[] = [
  {
    value: "standard",
    label: "Standard",
    hint: "Passwords, payment card numbers, secrets and tokens, one-time codes are masked.",
  },
  {
    value: "strict",
    label: "Strict",
    hint: "Also emails, phone numbers and names, replaced by placeholders (person1@example.com) that stay the same within a session.",
  },
  { value: "off", label: "Passwords only", hint: "Only password fields are removed." },
];

/** Empty means keep forever. */
const daysOf = (value: FormDataEntryValue | null) => {
  const text = String(value ?? "").trim();
  return text === "" ? null : Number(text);
};

export function DataPolicyForm({
  policy,
  action,
}: {
  policy: DataPolicy;
  action: (input: DataPolicy) => Promise<ActionResult<DataPolicy>>;
}) {
  const [result, setResult] = useState<ActionResult<DataPolicy>>();
  const [isPending, startTransition] = useTransition();
  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <form
      className="flex flex-col gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const input: DataPolicy = {
          redaction: String(form.get("redaction")) as RedactionLevel,
          retention: {
            raw_days: daysOf(form.get("raw_days")),
            derived_days: daysOf(form.get("derived_days")),
          },
        };
        startTransition(async () => {
          const outcome = await action(input);
          setResult(outcome);
          if (outcome.ok) toast.success("Data policy saved");
        });
      }}
    >
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-lg font-semibold">Redaction</legend>
        {LEVELS.map((level) => (
          <label key={level.value} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="redaction"
              value={level.value}
              defaultChecked={policy.redaction === level.value}
              className="mt-1"
            />
            <span>
              <span className="font-medium">{level.label}</span>
              <span className="block text-muted-foreground">{level.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">Retention</legend>
        <RetentionField
          name="raw_days"
          label="Keep raw recordings for (days)"
          hint="0 deletes a recording right after it is processed; empty keeps it."
          value={policy.retention.raw_days}
          error={fieldErrors["retention.raw_days"]}
        />
        <RetentionField
          name="derived_days"
          label="Keep processed layers for (days)"
          hint="The bronze, silver and gold layers behind the explorer; examples are kept. Empty keeps them."
          value={policy.retention.derived_days}
          error={fieldErrors["retention.derived_days"]}
        />
      </fieldset>
      {result && !result.ok && Object.keys(fieldErrors).length === 0 ? (
        <p role="alert" className="text-sm text-danger">
          {result.error}
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}

function RetentionField(props: {
  name: string;
  label: string;
  hint: string;
  value: number | null;
  error: string | undefined;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={props.name}>{props.label}</Label>
      <Input
        id={props.name}
        name={props.name}
        type="number"
        min={0}
        max={36500}
        step={1}
        defaultValue={props.value ?? ""}
        placeholder="Forever"
        aria-invalid={Boolean(props.error)}
        aria-describedby={`${props.name}-hint`}
        className="max-w-40"
      />
      <p id={`${props.name}-hint`} className="text-sm text-muted-foreground">
        {props.hint}
      </p>
      {props.error ? <p className="text-sm text-danger">{props.error}</p> : null}
    </div>
  );
}
