"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/validated-action";

export function AcceptInvitationButton({
  token,
  action,
}: {
  token: string;
  action: (input: { token: string }) => Promise<ActionResult<void>>;
}) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-2">
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await action({ token });
            if (!result.ok) setError(result.error);
          })
        }
      >
        Accept invitation
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
