import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { THEME_STORAGE_KEY } from "@/components/theme/theme-preference";
import { createExamples, uploadRecording, waitForExamplesSettled } from "./example-data";
import { signUp } from "./signed-in-user";

declare global {
  interface Window {
    /** The theme <html> had when the parser first inserted <body>: before any paint, before any bundle ran. */
    __themeAtFirstBody?: "dark" | "light";
  }
}

// The operating system says light throughout: dark can only come from the person's choice.
test.use({ colorScheme: "light" });

const isDark = (page: Page) => page.evaluate(() => document.documentElement.classList.contains("dark"));

async function recordThemeAtFirstBody(page: Page) {
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.body) return;
      window.__themeAtFirstBody = document.documentElement.classList.contains("dark") ? "dark" : "light";
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

/** Relative luminance (WCAG) of any CSS colour, resolved by the browser through a 1×1 canvas. */
const luminanceOf = (page: Page, color: string) =>
  page.evaluate((css) => {
    const ctx = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3), (v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }, color);

/** Screenshot plus axe's colour-contrast rule over the whole page (WCAG AA: 4.5:1 text, 3:1 large text). */
async function checkPage(page: Page, theme: "dark" | "light", name: string) {
  expect(await isDark(page), `${name} is ${theme}`).toBe(theme === "dark");
  await page.screenshot({ path: `test-results/screenshots/${theme}-${name}.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
  const failures = results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${node.target.join(" ")} — ${node.any[0]?.message ?? node.failureSummary}`,
    ),
  );
  expect(failures, `${theme} ${name}: contrast failures`).toEqual([]);
  // The main text itself, computed here too: the body's colour on the body's background.
  const { color, background } = await page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return { color: style.color, background: style.backgroundColor };
  });
  const [fg, bg] = [await luminanceOf(page, color), await luminanceOf(page, background)];
  const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  expect(ratio, `${theme} ${name}: body text contrast`).toBeGreaterThan(7);
  expect(bg < 0.05, `${theme} ${name}: dark background`).toBe(theme === "dark");
}

async function chooseThemeInMenu(page: Page, label: "Light" | "Dark" | "System") {
  await page.getByRole("button", { name: "Dora Dark", exact: true }).click();
  await page.getByRole("menuitemradio", { name: label }).click();
  await expect(page.getByRole("menuitemradio", { name: label })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("Escape");
}

/** Brightness of the first lane's label text on the explorer canvas (the most opaque pixel of its ink). */
const canvasLabelInk = (page: Page) =>
  page.getByTestId("timeline-canvas").evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
    const dpr = window.devicePixelRatio || 1;
    const { data } = ctx.getImageData(0, 0, Math.floor(100 * dpr), Math.floor(36 * dpr));
    let alpha = 0;
    let brightness = 0;
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i + 3] as number) > alpha) {
        alpha = data[i + 3] as number;
        brightness = ((data[i] as number) + (data[i + 1] as number) + (data[i + 2] as number)) / (3 * 255);
      }
    }
    return brightness;
  });

interface AppPage {
  name: string;
  path: string;
  ready: (page: Page) => Promise<void>;
}

