"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/validated-action";

/** Asks the server for a Stripe-hosted page (Checkout in setup mode, the Billing Portal) and leaves for it; the card appears once Stripe's webhook lands. */
export function StripeRedirectButton({
  action,
  label,
}: {
  action: (input: Record<string, never>) => Promise<ActionResult<{ url: string }>>;
  label: string;
}) {
  const [error, setError] = useState<string>();
  const [isPending, startTransition] = useTransition();
  return (
    <div className="flex flex-col items-start gap-2">
      <Button
        type="button"
        disabled={isPending}
        onClick={() =>
          startTransition(async () => {
            setError(undefined);
            const result = await action({});
            if (result.ok) window.location.assign(result.data.url);
            else setError(result.error);
          })
        }
      >
        {isPending ? "Opening Stripe…" : label}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
