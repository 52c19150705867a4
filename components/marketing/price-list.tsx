import { STORAGE_PRICE_PER_GB_HOUR, TOKEN_PRICES } from "@/lib/billing/prices";

const HOURS_PER_MONTH = 730;

const usd = (amount: number) =>
  amount === 0
    ? "free"
    : new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 4 }).format(
        amount,
      );

/** The landing page's prices, read from the price list the Billing page and the Stripe meters use. */
export function PriceList() {
  const models = Object.entries(TOKEN_PRICES);
  return (
    <div className="w-full max-w-3xl overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Prices in US dollars</caption>
        <thead className="border-b">
          <tr>
            <th className="py-2 pr-4 font-medium">What</th>
            <th className="py-2 pr-4 font-medium">Input tokens</th>
            <th className="py-2 font-medium">Output tokens</th>
          </tr>
        </thead>
        <tbody>
          {models.map(([slug, price]) => (
            <tr key={slug} className="border-b" data-testid="price-row">
              <td className="py-2 pr-4 font-medium">
                <code>{slug}</code>
                {price.inputPerMillion === 0 && price.outputPerMillion === 0 ? (
                  <span className="ml-2 text-xs text-muted-foreground">built in, runs offline</span>
                ) : null}
              </td>
              <td className="py-2 pr-4 tabular-nums">
                {usd(price.inputPerMillion)}
                {price.inputPerMillion > 0 ? " / 1M" : ""}
              </td>
              <td className="py-2 tabular-nums">
                {usd(price.outputPerMillion)}
                {price.outputPerMillion > 0 ? " / 1M" : ""}
              </td>
            </tr>
          ))}
          <tr className="border-b" data-testid="price-row">
            <td className="py-2 pr-4 font-medium">Storage</td>
            <td className="py-2 tabular-nums" colSpan={2}>
              {usd(STORAGE_PRICE_PER_GB_HOUR)} per GB-hour (about{" "}
              {usd(STORAGE_PRICE_PER_GB_HOUR * HOURS_PER_MONTH)} per GB a month) of recordings and examples
              kept
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
