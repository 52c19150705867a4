import Link from "next/link";
import type { UsageSummary } from "@/lib/usage/get-usage-summary";
import { formatBytes, formatGbHours, formatInteger } from "./format-usage";
import { StatCard } from "./stat-card";
import { TokensByModelChart } from "./tokens-by-model-chart";

const linkClass = "font-medium text-link underline-offset-2 hover:underline";

/** This month's usage: tokens by model, storage, sessions and examples, each with an honest zero state. */
export function UsageCards({ summary, canUpload = true }: { summary: UsageSummary; canUpload?: boolean }) {
  const totalTokens = summary.tokens.input + summary.tokens.output;
  return (
    <div className="flex flex-col gap-4">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard
          testId="card-tokens"
          href="/usage"
          title="Tokens used this month"
          value={formatInteger(totalTokens)}
          unit="tokens"
          note={
            totalTokens === 0 ? (
              <>No tokens used yet — the built-in tracepipe-rules-1 model is free.</>
            ) : (
              <>
                {formatInteger(summary.tokens.input)} input · {formatInteger(summary.tokens.output)} output
              </>
            )
          }
        />
        <StatCard
          testId="card-storage"
          href="/usage"
          title="Storage this month"
          value={formatGbHours(summary.storage.gbHours)}
          unit="GB × hours"
          note={
            summary.storage.currentBytes === 0 ? (
              <>Nothing stored yet. Storage is billed per GB and hour kept.</>
            ) : (
              <>
                {formatBytes(summary.storage.currentBytes)} stored now (recordings and examples), metered
                hourly
              </>
            )
          }
        />
        <StatCard
          testId="card-sessions"
          href="/usage"
          title="Sessions uploaded"
          value={formatInteger(summary.sessions.thisMonth)}
          unit="this month"
          note={
            summary.sessions.total === 0 ? (
              <>
                No sessions yet.
                {canUpload ? (
                  <>
                    {" "}
                    <Link className={linkClass} href="/upload">
                      Upload a recording
                    </Link>{" "}
                    to get started.
                  </>
                ) : null}
              </>
            ) : (
              <>{formatInteger(summary.sessions.total)} in total</>
            )
          }
        />
        <StatCard
          testId="card-examples"
          href="/usage"
          title="Examples generated"
          value={formatInteger(summary.examples.thisMonth)}
          unit="this month"
          note={
            summary.examples.total === 0 ? (
              <>No examples yet. Create one from a processed session.</>
            ) : (
              <>
                {formatInteger(summary.examples.recordsThisMonth)} training records this month ·{" "}
                {formatInteger(summary.examples.total)} in total
                {summary.examples.inFlight > 0 ? ` · ${summary.examples.inFlight} generating` : ""}
              </>
            )
          }
        />
      </div>
      {summary.tokens.byModel.length > 0 ? (
        <section aria-labelledby="tokens-by-model" className="rounded-lg border bg-card p-5">
          <h2 id="tokens-by-model" className="text-sm font-medium text-muted-foreground">
            Tokens by model this month
          </h2>
          <TokensByModelChart data={summary.tokens.byModel} />
        </section>
      ) : null}
    </div>
  );
}
