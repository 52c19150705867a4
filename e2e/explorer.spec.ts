import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { TIMELINE_LABEL_WIDTH, TIMELINE_LANE_HEIGHT } from "@/lib/explorer/timeline-hit-test";
import { signUp } from "./signed-in-user";
import { trySample } from "./try-sample";

// The sample's pipeline, its lanes and the explorer's first paint share this machine with other work.
test.setTimeout(120_000);

/**
 * Moves the pointer along a lane until the tooltip names an item containing `text`, as a person hunting for a
 * marker would; returns the point, so a click lands on the marker itself (its real, drawn hit area).
 */
async function findMarker(page: Page, canvas: Locator, laneIndex: number, text: string) {
  const box = await canvas.boundingBox();
  if (!box) throw new Error("The timeline canvas has no box");
  const y = box.y + laneIndex * TIMELINE_LANE_HEIGHT + TIMELINE_LANE_HEIGHT / 2;
  const tooltip = page.getByTestId("timeline-tooltip");
  // Steps of 4 px: every marker is at least 6 px wide, so none is stepped over.
  for (let x = box.x + TIMELINE_LABEL_WIDTH + 1; x < box.x + box.width; x += 4) {
    await page.mouse.move(x, y);
    if ((await tooltip.count()) > 0 && (await tooltip.textContent())?.includes(text)) return { x, y };
  }
  throw new Error(`No marker with “${text}” in lane ${laneIndex}`);
}

