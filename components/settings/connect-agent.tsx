"use client";

import { Check, Copy, TriangleAlert } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/auth/validated-action";
import { agentConfigs } from "@/lib/mcp/agent-config";
import type { CreatedApiKey } from "@/schemas/api-keys";

type Scope = "read" | "ingest" | "full";
type CreateInput = { name: string; scope: Scope };

const SCOPES: { value: Scope; label: string }[] = [
  { value: "read", label: "read — look at sessions, examples and review items" },
  { value: "ingest", label: "ingest — record itself (create sessions, append events)" },
  { value: "full", label: "full — also request examples and decide review items" },
];

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="outline"
      size="icon"
      aria-label={label}
      onClick={async () => {
        await navigator.clipboard.writeText(text);
        setCopied(true);
        toast.success("Copied");
      }}
    >
      {copied ? <Check className="size-4" /> : <Copy className="size-4" />}
    </Button>
  );
}

export function ConnectAgent({
  mcpUrl,
  action,
}: {
  mcpUrl: string;
  action: (input: CreateInput) => Promise<ActionResult<CreatedApiKey>>;
}) {
  const [result, setResult] = useState<ActionResult<CreatedApiKey>>();
  const [pending, startTransition] = useTransition();
  const created = result?.ok ? result.data : undefined;
  const configs = agentConfigs({ mcpUrl, apiKey: created?.secret ?? "<your API key>" });

  return (
    <div className="flex flex-col gap-6">
      <section className="flex flex-col gap-3" aria-labelledby="agent-url">
        <h2 id="agent-url" className="text-lg font-semibold">
          1. MCP endpoint
        </h2>
        <div className="flex gap-2">
          <Input readOnly value={mcpUrl} aria-label="MCP endpoint URL" className="font-mono text-xs" />
          <CopyButton text={mcpUrl} label="Copy endpoint URL" />
        </div>
      </section>
      <section className="flex flex-col gap-3" aria-labelledby="agent-key">
        <h2 id="agent-key" className="text-lg font-semibold">
          2. A key for the agent
        </h2>
        {created ? (
          <>
            <p
              className="flex items-start gap-2 rounded-md bg-warning-muted p-3 text-sm text-warning-muted-foreground"
              role="alert"
            >
              <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
              This {created.scope} key is shown only now and is filled into the configurations below. Revoke
              it under API keys when the agent no longer needs it.
            </p>
            <div className="flex gap-2">
              <Input
                readOnly
                value={created.secret}
                aria-label="Agent API key"
                className="font-mono text-xs"
                data-testid="agent-api-key"
              />
              <CopyButton text={created.secret} label="Copy key" />
            </div>
          </>
        ) : (
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              const scope = SCOPES.find((s) => s.value === form.get("scope"))?.value ?? "read";
              startTransition(async () =>
                setResult(await action({ name: String(form.get("name") ?? ""), scope })),
              );
            }}
          >
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="agent-key-name">Name</Label>
              <Input id="agent-key-name" name="name" required maxLength={100} defaultValue="MCP agent" />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="agent-key-scope">What may the agent do?</Label>
              <NativeSelect id="agent-key-scope" name="scope" defaultValue="read">
                {SCOPES.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <Button type="submit" disabled={pending}>
              Create key
            </Button>
            {result && !result.ok ? (
              <p role="alert" className="w-full text-sm text-danger">
                {Object.values(result.fieldErrors ?? {})[0] ?? result.error}
              </p>
            ) : null}
          </form>
        )}
      </section>
      <section className="flex flex-col gap-4" aria-labelledby="agent-configs">
        <h2 id="agent-configs" className="text-lg font-semibold">
          3. Configure your client
        </h2>
        {configs.map((config) => (
          <div key={config.client} className="flex flex-col gap-2 rounded-md border p-4">
            <div className="flex items-center justify-between gap-2">
              <div>
                <h3 className="font-medium">{config.title}</h3>
                <p className="text-sm text-muted-foreground">{config.where}</p>
              </div>
              <CopyButton text={config.text} label={`Copy ${config.title} configuration`} />
            </div>
            <pre
              className="overflow-x-auto rounded bg-muted p-3 font-mono text-xs"
              data-testid={`agent-config-${config.client}`}
            >
              {config.text}
            </pre>
          </div>
        ))}
      </section>
    </div>
  );
}
