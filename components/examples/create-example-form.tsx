"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { ApiRequestError, fetchApi } from "@/lib/api/fetch-api";
import type { ExampleFormOptions } from "@/lib/examples/get-example-form-options";

const FORMATS = [
  { value: "openai", label: "OpenAI chat (messages + tool_calls)" },
  { value: "anthropic", label: "Anthropic messages (tool_use blocks)" },
  { value: "sharegpt", label: "ShareGPT / Hermes (<tool_call> tags)" },
  { value: "gemini", label: "Gemini contents (functionCall parts)" },
] as const;

const control =
  "h-9 w-full rounded-md border border-input bg-card px-2 text-sm focus-visible:outline-2 focus-visible:outline-brand-500 disabled:opacity-60";
const hint = "text-xs text-muted-foreground";

/**
 * Creates an example from one session with `POST /v1/examples` and opens it. `options` comes from
 * `getExampleFormOptions(suiteId)` on the server (it knows whether an LLM gateway is configured).
 */
export function CreateExampleForm({
  sessionId,
  suiteId,
  options,
}: {
  sessionId: string;
  suiteId: string;
  options: ExampleFormOptions;
}) {
  const id = useId();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const [modelId, setModelId] = useState(options.defaultModelId);
  const [temperature, setTemperature] = useState(0.2);
  const selectedModel = options.models.find((m) => m.id === modelId);
  const isRulesModel = modelId === options.defaultModelId;

  function submit(form: FormData) {
    setError(undefined);
    const body = {
      session_id: sessionId,
      model_id: modelId,
      action_tool_map_id: String(form.get("action_tool_map_id")),
      model_configuration: {
        format: String(form.get("format")),
        multi_step: form.get("multi_step") === "on",
        ...(isRulesModel ? {} : { temperature }),
      },
    };
    startTransition(async () => {
      try {
        const example = await fetchApi<{ id: string }>("/v1/examples", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        toast.success("Example queued — generating now");
        router.push(`/examples/${example.id}`);
      } catch (caught) {
        const message =
          caught instanceof ApiRequestError ? caught.message : "Could not reach Tracepipe; try again.";
        setError(message);
      }
    });
  }

  return (
    <form
      aria-label="Create an example"
      data-suite-id={suiteId}
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        submit(new FormData(event.currentTarget));
      }}
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-model`}>Model</Label>
          <select
            id={`${id}-model`}
            name="model_id"
            className={control}
            value={modelId}
            onChange={(e) => setModelId(e.target.value)}
            aria-describedby={`${id}-model-hint`}
          >
            {options.models.map((m) => (
              <option key={m.id} value={m.id} disabled={!m.isAvailable}>
                {m.slug}
                {m.isAvailable ? "" : " (needs an LLM gateway)"}
              </option>
            ))}
          </select>
          <p id={`${id}-model-hint`} className={hint}>
            {selectedModel?.description}
            {options.isLlmGatewayConfigured
              ? ""
              : " LLM models are unavailable: no LLM gateway is configured (LLM_BASE_URL)."}
          </p>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-map`}>Action-tool map</Label>
          <select id={`${id}-map`} name="action_tool_map_id" className={control} required>
            {options.maps.map((m) => (
              <option key={m.id} value={m.id}>
                {m.slug}
              </option>
            ))}
          </select>
          <p className={hint}>Which MCP server's tools the recorded actions become.</p>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-temperature`}>
            Temperature <span className="tabular-nums">{temperature.toFixed(1)}</span>
          </Label>
          <input
            id={`${id}-temperature`}
            type="range"
            min={0}
            max={2}
            step={0.1}
            value={temperature}
            disabled={isRulesModel}
            onChange={(e) => setTemperature(Number(e.target.value))}
            aria-describedby={`${id}-temperature-hint`}
            className="accent-brand-600 disabled:opacity-50"
          />
          <p id={`${id}-temperature-hint`} className={hint}>
            {isRulesModel
              ? "tracepipe-rules-1 is deterministic; temperature applies to LLM models."
              : "0 is most literal, 2 most varied instructions."}
          </p>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-format`}>Output format</Label>
          <select id={`${id}-format`} name="format" className={control} defaultValue="openai">
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="flex items-start gap-2">
        <input
          id={`${id}-multi`}
          name="multi_step"
          type="checkbox"
          className="mt-0.5 size-4 accent-brand-600"
          aria-describedby={`${id}-multi-hint`}
        />
        <div>
          <Label htmlFor={`${id}-multi`}>Multi-step</Label>
          <p id={`${id}-multi-hint`} className={hint}>
            One record per session with every tool call in order, instead of one record per action.
          </p>
        </div>
      </div>
      {error ? (
        <p role="alert" className="rounded-md bg-danger-muted px-3 py-2 text-sm text-danger-muted-foreground">
          {error}
          {error.includes("/settings/billing") ? (
            <>
              {" "}
              <Link className="font-medium underline" href="/settings/billing">
                Open Billing
              </Link>
            </>
          ) : null}
          {/no_records|0 records/.test(error) && error.includes("/review?session=") ? (
            <>
              {" "}
              <Link className="font-medium underline" href={`/review?session=${sessionId}`}>
                Open the review queue
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={pending || options.maps.length === 0}>
          {pending ? "Creating…" : "Create example"}
        </Button>
      </div>
    </form>
  );
}
