"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/validated-action";

export function SignOutEverywhereButton({
  action,
}: {
  action: (input: Record<string, never>) => Promise<ActionResult<unknown>>;
}) {
  const [error, setError] = useState<string>();
  const [isPending, startTransition] = useTransition();
  return (
    <div className="flex flex-col items-start gap-2">
      <Button
        type="button"
        variant="outline"
        disabled={isPending}
        onClick={() =>
          startTransition(async () => {
            const result = await action({});
            if (!result.ok) setError(result.error);
          })
        }
      >
        {isPending ? "Signing out…" : "Sign out everywhere"}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
