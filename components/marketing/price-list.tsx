import {
  FREE_MODEL_SLUG,
  HOURS_PER_MONTH,
  STORAGE_PRICE_PER_GB_HOUR,
  TOKEN_PRICES,
} from "@/lib/billing/prices";

/**
 * The landing page's prices, read from the price list Stripe is synced from and the Billing page reconciles
 * against, so the page cannot drift from the invoice. `freeStorageGbMonths` is the server's free allowance.
 */
export function PriceList({ freeStorageGbMonths }: { freeStorageGbMonths: number }) {
  const rows = [
    { item: FREE_MODEL_SLUG, price: "free", note: "The built-in rules model: runs offline, no card needed." },
    ...Object.entries(TOKEN_PRICES).map(([slug, price]) => ({
      item: slug,
      price: `$${price.inputPerMillion} / 1M input · $${price.outputPerMillion} / 1M output tokens`,
      note: "An LLM model: needs a card on file.",
    })),
    {
      item: "Storage",
      price: `$${STORAGE_PRICE_PER_GB_HOUR} per GB-hour (about $${(Number(STORAGE_PRICE_PER_GB_HOUR) * HOURS_PER_MONTH).toFixed(3)} per GB a month)`,
      note: `Recordings and examples kept. The first ${freeStorageGbMonths} GB-month each month is free.`,
    },
  ];
  return (
    <div className="w-full max-w-3xl overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Prices in US dollars</caption>
        <thead className="border-b">
          <tr>
            <th className="py-2 pr-4 font-medium">What</th>
            <th className="py-2 pr-4 font-medium">Price</th>
            <th className="py-2 font-medium">Note</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.item} className="border-b" data-testid="price-row">
              <td className="py-2 pr-4 font-medium">
                <code>{row.item}</code>
              </td>
              <td className="py-2 pr-4 tabular-nums">{row.price}</td>
              <td className="py-2 text-muted-foreground">{row.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
