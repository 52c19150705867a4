import Link from "next/link";
import { connection } from "next/server";
import { PipelineDiagram } from "@/components/marketing/pipeline-diagram";
import { PriceList } from "@/components/marketing/price-list";
import { SampleRecord } from "@/components/marketing/sample-record";
import { getEnv } from "@/lib/env";

const features = [
  {
    title: "Real recordings, four formats",
    body: "Upload rrweb streams, Chrome DevTools Recorder flows, Chrome traces or our own input_events.jsonl — or stream events from your recorder with an API key.",
  },
  {
    title: "Actions, not clicks",
    body: "Keystrokes become typed values, clicks become intents, and intents become catalog actions with parameters — Send vs. Save & close, Save vs. Cancel.",
  },
  {
    title: "MCP tool calls you can train on",
    body: "Every action maps to a real MCP tool with arguments validated against its JSON Schema. Export OpenAI, Anthropic, ShareGPT or Gemini formats.",
  },
  {
    title: "A trace explorer",
    body: "See raw events, interactions, actions and tool calls on one timeline, with confidence and provenance for every item.",
  },
  {
    title: "Durable pipeline",
    body: "Each stage is a retried, resumable step. Nothing you upload is lost when something fails halfway.",
  },
  {
    title: "Private by default",
    body: "Password fields never leave the importer in clear, masked values never become parameters, and your data is only ever yours.",
  },
];

export default async function LandingPage() {
  // The free allowance is the server's setting (TRACEPIPE_FREE_STORAGE_GB_MONTHS), read per request.
  await connection();
  return (
    <main>
      <section className="mx-auto flex max-w-6xl flex-col gap-8 px-6 py-20 lg:flex-row lg:items-center">
        <div className="flex min-w-0 flex-1 flex-col gap-6">
          <h1 className="text-4xl font-semibold tracking-tight sm:text-5xl">
            Recordings in. Tool-call training data out.
          </h1>
          <p className="max-w-xl text-lg text-muted-foreground">
            Tracepipe turns recordings of people using Gmail, Google Calendar and GitHub into JSONL
            fine-tuning examples where every action they took is the right MCP tool call with the right
            arguments — and nothing they did not do.
          </p>
          <div className="flex flex-wrap gap-3">
            <Link
              className="rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700"
              href="/sign-up"
            >
              Get started
            </Link>
            <Link className="rounded-md border border-input px-5 py-2.5 font-medium" href="/sign-in">
              Log in
            </Link>
          </div>
        </div>
        {/* min-w-0: a flex item otherwise grows to its widest line, and the code would widen the page. */}
        <div className="min-w-0 flex-1">
          <SampleRecord />
        </div>
      </section>

      <section className="mx-auto max-w-6xl px-6 pb-16">
        <h2 className="mb-6 text-2xl font-semibold">How it works</h2>
        <PipelineDiagram />
      </section>

      <section className="mx-auto max-w-6xl px-6 pb-16">
        <h2 className="mb-6 text-2xl font-semibold">Features</h2>
        <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {features.map((feature) => (
            <div key={feature.title} className="rounded-lg border p-5">
              <h3 className="font-semibold">{feature.title}</h3>
              <p className="mt-2 text-sm text-muted-foreground">{feature.body}</p>
            </div>
          ))}
        </div>
      </section>

      <section className="mx-auto max-w-6xl px-6 pb-24" aria-labelledby="pricing">
        <h2 id="pricing" className="mb-2 text-2xl font-semibold">
          Pricing: usage-based, no plans
        </h2>
        <p className="mb-6 text-muted-foreground">
          You pay for model tokens and for storage over time. That is all. Prices in US dollars.
        </p>
        <PriceList freeStorageGbMonths={getEnv().TRACEPIPE_FREE_STORAGE_GB_MONTHS} />
        <p className="mt-4 max-w-3xl text-sm text-muted-foreground">
          Tokens are those of the model you choose for an example; the built-in model uses none. No
          subscription, no seats: add a card and pay for what you use. Delete a session and its storage cost
          stops.
        </p>
      </section>
    </main>
  );
}