function appPages(sessionId: string, exampleId: string): AppPage[] {
  const heading = (name: string | RegExp) => async (page: Page) =>
    expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return [
    { name: "dashboard", path: "/dashboard", ready: heading(/Welcome/) },
    {
      name: "sessions",
      path: "/sessions",
      ready: async (page) => expect(page.getByRole("link", { name: "Email about lunch" })).toBeVisible(),
    },
    {
      name: "session",
      path: `/sessions/${sessionId}`,
      ready: async (page) => {
        await expect(page.getByTestId("timeline-canvas")).toBeVisible();
        await expect(page.getByText("Loading the visible range…")).toHaveCount(0);
        await expect(page.getByTestId("example-row")).toHaveCount(1);
      },
    },
    {
      name: "examples",
      path: "/examples",
      ready: async (page) => expect(page.getByTestId("example-row")).toHaveCount(1),
    },
    {
      name: "example",
      path: `/examples/${exampleId}`,
      ready: async (page) => expect(page.getByTestId("preview-record").first()).toBeVisible(),
    },
    { name: "example-new-picker", path: "/examples/new", ready: heading("New example") },
    {
      name: "example-new",
      path: `/examples/new?session=${sessionId}`,
      ready: async (page) => expect(page.getByRole("form", { name: "Create an example" })).toBeVisible(),
    },
    {
      name: "upload",
      path: "/upload",
      ready: async (page) => expect(page.getByLabel("Suite").locator("option")).toHaveCount(4),
    },
    { name: "api-keys", path: "/settings/api-keys", ready: heading("API keys") },
    { name: "agents", path: "/settings/agents", ready: heading("Connect an agent") },
    { name: "billing", path: "/settings/billing", ready: heading("Billing") },
    { name: "security", path: "/settings/security", ready: heading("Security") },
    { name: "not-found", path: "/no-such-page", ready: heading("This page does not exist") },
  ];
}

const PUBLIC_PAGES: AppPage[] = [
  {
    name: "landing",
    path: "/",
    ready: async (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible(),
  },
  {
    name: "guide",
    path: "/guide",
    // The drawings come in a light and a dark version: the one shown matches the theme.
    ready: async (p) =>
      expect(p.getByRole("img", { name: /Recorder panel/ })).toHaveAttribute(
        "src",
        (await isDark(p)) ? /recorder-dark\.svg/ : /recorder\.svg/,
      ),
  },
  { name: "sign-in", path: "/sign-in", ready: async (p) => expect(p.getByLabel("Email")).toBeVisible() },
  { name: "sign-up", path: "/sign-up", ready: async (p) => expect(p.getByLabel("Email")).toBeVisible() },
];

test("dark mode: chosen once, kept across reloads and pages with no light flash, every page reads well", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const reactErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /hydrat|script tag|Minified React/i.test(message.text())) {
      reactErrors.push(message.text());
    }
  });
  await recordThemeAtFirstBody(page);

  // Nothing chosen and the system is light: light. The marketing header's control switches to dark at once.
  await page.goto("/");
  expect(await isDark(page)).toBe(false);
  const themeGroup = page.getByRole("group", { name: "Theme" });
  await expect(themeGroup.getByRole("radio", { name: "System" })).toBeChecked();
  await themeGroup.getByTitle("Dark").click();
  await expect(themeGroup.getByRole("radio", { name: "Dark" })).toBeChecked();
  expect(await isDark(page)).toBe(true);
  expect(await page.evaluate((key) => localStorage.getItem(key), THEME_STORAGE_KEY)).toBe("dark");

  // Reload: dark before the body exists, i.e. before first paint and before hydration.
  await page.reload();
  expect(await page.evaluate(() => window.__themeAtFirstBody)).toBe("dark");
  await expect(themeGroup.getByRole("radio", { name: "Dark" })).toBeChecked();
  // The first response carries the script that decides, in <head>, ahead of the body.
  const html = await (await page.request.get("/")).text();
  expect(html.indexOf(THEME_STORAGE_KEY)).toBeGreaterThan(0);
  expect(html.indexOf(THEME_STORAGE_KEY)).toBeLessThan(html.indexOf("<body"));
  // And it needs no bundle: with every script file blocked the page still renders dark.
  await page.route(/\/_next\/static\/.*\.js$/, (route) => route.abort());
  await page.reload();
  expect(await isDark(page)).toBe(true);
  expect(
    await luminanceOf(page, await page.evaluate(() => getComputedStyle(document.body).backgroundColor)),
  ).toBeLessThan(0.05);
  await page.unrouteAll();

  for (const target of PUBLIC_PAGES) {
    await page.goto(target.path);
    await target.ready(page);
    expect(await page.evaluate(() => window.__themeAtFirstBody), target.name).toBe("dark");
    await checkPage(page, "dark", target.name);
  }

  // Signed in, the choice is still dark; data for every page: a processed session with one example.
  await signUp(page, "Dora Dark");
  expect(await isDark(page)).toBe(true);
  const sessionId = await uploadRecording(page, {
    suite: "gmail",
    recording: "gmail-compose-send",
    description: "Email about lunch",
  });
  const [exampleId] = await createExamples(page, sessionId);
  await waitForExamplesSettled(page, 1);
  const pages = appPages(sessionId, exampleId as string);

  for (const target of pages) {
    await page.goto(target.path);
    await target.ready(page);
    expect(await page.evaluate(() => window.__themeAtFirstBody), target.name).toBe("dark");
    await checkPage(page, "dark", target.name);
  }

  // The menu with its theme control, and the API key dialogs.
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Dora Dark", exact: true }).click();
  await expect(page.getByRole("menuitemradio", { name: "Dark" })).toHaveAttribute("aria-checked", "true");
  await checkPage(page, "dark", "user-menu");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Generate new key" }).click();
  await page.getByLabel("Name").fill("Dark CI");
  await checkPage(page, "dark", "api-key-dialog");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-api-key")).toBeVisible();
  await checkPage(page, "dark", "api-key-created");
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Revoke" }).click();
  await checkPage(page, "dark", "api-key-revoke");
  await page.keyboard.press("Escape");

  // The explorer's canvas takes its colours from the theme and repaints when it changes, without a reload.
  await page.goto(`/sessions/${sessionId}`);
  await pages[2]?.ready(page);
  await expect.poll(() => canvasLabelInk(page)).toBeGreaterThan(0.5);
  await chooseThemeInMenu(page, "Light");
  expect(await isDark(page)).toBe(false);
  await expect.poll(() => canvasLabelInk(page)).toBeLessThan(0.45);
  await chooseThemeInMenu(page, "Dark");
  await expect.poll(() => canvasLabelInk(page)).toBeGreaterThan(0.5);

  expect(reactErrors).toEqual([]);

  // An error inside the app shell: a response the list cannot render reaches the error boundary.
  await page.goto("/examples");
  await page.route(/\/v1\/examples\?/, (route) =>
    route.fulfill({ json: { data: [null], has_more: false, next_cursor: null } }),
  );
  await page.getByLabel("Suite").selectOption({ label: "GitHub" });
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
  await checkPage(page, "dark", "error");
  await page.unrouteAll();

  // The light theme keeps its contrast too (the same tokens, the other block).
  await chooseThemeInMenu(page, "Light");
  for (const target of pages) {
    await page.goto(target.path);
    await target.ready(page);
    expect(await page.evaluate(() => window.__themeAtFirstBody), target.name).toBe("light");
    await checkPage(page, "light", target.name);
  }
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Dora Dark", exact: true }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/dashboard"));
  for (const target of PUBLIC_PAGES) {
    await page.goto(target.path);
    await target.ready(page);
    await checkPage(page, "light", target.name);
  }
});

test("with no choice the theme follows the operating system, live, and a choice follows to other tabs", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/guide");
  expect(await isDark(page)).toBe(true);
  const themeGroup = page.getByRole("group", { name: "Theme" });
  await expect(themeGroup.getByRole("radio", { name: "System" })).toBeChecked();
  await page.emulateMedia({ colorScheme: "light" });
  await expect.poll(() => isDark(page)).toBe(false);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(() => isDark(page)).toBe(true);

  // An explicit choice wins over the system.
  await themeGroup.getByTitle("Light").click();
  expect(await isDark(page)).toBe(false);
  await page.emulateMedia({ colorScheme: "light" });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  expect(await isDark(page)).toBe(false);

  // Another tab of the same browser follows a change made here.
  const other = await page.context().newPage();
  await other.emulateMedia({ colorScheme: "dark" });
  await other.goto("/");
  expect(await isDark(other)).toBe(false);
  await themeGroup.getByTitle("Dark").click();
  await expect.poll(() => isDark(other)).toBe(true);
  await expect(
    other.getByRole("group", { name: "Theme" }).getByRole("radio", { name: "Dark" }),
  ).toBeChecked();
  await themeGroup.getByTitle("System").click();
  await expect.poll(() => isDark(other)).toBe(true);
  await other.close();
});
