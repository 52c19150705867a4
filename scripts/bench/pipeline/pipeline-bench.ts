/**
 * Silver and gold throughput on a generated canonical event stream (1M events; BENCH_SIZE=reduced → 100k, or a
 * number). Run: `npx tsx scripts/bench/pipeline/pipeline-bench.ts`. Prints events/s per stage, end to end, and peak RSS.
 */
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { generateExamples } from "@/lib/pipeline/examples/generate-examples";
import { goldStage } from "@/lib/pipeline/stages/gold";
import { silverStage } from "@/lib/pipeline/stages/silver";
import type { CanonicalEvent } from "@/schemas/events";
import type { Interaction } from "@/schemas/pipeline";
import { TestSession } from "@/test/helpers/test-session";
import { gmailTargets as gm } from "@/test/helpers/test-targets";

const size = process.env.BENCH_SIZE === "reduced" ? 100_000 : Number(process.env.BENCH_SIZE) || 1_000_000;

/** One Gmail session slice: a compose with typos and chips, a search, scroll and click noise (~300 events). */
function template(): CanonicalEvent[] {
  const s = new TestSession("https://mail.google.com/mail/u/0/#inbox", { step: 30 });
  s.scroll(12).click({ tag: "span", text: "Primary" }).click(gm.compose).click(gm.to);
  s.type(gm.to, "alice@example.com").commitChip(gm.to).type(gm.to, "bob@example.org").commitChip(gm.to, ",");
  s.type(gm.subject, "Quarterly numbers, revised\b\b\b\b\b\b\bfinal", "data").scroll(6);
  s.type(gm.body, "Hi both,\nthe figures are attached. Let me know what you think.\nThanks", "values").click(
    gm.send,
  );
  s.click(gm.search).type(gm.search, "from:carol invoice", "keys").press(gm.search, "Enter").scroll(20);
  return s.events;
}

function* generate(count: number): Generator<CanonicalEvent> {
  const base = template();
  const span = (base.at(-1)?.ts ?? 0) - (base[0]?.ts ?? 0) + 1000;
  for (let i = 0, round = 0; i < count; round++) {
    for (const event of base) {
      if (i++ >= count) return;
      yield { ...event, id: `${round}-${event.id}`, ts: event.ts + round * span };
    }
  }
}

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
};
const timer = setInterval(sample, 50);
const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString("en-US")} events/s`;

const catalog = getBundledCatalog();
const suite = catalog.suites.find((s) => s.slug === "gmail");
if (!suite) throw new Error("gmail suite missing from the catalog");

// CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const c0 = cpuMs();
const t0 = performance.now();
const silver = silverStage(generate(size));
const interactions: Interaction[] = [];
for await (const interaction of silver.interactions) interactions.push(interaction);
const t1 = performance.now();
const c1 = cpuMs();
// Gold sorts the interactions (tabs flush independently): that is gold's work now, as in the durable run.
const gold = await goldStage({ interactions, summary: silver.summary }, { suite });
const t2 = performance.now();
const c2 = cpuMs();
const examples = await generateExamples({
  actions: gold.actions,
  suite: "gmail",
  model: "tracepipe-rules-1",
  catalog,
  format: "openai",
});
const t3 = performance.now();
const c3 = cpuMs();
sample();
clearInterval(timer);

const lines = [
  `pipeline bench: ${size.toLocaleString("en-US")} canonical events (Gmail sessions with noise)`,
  `silver:   ${rate(size, t1 - t0)} wall, ${rate(size, c1 - c0)} CPU  (${(t1 - t0).toFixed(0)} ms → ${interactions.length.toLocaleString("en-US")} interactions)`,
  `gold:     ${rate(size, t2 - t1)} wall, ${rate(size, c2 - c1)} CPU, of input events  (${(t2 - t1).toFixed(0)} ms → ${gold.windows.length} windows, ${gold.actions.length} actions)`,
  `examples: ${(t3 - t2).toFixed(0)} ms wall, ${(c3 - c2).toFixed(0)} ms CPU → ${examples.records.length} records`,
  `end to end (silver+gold+examples): ${rate(size, t3 - t0)} wall, ${rate(size, c3 - c0)} CPU`,
  `peak RSS: ${Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024)} MB`,
];
process.stdout.write(`${lines.join("\n")}\n`);
