import { chromium } from "@playwright/test";
import { startBenchServer } from "./bench-server";
import { gzipLines, nativeRecordingLines } from "./generate-native-recording";

/**
 * Opens generated sessions in the trace explorer in Chromium and prints time to first timeline paint, time until
 * every lane has its visible range loaded, the timeline requests (server time per tile p50/p95, bytes per lane),
 * the page's JS heap, and frame times while zooming and panning. Run after `npm run build`.
 */
// BENCH_EXPLORER_SIZES=100000,1000000 picks the sizes; BENCH_SIZE=reduced runs the CI size.
const sizes = process.env.BENCH_EXPLORER_SIZES
  ? process.env.BENCH_EXPLORER_SIZES.split(",").map(Number)
  : process.env.BENCH_SIZE === "reduced"
    ? [20_000]
    : [100_000, 1_000_000];

interface TimelineRequest {
  url: string;
  lane: string;
  kind: string;
  bytes: number;
  serverMs: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

/**
 * Where the first paint's time went, from the page's own performance entries (ms after navigation): the document's
 * first byte and last byte, first contentful paint, the scripts' last byte, DOMContentLoaded (the scripts ran), and
 * the first timeline tile request's start and end (the explorer has hydrated and asked for its data by then).
 * A string, evaluated in the page: tsx would wrap a function's inner helpers in a `__name` the page does not have.
 */
const paintBreakdown = `(() => {
  const [nav] = performance.getEntriesByType("navigation");
  const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime;
  const resources = performance.getEntriesByType("resource");
  const scripts = resources.filter((r) => r.initiatorType === "script");
  const tiles = resources.filter((r) => r.name.includes("/timeline/tiles"));
  const ms = (value) => (value === undefined ? "-" : value.toFixed(0));
  return [
    "TTFB " + ms(nav?.responseStart),
    "HTML " + ms(nav?.responseEnd),
    "FCP " + ms(fcp),
    "JS " + scripts.length + " files by " + ms(Math.max(0, ...scripts.map((r) => r.responseEnd))),
    "DCL " + ms(nav?.domContentLoadedEventEnd),
    "first tile " + ms(tiles[0]?.startTime) + "–" + ms(tiles[0]?.responseEnd),
  ].join(", ");
})()`;

async function main() {
  const server = await startBenchServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage({ baseURL: server.baseUrl, viewport: { width: 1440, height: 900 } });
    const email = `bench-${Date.now()}@example.com`;
    const password = "a long enough password 1";
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Bench User");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    // Sign-up never signs in (it answers a taken email the same way): sign in with the same credentials.
    await page.waitForURL((url) => url.pathname.startsWith("/sign-in"), { timeout: 60_000 });
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/dashboard"), { timeout: 60_000 });

    for (const size of sizes) {
      const body = await gzipLines(nativeRecordingLines(size));
      const created = await page.request.post("/v1/sessions", {
        multipart: {
          suite_id: "gmail",
          description: `explorer bench ${size}`,
          file: { name: "input_events.jsonl.gz", mimeType: "application/gzip", buffer: body },
        },
      });
      if (!created.ok()) throw new Error(`upload failed: ${created.status()} ${await created.text()}`);
      const { id } = (await created.json()) as { id: string };
      const processStarted = Date.now();
      for (;;) {
        const session = (await (await page.request.get(`/v1/sessions/${id}`)).json()) as {
          status: string;
          error?: string;
        };
        if (session.status === "completed") break;
        if (session.status === "failed") throw new Error(`pipeline failed: ${session.error}`);
        if (Date.now() - processStarted > 20 * 60_000)
          throw new Error("pipeline did not finish in 20 minutes");
        await new Promise((r) => setTimeout(r, 1000));
      }
      const processSeconds = (Date.now() - processStarted) / 1000;

      const requests: TimelineRequest[] = [];
      const onRequest = async (request: import("@playwright/test").Request) => {
        const url = new URL(request.url());
        const match = /\/timeline\/(summary|tiles|columns)$/.exec(url.pathname);
        if (!match) return;
        const timing = request.timing();
        const sizes = await request.sizes().catch(() => ({ responseBodySize: 0 }));
        requests.push({
          url: request.url(),
          lane: url.searchParams.get("lane") ?? "manifest",
          kind: match[1] as string,
          bytes: sizes.responseBodySize,
          // Request sent to first response byte, on localhost: the server's time for the tile.
          serverMs: timing.responseStart - timing.requestStart,
        });
      };
      page.on("requestfinished", onRequest);
      await page.goto(`/sessions/${id}`);
      await page.waitForFunction(() => window.__tracepipeFirstPaint !== undefined, undefined, {
        timeout: 300_000,
      });
      const firstPaint = await page.evaluate(() => window.__tracepipeFirstPaint ?? Number.NaN);
      const breakdown = String(await page.evaluate(paintBreakdown));
      await page.waitForFunction(() => window.__tracepipeLanesReady !== undefined, undefined, {
        timeout: 600_000,
      });
      const loaded = await page.evaluate(() => window.__tracepipeLanesReady ?? Number.NaN);
      const heapMb = async () =>
        page.evaluate(() => {
          const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
          return (memory?.usedJSHeapSize ?? 0) / 2 ** 20;
        });
      const heapAfterLoad = await heapMb();
      await page.screenshot({ path: `test-results/screenshots/explorer-bench-${size}.png` });
      const initialRequests = requests.length;

      const canvas = page.getByTestId("timeline-canvas");
      const box = await canvas.boundingBox();
      if (!box) throw new Error("timeline canvas not visible");
      await page.evaluate(() => {
        window.__tracepipeFrames = [];
      });
      await page.mouse.move(box.x + box.width / 2, box.y + 20);
      const wallStart = Date.now();
      for (let i = 0; i < 30; i++) await page.mouse.wheel(0, -120);
      for (let i = 0; i < 30; i++) {
        await page.keyboard.down("Shift");
        await page.mouse.wheel(0, 200);
        await page.keyboard.up("Shift");
      }
      for (let i = 0; i < 30; i++) await page.mouse.wheel(0, 120);
      const frames = await page.evaluate(() => window.__tracepipeFrames ?? []);
      await page.getByText("Loading the visible range…").waitFor({ state: "detached", timeout: 60_000 });
      const wall = Date.now() - wallStart;
      page.off("requestfinished", onRequest);
      const tiles = requests.filter((r) => r.kind === "tiles");
      const bytesPerLane = new Map<string, number>();
      for (const r of requests.slice(0, initialRequests))
        bytesPerLane.set(r.lane, (bytesPerLane.get(r.lane) ?? 0) + r.bytes);
      const serverMs = tiles.map((r) => r.serverMs);
      // The same tiles one at a time from Node: the server's time for one, without the page's requests queueing.
      const sequentialMs: number[] = [];
      for (const r of tiles.slice(0, 20)) {
        const started = performance.now();
        await (await page.request.get(r.url)).body();
        sequentialMs.push(performance.now() - started);
      }
      console.log(
        [
          `explorer ${size.toLocaleString()} events:`,
          `pipeline ${processSeconds.toFixed(1)} s,`,
          `first timeline paint ${firstPaint.toFixed(0)} ms after navigation (${breakdown}),`,
          `all lanes usable ${loaded.toFixed(0)} ms,`,
          `tiles ${tiles.length} (${initialRequests} requests to open), server time per tile p50 ${percentile(serverMs, 50).toFixed(1)} ms p95 ${percentile(serverMs, 95).toFixed(1)} ms (one at a time p50 ${percentile(sequentialMs, 50).toFixed(1)} ms p95 ${percentile(sequentialMs, 95).toFixed(1)} ms),`,
          `bytes to open per lane ${[...bytesPerLane].map(([lane, bytes]) => `${lane} ${(bytes / 1024).toFixed(1)} KB`).join(", ")},`,
          `JS heap ${heapAfterLoad.toFixed(1)} MB after load ${(await heapMb()).toFixed(1)} MB after zooming,`,
          `draw per frame p50 ${percentile(frames, 50).toFixed(1)} ms p95 ${percentile(frames, 95).toFixed(1)} ms max ${Math.max(...frames).toFixed(1)} ms`,
          `over ${frames.length} frames (90 wheel steps in ${wall} ms)`,
        ].join(" "),
      );
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
