/** Money and quantities on the billing pages: cents as dollars, tokens whole, GB-hours to 3 decimals. */
export const usdFromCents = (cents: number) =>
  (cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD" });

export const formatQuantity = (value: number, unit: "tokens" | "GB-hours") =>
  `${value.toLocaleString("en-US", { maximumFractionDigits: unit === "GB-hours" ? 3 : 0 })} ${unit}`;

export const formatDay = (iso: string) =>
  new Date(iso).toLocaleDateString("en-US", {
    month: "short",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });
