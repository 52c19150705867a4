import { ShieldCheck } from "lucide-react";

const KIND_LABELS: Record<string, string> = {
  password: "password",
  card: "card number",
  secret: "secret",
  otp: "one-time code",
  email: "email",
  phone: "phone number",
  name: "name",
};

/** Where redaction happened: which kinds were replaced, never the value. */
export function RedactionMarker({ kinds }: { kinds: readonly string[] }) {
  const label = `Redacted: ${kinds.map((k) => KIND_LABELS[k] ?? k).join(", ")}`;
  return (
    <span
      className="ml-2 inline-flex items-center gap-1 rounded-full bg-muted px-2 py-0.5 text-xs text-muted-foreground"
      title={label}
      data-testid="redaction-marker"
    >
      <ShieldCheck aria-hidden className="size-3" />
      {label}
    </span>
  );
}
