"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/validated-action";

export function EntraSignInButton({
  callbackUrl,
  action,
}: {
  callbackUrl?: string;
  action: (input: { callbackUrl?: string }) => Promise<ActionResult<unknown>>;
}) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-2">
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await action({ callbackUrl });
            if (!result.ok) setError(result.error);
          })
        }
      >
        Sign in with Microsoft
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
