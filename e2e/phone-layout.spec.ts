import fs from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { titlelessCalendarRecording, uploadCalendarSession } from "./calendar-session";
import { screenshot, signUp } from "./signed-in-user";
import { trySample } from "./try-sample";

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

/**
 * Every page of a route group, from the files themselves: a page added later is visited without editing this
 * spec. A dynamic segment needs a value from `params` (a real id made by the test), else the spec fails naming it.
 */
function pagesOf(group: string, params: Record<string, string> = {}): string[] {
  const root = path.join(process.cwd(), "app", group);
  const routes: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else if (entry.name === "page.tsx") {
        const segments = path
          .relative(root, dir)
          .split(path.sep)
          .filter((s) => s && !/^\(.*\)$/.test(s));
        routes.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(root);
  return routes.sort().map((route) =>
    route.replace(/\[[^\]]+\]/g, (segment) => {
      const value = params[`${route.slice(0, route.indexOf(segment))}${segment}`];
      if (!value) throw new Error(`No value for ${segment} in ${route}: give this spec one for the new page`);
      return value;
    }),
  );
}

async function expectNoHorizontalOverflow(page: Page, label: string) {
  const sizes = await page.evaluate(() => {
    // The outermost elements that stick out past the right edge, to say what widens the page.
    const culprits = Array.from(document.body.querySelectorAll<HTMLElement>("*"))
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .filter(
        (el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= window.innerWidth + 1,
      )
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className.toString().slice(0, 80)}`);
    return {
      scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
      innerWidth: window.innerWidth,
      culprits,
    };
  });
  expect
    .soft(sizes.scrollWidth, `${label}: page wider than the screen (${sizes.culprits.join(" | ")})`)
    .toBeLessThanOrEqual(sizes.innerWidth);
}

/**
 * Every control in `main` can be brought on screen (scrolling the page or the box it sits in) and is not covered
 * there: what a person on a phone can reach with a finger. Returns how many were checked and the ones that cannot.
 */
function unreachableControls(page: Page) {
  return page.evaluate(() => {
    const selector =
      "main a[href], main button, main input:not([type=hidden]), main select, main textarea, main [tabindex='0']";
    const out: string[] = [];
    let checked = 0;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const before = el.getBoundingClientRect();
      if (before.width === 0 || before.height === 0 || el.closest(".sr-only")) continue;
      if (getComputedStyle(el).visibility === "hidden") continue;
      checked++;
      el.scrollIntoView({ block: "center", inline: "center" });
      const r = el.getBoundingClientRect();
      const cx = Math.min(r.left + r.width / 2, r.left + 10);
      const cy = r.top + r.height / 2;
      const onScreen = r.left >= -1 && cx <= window.innerWidth && cy >= 0 && cy <= window.innerHeight;
      const hit = onScreen ? document.elementFromPoint(cx, cy) : null;
      // scrollIntoView also scrolls boxes a finger cannot (overflow: hidden): those do not count as reachable.
      let scrolledHidden = false;
      for (let box = el.parentElement; box; box = box.parentElement) {
        const style = getComputedStyle(box);
        const hiddenX = box.scrollLeft > 0 && /hidden|clip/.test(style.overflowX);
        const hiddenY = box.scrollTop > 0 && /hidden|clip/.test(style.overflowY);
        if (hiddenX || hiddenY) scrolledHidden = true;
      }
      const reached = onScreen && !scrolledHidden && (hit === null || el.contains(hit) || hit.contains(el));
      if (!reached)
        out.push(
          `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute("aria-label") || "").slice(0, 40)}"`,
        );
    }
    window.scrollTo(0, 0);
    return { checked, unreachable: out };
  });
}

