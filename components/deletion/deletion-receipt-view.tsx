import type { DeletionReceiptResponse } from "@/schemas/deletion";

const ROWS = [
  ["sessions", "Sessions"],
  ["objects", "Stored files"],
  ["bytes", "Bytes stored"],
  ["examples", "Examples"],
  ["review_items", "Review items"],
  ["api_keys", "API keys"],
  ["members", "Members"],
  ["invitations", "Invitations"],
  ["audit_entries", "Audit log entries"],
  ["stripe_subscriptions_canceled", "Subscriptions canceled"],
] as const;

/** What a deletion removed, with the signed receipt to keep (verifiable with the published keys). */
export function DeletionReceiptView({ result }: { result: DeletionReceiptResponse }) {
  const { claims } = result;
  const href = `data:application/jwt;charset=utf-8,${encodeURIComponent(result.receipt)}`;
  return (
    <section
      aria-label="Deletion receipt"
      className="flex flex-col gap-3 rounded-md border border-border p-4"
    >
      <p role="status" className="text-sm font-medium">
        Deleted on {new Date(claims.completed_at).toUTCString()}.
      </p>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
        {ROWS.map(([key, label]) => (
          <div key={key} className="contents" data-testid={`receipt-${key}`}>
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="text-right tabular-nums">{claims.removed[key].toLocaleString("en-US")}</dd>
          </div>
        ))}
      </dl>
      <label className="flex flex-col gap-1.5 text-sm">
        Signed receipt (verify it with the keys at {result.jwks_url})
        <textarea
          readOnly
          value={result.receipt}
          rows={4}
          className="w-full break-all rounded-md border border-border bg-transparent p-2 font-mono text-xs"
        />
      </label>
      <a className="text-sm underline" href={href} download={`deletion-receipt-${claims.jti}.jwt`}>
        Download receipt
      </a>
    </section>
  );
}
