"use client";

import { forwardRef, useId, useImperativeHandle, useMemo, useRef } from "react";
import type { CatalogTool } from "@/schemas/catalog";
import { browserArgumentErrors } from "./browser-argument-errors";
import { type FormField, type FormValues, fieldsOf, toArguments } from "./schema-form-fields";

const control =
  "w-full rounded-md border bg-card px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-brand-500";

export interface ToolCallFormHandle {
  /** Focuses the first field with an error, else the first field. */
  focusFirst: () => void;
}

/** The arguments the form holds and their schema errors by argument name, recomputed on every keystroke. */
export function useToolCallState(tool: CatalogTool, values: FormValues, timeZone: string | null) {
  const fields = useMemo(() => fieldsOf(tool.input_schema), [tool]);
  return useMemo(() => {
    const args = toArguments(fields, values, timeZone);
    const errors = new Map<string, string>();
    for (const error of browserArgumentErrors(tool, args)) {
      const name = error.path.split(".")[0] ?? "";
      if (!errors.has(name)) errors.set(name, error.message);
    }
    return { fields, args, errors };
  }, [fields, tool, values, timeZone]);
}

function friendlyError(field: FormField, message: string, timeZone: string | null): string {
  if (field.kind === "datetime" && /format/.test(message))
    return timeZone
      ? "Use YYYY-MM-DD HH:MM (or a full date-time with offset)"
      : "The session's zone is unknown: give an offset, e.g. 2026-12-02 14:30-05:00";
  if (/required property/.test(message)) return "Required";
  return message;
}

/**
 * The proposed tool call as a form generated from the tool's JSON Schema, validated while typing. Ctrl/⌘+Enter
 * in a field accepts; Escape leaves the field so the queue's keys work again.
 */
export const ToolCallForm = forwardRef<
  ToolCallFormHandle,
  {
    tool: CatalogTool;
    values: FormValues;
    timeZone: string | null;
    isReadOnly?: boolean;
    onChange: (values: FormValues) => void;
    onSubmit: () => void;
  }
>(function ToolCallForm({ tool, values, timeZone, isReadOnly, onChange, onSubmit }, ref) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const { fields, args, errors } = useToolCallState(tool, values, timeZone);
  useImperativeHandle(ref, () => ({
    focusFirst: () => {
      const firstInvalid = fields.find((f) => errors.has(f.name)) ?? fields[0];
      const element = firstInvalid && formRef.current?.elements.namedItem(firstInvalid.name);
      if (element instanceof HTMLElement) element.focus();
    },
  }));
  const set = (name: string, value: string | boolean) => onChange({ ...values, [name]: value });
  return (
    <form
      ref={formRef}
      aria-label={`Arguments of ${tool.name}`}
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          onSubmit();
        } else if (event.key === "Escape") {
          (event.target as HTMLElement).blur();
        }
      }}
    >
      {fields.map((field) => {
        const inputId = `${id}-${field.name}`;
        const error = errors.get(field.name);
        const describedBy = `${inputId}-note`;
        const common = {
          id: inputId,
          name: field.name,
          disabled: isReadOnly,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy,
          className: `${control} ${error ? "border-danger" : "border-input"}`,
        };
        const value = values[field.name];
        const text = typeof value === "string" ? value : "";
        return (
          <div key={field.name} className="flex flex-col gap-1">
            <label htmlFor={inputId} className="text-xs font-medium">
              {field.name}
              {field.isRequired ? <span className="text-muted-foreground"> (required)</span> : null}
            </label>
            {field.kind === "boolean" ? (
              <input
                {...common}
                className="h-4 w-4"
                type="checkbox"
                checked={value === true}
                onChange={(e) => set(field.name, e.target.checked)}
              />
            ) : field.kind === "enum" ? (
              <select {...common} value={text} onChange={(e) => set(field.name, e.target.value)}>
                <option value="">—</option>
                {field.options?.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            ) : field.kind === "multiline" ? (
              <textarea {...common} rows={3} value={text} onChange={(e) => set(field.name, e.target.value)} />
            ) : (
              <input
                {...common}
                type="text"
                inputMode={field.kind === "integer" ? "numeric" : undefined}
                autoComplete="off"
                value={text}
                onChange={(e) => set(field.name, e.target.value)}
              />
            )}
            <p id={describedBy} className={`text-xs ${error ? "text-danger" : "text-muted-foreground"}`}>
              {error
                ? friendlyError(field, error, timeZone)
                : field.kind === "datetime" && typeof args[field.name] === "string"
                  ? `→ ${String(args[field.name])}${timeZone ? ` (${timeZone})` : ""}`
                  : field.hint}
            </p>
          </div>
        );
      })}
    </form>
  );
});