test("every page fits a 390 px phone: no sideways scrolling, navigation in a drawer, every control reachable", async ({
  page,
}) => {
  test.setTimeout(240_000);
  // An invitation link that does not exist still renders its page (it says the link is not valid).
  const authPages = pagesOf("(auth)", { "/invitations/[token]": "no-such-invitation" });
  for (const route of pagesOf("(marketing)").concat(authPages)) {
    await page.goto(route);
    await expectNoHorizontalOverflow(page, route);
  }
  // The landing page's sample output wraps inside its box instead of being cut off.
  await page.goto("/");
  const sample = page.locator("pre").first();
  expect(await sample.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

  await signUp(page, "Phil Phone");
  await expectNoHorizontalOverflow(page, "/dashboard (empty)");
  await screenshot(page, "phone-dashboard-empty");
  const { sessionId } = await trySample(page, "GitHub");
  const exampleHref = await page.getByTestId("example-row").getByRole("link").first().getAttribute("href");
  const exampleId = exampleHref?.split("/").at(-1) ?? "";

  // A key, so the key table has a row whose Revoke must be reachable; the dialog fits the screen too.
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Generate new key" }).click();
  await page.getByLabel("Name").fill("Phone key");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-api-key")).toBeVisible();
  const dialog = page.getByRole("dialog");
  await screenshot(page, "phone-new-key-dialog");
  const box = await dialog.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
  await page.getByRole("button", { name: "Done" }).click();
  const revoke = page.getByTestId("api-key-row").getByRole("button", { name: "Revoke" });
  await expect(revoke).toBeInViewport();
  const revokeBox = await revoke.boundingBox();
  expect((revokeBox?.x ?? PHONE.width) + (revokeBox?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);

  // A Calendar event without its title waits in the review queue: its item's page is a page too.
  const reviewSessionId = await uploadCalendarSession(page, titlelessCalendarRecording());
  const reviews = await (await page.request.get(`/v1/review-items?session_id=${reviewSessionId}`)).json();
  const reviewId = (reviews.data[0] as { id: string }).id;

  const pages = pagesOf("(app)", {
    "/sessions/[id]": sessionId,
    "/examples/[id]": exampleId,
    "/review/[id]": reviewId,
  });
  expect(pages).toEqual(
    expect.arrayContaining(["/dashboard", "/settings/api-keys", `/sessions/${sessionId}`]),
  );
  let firstDrawer = true;
  for (const route of pages) {
    await page.goto(route);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expectNoHorizontalOverflow(page, route);
    await screenshot(page, `phone${route.replace(/\//g, "-").slice(0, 40)}`);
    const controls = await unreachableControls(page);
    expect.soft(controls.checked, `${route}: no control found in main`).toBeGreaterThan(0);
    expect.soft(controls.unreachable, `${route}: controls out of reach`).toEqual([]);

    // The navigation: a menu button opens a drawer with every link; Escape closes it and focus returns.
    const menuButton = page.getByRole("button", { name: "Open menu" });
    await menuButton.click();
    const drawer = page.getByRole("dialog", { name: "Tracepipe" });
    const links = drawer.getByRole("navigation", { name: "Main menu" }).getByRole("link");
    await expect(links.first()).toBeVisible();
    if (firstDrawer) await screenshot(page, "phone-drawer");
    expect(await links.count()).toBeGreaterThanOrEqual(8);
    for (const link of await links.all()) await expect(link).toBeInViewport();
    if (firstDrawer) {
      // Focus stays in the drawer however far one tabs.
      for (let i = 0; i < (await links.count()) + 3; i++) await page.keyboard.press("Tab");
      expect(await drawer.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      firstDrawer = false;
    }
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
    await expect(menuButton).toBeFocused();

    // The user menu, named by the person, with theme and sign-out on screen.
    await page.getByRole("button", { name: "Phil Phone", exact: true }).click();
    await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeInViewport();
    await expect(page.getByRole("menuitemradio", { name: "Dark" })).toBeInViewport();
    await page.keyboard.press("Escape");
  }

  // A link in the drawer navigates and closes it.
  await page.getByRole("button", { name: "Open menu" }).click();
  await page.getByRole("dialog").getByRole("link", { name: "Sessions" }).click();
  await expect(page).toHaveURL(/\/sessions$/);
  await expect(page.getByRole("dialog")).toBeHidden();
});

test("on the narrowest wide screen (1024 px) the header's links fit beside the user menu", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await signUp(page, "Wanda Wide");
  await expectNoHorizontalOverflow(page, "/dashboard at 1024 px");
  await expect(page.getByRole("button", { name: "Open menu" })).toBeHidden();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const link of await nav.getByRole("link").all()) await expect(link).toBeInViewport();
  await expect(page.getByRole("button", { name: "Wanda Wide", exact: true })).toBeInViewport();
});