test("the explorer: argument values, provenance chips to the source event, keys, live search, list view", async ({
  page,
}) => {
  await signUp(page, "Eve Explorer");
  await trySample(page, "Gmail");
  const canvas = page.getByTestId("timeline-canvas");
  await expect(canvas).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Loading the visible range…")).toHaveCount(0, { timeout: 30_000 });

  // A time axis with readable relative times, and the pipeline's steps in plain words.
  const ticks = page.getByTestId("timeline-axis").locator("span");
  expect(await ticks.count()).toBeGreaterThan(3);
  await expect(page.getByTestId("timeline-axis")).toContainText(/\d+(\.\d+)? s|\d+:\d\d/);
  const pipeline = page.getByTestId("pipeline-run");
  await expect(pipeline).toContainText("Events checked");
  await expect(pipeline).not.toContainText(/bronze|silver|gold/i);

  // Hover a tool call: the tooltip says what and when; click it: the inspector shows its argument values.
  const point = await findMarker(page, canvas, 0, "send_email");
  const tooltip = page.getByTestId("timeline-tooltip");
  await expect(tooltip).toContainText("Tool calls");
  await expect(tooltip).toContainText(/at .*(ms|s) · /);
  await page.mouse.click(point.x, point.y);
  await expect(canvas).toHaveAttribute("data-selected-id", /^call:/);
  const inspector = page.getByTestId("inspector");
  const args = inspector.getByTestId("inspector-arguments");
  await expect(args).toContainText("alan@example.org");
  await expect(args).toContainText("Re: quarterly review");
  await expect(args).toContainText("Thursday at 10 works for me.");

  // Provenance: the call's action and the keystrokes behind it, a few at first, all on request.
  const sources = inspector.getByTestId("provenance-sources");
  const chips = sources.getByTestId("provenance-chip");
  await expect(chips).toHaveCount(6);
  await sources.getByRole("button", { name: /^Show all \d+$/ }).click();
  expect(await chips.count()).toBeGreaterThan(6);
  const eventChip = chips.filter({ hasText: /^Raw events/ }).first();
  const eventId = (await eventChip.getAttribute("data-item-id")) ?? "";
  expect(eventId).not.toBe("");
  await eventChip.click();
  // Landed on the source event: selected on the timeline, in view, and in the inspector.
  await expect(canvas).toHaveAttribute("data-selected-id", eventId);
  await expect(canvas).toHaveAttribute("data-selected-visible", "true");
  await expect(inspector).toHaveAttribute("data-item-id", eventId);
  await expect(inspector).toContainText("Raw events");
  await expect(inspector.getByTestId("inspector-details")).toBeVisible();
  // …and it says what it is part of, up to the tool call.
  await expect(inspector.getByTestId("provenance-part-of")).toContainText("Tool calls");

  // Keyboard: Tab reaches the timeline; arrows select; ? opens the key sheet; Enter opens the inspector.
  await page.keyboard.press("Escape");
  await expect(canvas).toHaveAttribute("data-selected", "");
  const timeline = page.getByRole("application", { name: /Session timeline/ });
  await page.getByRole("searchbox", { name: "Search the timeline" }).focus();
  for (let i = 0; i < 60 && !(await timeline.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(timeline).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(canvas).toHaveAttribute("data-selected", "toolCalls:0");
  await page.keyboard.press("?");
  const sheet = page.getByRole("dialog", { name: "Explorer keyboard shortcuts" });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText("Open the selected item in the inspector");
  await page.keyboard.press("Escape");
  await expect(sheet).toHaveCount(0);
  await expect(timeline).toBeFocused();
  await page.keyboard.press("ArrowRight");
  // + and − zoom around the selection: the axis ticks change with the span they show.
  const axis = page.getByTestId("timeline-axis");
  const before = (await axis.textContent()) ?? "";
  await page.keyboard.press("+");
  await expect(axis).not.toHaveText(before);
  const zoomedIn = (await axis.textContent()) ?? "";
  await page.keyboard.press("-");
  await expect(axis).not.toHaveText(zoomedIn);
  const selectedId = (await canvas.getAttribute("data-selected-id")) ?? "";
  await page.keyboard.press("Enter");
  await expect(inspector).toBeFocused();
  await expect(inspector).toHaveAttribute("data-item-id", selectedId);

  // Search highlights while typing, before any Enter, and leaves the selection alone.
  await page.getByRole("searchbox", { name: "Search the timeline" }).pressSequentially("quarterly");
  await expect(page.getByTestId("search-matches")).toContainText(/[1-9]\d* matches/);
  expect(Number(await canvas.getAttribute("data-matches"))).toBeGreaterThan(0);
  await expect(canvas).toHaveAttribute("data-selected-id", selectedId);

  // The list view: tool call → action → interactions → events; a selection is shared both ways.
  await page.getByRole("button", { name: "List", exact: true }).click();
  const list = page.getByTestId("explorer-list");
  await expect(list.locator('[aria-current="true"]')).toBeVisible();
  const callRow = page
    .getByTestId("explorer-list-row")
    .filter({ hasText: "Tool call" })
    .filter({ hasText: "send_email" });
  await callRow.getByRole("button", { name: /^Expand tool call/ }).click();
  await expect(
    page.getByTestId("explorer-list-row").filter({ has: page.getByText("Action", { exact: true }) }),
  ).not.toHaveCount(0);
  await callRow.getByRole("button", { name: /Tool call.*send_email/ }).click();
  await expect(inspector.getByTestId("inspector-arguments")).toContainText("alan@example.org");
  const callId = (await inspector.getAttribute("data-item-id")) ?? "";

  // The list by keyboard, as a tree view: ↓ steps into the open tool call, Enter selects, ← goes back to the
  // parent and then closes it.
  const focusedRowKey = () =>
    page.evaluate(() => document.activeElement?.closest("[data-item-key]")?.getAttribute("data-item-key"));
  await callRow.getByRole("button", { name: /Tool call.*send_email/ }).focus();
  const callKey = await focusedRowKey();
  await page.keyboard.press("ArrowDown");
  await expect.poll(focusedRowKey).toMatch(/^actions:/);
  const actionKey = (await focusedRowKey()) ?? "";
  await page.keyboard.press("Enter");
  await expect(inspector).toHaveAttribute("data-item-id", actionKey.replace(/^actions:/, ""));
  await page.keyboard.press("ArrowLeft");
  await expect.poll(focusedRowKey).toBe(callKey);
  await page.keyboard.press("ArrowLeft");
  await expect(callRow.getByRole("button", { name: /^Expand tool call/ })).toBeVisible();
  await expect(list.locator(`[data-item-key="${actionKey}"]`)).toHaveCount(0);
  await callRow.getByRole("button", { name: /Tool call.*send_email/ }).click();
  await page.getByRole("button", { name: "Timeline", exact: true }).click();
  await expect(canvas).toHaveAttribute("data-selected-id", callId);

  // Accessible: no axe violations in the explorer, with an item selected and the search active.
  const results = await new AxeBuilder({ page })
    .include("section[aria-labelledby=explorer-heading]")
    .analyze();
  const failures = results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
  expect(failures).toEqual([]);
});
