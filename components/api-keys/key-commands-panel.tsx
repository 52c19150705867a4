"use client";

import { useEffect, useState } from "react";
import type { ApiKeyScope } from "@/lib/auth/principal";
import { CopyButton } from "./copy-button";
import { keyCommands } from "./key-commands";

/** Ready-to-run commands for a new key, each with a copy button. The origin is the one this page was served from. */
export function KeyCommandsPanel({ secret, scope }: { secret: string; scope: ApiKeyScope }) {
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  if (!origin) return null;
  return (
    <section aria-labelledby="key-commands" className="flex min-w-0 flex-col gap-3">
      <h3 id="key-commands" className="text-sm font-semibold">
        Try it now
      </h3>
      {keyCommands({ origin, secret, scope }).map((item) => (
        <figure key={item.title} className="flex min-w-0 flex-col gap-1" data-testid="key-command">
          <figcaption className="text-xs text-muted-foreground">{item.title}</figcaption>
          <div className="flex min-w-0 items-start gap-2">
            <pre className="min-w-0 flex-1 overflow-x-auto rounded-md bg-code p-2 text-xs text-code-foreground">
              <code>{item.command}</code>
            </pre>
            <CopyButton text={item.command} label={`Copy: ${item.title}`} toastText="Command copied" />
          </div>
        </figure>
      ))}
    </section>
  );
}
