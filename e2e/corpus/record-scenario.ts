import type { Browser, BrowserContext, CDPSession, Page } from "@playwright/test";
import { describeElement, type ElementInfo } from "./describe-element";
import { CodegenJsonl, RecorderFlow } from "./flow-writers";
import { CORPUS_TIMEZONE, type Scenario, type Step } from "./scenarios";
import { serveFixtures } from "./serve-fixtures";

/**
 * Replays one scenario like a person would (typing with delays, typos fixed with Backspace, real mouse clicks) in
 * Chromium while four recorders run at once: the real rrweb recorder, Tracepipe's native in-page recorder, Chrome
 * tracing over CDP, and the step writers for the DevTools Recorder and Playwright codegen formats.
 */

export type ScenarioRecording = {
  rrweb: unknown[];
  native: string[];
  trace: Buffer;
  recorder: ReturnType<RecorderFlow["toJSON"]>;
  codegen: string;
};

const VIEWPORT = { width: 1280, height: 800 };
// DevTools' own input/navigation/screenshot categories, without the per-task ones (RunTask, loader internals)
// that made a 20-second session 15 MB.
const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.screenshot",
  "navigation",
  "blink.user_timing",
  "__metadata",
];

const START_RRWEB = `(() => {
  if (window.top !== window || !window.rrweb) return;
  window.rrweb.record({
    emit: (event) => window.__tracepipeRrweb(JSON.stringify(event)),
    maskAllInputs: false,
    maskInputOptions: { password: true },
    sampling: { mousemove: 100, scroll: 150 },
  });
})();`;

async function readTrace(cdp: CDPSession): Promise<Buffer> {
  const complete = new Promise<string>((resolve) => {
    cdp.once("Tracing.tracingComplete", (event) => resolve(event.stream ?? ""));
  });
  await cdp.send("Tracing.end");
  const handle = await complete;
  const chunks: Buffer[] = [];
  for (let i = 0; i < 100_000; i++) {
    const { data, eof, base64Encoded } = await cdp.send("IO.read", { handle, size: 1 << 20 });
    chunks.push(Buffer.from(data, base64Encoded ? "base64" : "utf8"));
    if (eof) break;
  }
  await cdp.send("IO.close", { handle });
  return Buffer.concat(chunks);
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("load").catch(() => undefined);
  await page.waitForTimeout(250);
}

async function humanType(page: Page, text: string, typo?: { at: number; wrong: string }): Promise<void> {
  const delay = 35;
  if (!typo) return page.keyboard.type(text, { delay });
  await page.keyboard.type(text.slice(0, typo.at), { delay });
  await page.keyboard.type(typo.wrong, { delay });
  await page.waitForTimeout(200);
  for (let i = 0; i < typo.wrong.length; i++) await page.keyboard.press("Backspace", { delay: 60 });
  await page.keyboard.type(text.slice(typo.at), { delay });
}

async function runStep(page: Page, step: Step, flow: RecorderFlow, codegen: CodegenJsonl): Promise<void> {
  const before = page.url();
  const navigation = async () => {
    await page.waitForTimeout(300);
    await settle(page);
    return page.url() !== before ? { url: page.url(), title: await page.title() } : undefined;
  };
  switch (step.do) {
    case "goto": {
      await page.goto(step.url);
      await settle(page);
      flow.navigate(step.url, await page.title());
      codegen.navigate(step.url);
      return;
    }
    case "click": {
      const target = page.locator(step.target).first();
      const info = await target.evaluate(describeElement);
      // Playwright's recorder retargets a label to its control and writes `check` for radios and checkboxes.
      const control = await target.evaluateHandle((el) => {
        const c = el instanceof HTMLLabelElement ? el.control : el;
        return c instanceof HTMLInputElement && (c.type === "radio" || c.type === "checkbox") ? c : null;
      });
      const controlElement = control.asElement();
      const controlInfo = controlElement ? await controlElement.evaluate(describeElement) : null;
      const box = await target.boundingBox();
      const offset = box ? { x: Math.round(box.width / 2), y: Math.round(box.height / 2) } : { x: 1, y: 1 };
      await target.click({ delay: 40 });
      const nav = await navigation();
      flow.click(info, offset, nav);
      if (controlInfo) codegen.check(controlInfo);
      else codegen.click(info, offset, nav?.url);
      return;
    }
    case "type": {
      const target = page.locator(step.target).first();
      const box = await target.boundingBox();
      await target.click({ delay: 30 });
      if (step.clear) await page.keyboard.press("Control+A");
      await humanType(page, step.text, step.typo);
      const info = await target.evaluate(describeElement);
      const offset = box ? { x: Math.round(box.width / 2), y: Math.round(box.height / 2) } : { x: 1, y: 1 };
      flow.click(info, offset);
      flow.change(info, info.value ?? step.text);
      codegen.click(info, offset);
      codegen.fill(info, info.value ?? step.text);
      return;
    }
    case "press": {
      const info: ElementInfo | null = await page
        .evaluateHandle(() => document.activeElement)
        .then((h) => h.asElement()?.evaluate(describeElement) ?? null)
        .catch(() => null);
      await page.keyboard.press(step.key, { delay: 50 });
      const nav = await navigation();
      flow.key(step.key, nav);
      codegen.press(info && info.tag !== "body" ? info : null, step.key, nav?.url);
      return;
    }
    case "scroll": {
      await page.mouse.move(640, 400);
      await page.mouse.wheel(0, step.dy);
      await page.waitForTimeout(400);
      const pos = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
      flow.scroll(pos.x, pos.y);
      return;
    }
    case "pause":
      await page.waitForTimeout(step.ms);
      return;
  }
}

export async function recordScenario(
  browser: Browser,
  scenario: Scenario,
  rrwebBundle: string,
  nativeRecorder: string,
): Promise<ScenarioRecording> {
  const context: BrowserContext = await browser.newContext({
    viewport: VIEWPORT,
    timezoneId: scenario.timezone ?? CORPUS_TIMEZONE,
    locale: "en-US",
  });
  const rrweb: unknown[] = [];
  const native: string[] = [];
  await serveFixtures(context, scenario.pages);
  await context.exposeBinding("__tracepipeRrweb", (_source, json: string) => {
    rrweb.push(JSON.parse(json));
  });
  await context.exposeBinding("__tracepipeEmit", (_source, line: string) => {
    native.push(line);
  });
  // tsx (esbuild keepNames) wraps functions passed to evaluate() in `__name(…)`; give the page a no-op.
  await context.addInitScript({ content: "globalThis.__name ??= (fn) => fn;" });
  await context.addInitScript({ content: rrwebBundle });
  await context.addInitScript({ content: START_RRWEB });
  await context.addInitScript({ content: nativeRecorder });

  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Tracing.start", {
    transferMode: "ReturnAsStream",
    traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: "recordAsMuchAsPossible" },
  });

  const flow = new RecorderFlow(`Tracepipe corpus: ${scenario.name}`, VIEWPORT);
  const codegen = new CodegenJsonl(VIEWPORT);
  for (const step of scenario.steps) {
    await runStep(page, step, flow, codegen);
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(600);
  const trace = await readTrace(cdp);
  await cdp.detach();
  await context.close();
  return { rrweb, native, trace, recorder: flow.toJSON(), codegen: codegen.toJsonl() };
}
