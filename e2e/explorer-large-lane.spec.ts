import { expect, test } from "@playwright/test";
import { gzipLines, nativeRecordingLines } from "../scripts/bench/generate-native-recording";
import { signUp } from "./signed-in-user";

// A 20k-event session: its pipeline and tiles share this machine with other work.
test.setTimeout(120_000);

/**
 * On a lane larger than one raw tile the browser holds only the visible range (the opening view shows the raw
 * events as density bins): an item it has not loaded is found by id in the index, zoomed to and selected.
 */
test("the explorer reaches raw events it has not loaded: an #item link and a provenance chip land on them", async ({
  page,
}) => {
  await signUp(page, "Lara Large");
  const created = await page.request.post("/v1/sessions", {
    multipart: {
      suite_id: "gmail",
      description: "Large lane",
      file: {
        name: "input_events.jsonl.gz",
        mimeType: "application/gzip",
        buffer: await gzipLines(nativeRecordingLines(20_000)),
      },
    },
  });
  expect(created.ok()).toBe(true);
  const { id } = (await created.json()) as { id: string };
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`/v1/sessions/${id}`)).json()) as { status: string }).status,
      {
        timeout: 90_000,
      },
    )
    .toBe("completed");

  // An event from the middle of the session, read from a raw leaf of the index (the deepest tile answers with it).
  const manifest = (await (await page.request.get(`/v1/sessions/${id}/timeline/summary`)).json()) as {
    version: string;
  };
  const leaf = (await (
    await page.request.get(
      `/v1/sessions/${id}/timeline/tiles?v=${manifest.version}&lane=events&level=12&tile=8388608`,
    )
  ).json()) as { kind: string; ids: string[] };
  expect(leaf.kind).toBe("items");
  const eventId = leaf.ids[Math.floor(leaf.ids.length / 2)] as string;

  // The server's picture of the opening view is on screen first, then the canvas.
  await page.goto(`/sessions/${id}#item=events:${encodeURIComponent(eventId)}`);
  const canvas = page.getByTestId("timeline-canvas");
  await expect(canvas).toHaveAttribute("data-selected-id", eventId, { timeout: 30_000 });
  await expect(canvas).toHaveAttribute("data-selected-visible", "true");
  const inspector = page.getByTestId("inspector");
  await expect(inspector).toHaveAttribute("data-item-id", eventId);

  // From an interaction (its lane is loaded whole), a chip of a raw event the opening view has not loaded.
  const interactions = (await (
    await page.request.get(
      `/v1/sessions/${id}/timeline/tiles?v=${manifest.version}&lane=interactions&level=0&tile=0`,
    )
  ).json()) as { kind: string; ids: string[] };
  expect(interactions.kind).toBe("items");
  const interactionId = interactions.ids.at(-1) as string;
  // Another page first: a hash change alone is not a new visit.
  await page.goto("/sessions");
  await page.goto(`/sessions/${id}#item=interactions:${encodeURIComponent(interactionId)}`);
  await expect(inspector).toHaveAttribute("data-item-id", interactionId, { timeout: 30_000 });
  const chip = inspector.getByTestId("provenance-sources").getByTestId("provenance-chip").first();
  await expect(chip).toBeEnabled();
  const sourceId = (await chip.getAttribute("data-item-id")) ?? "";
  expect(sourceId).not.toBe("");
  await chip.click();
  await expect(canvas).toHaveAttribute("data-selected-id", sourceId, { timeout: 30_000 });
  await expect(canvas).toHaveAttribute("data-selected-visible", "true");
  await expect(inspector).toHaveAttribute("data-item-id", sourceId);
  await expect(inspector).toContainText("Raw events");
});
