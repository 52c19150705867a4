import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

/**
 * Sessions and examples made through the API with the browser's session cookie (`page.request`), from the
 * recorded fixture corpus, each waited on until the pipeline has finished.
 */
export async function uploadRecording(
  page: Page,
  { suite, recording, description }: { suite: "gmail" | "github"; recording: string; description: string },
) {
  const file = path.join(import.meta.dirname, "fixtures/recordings", recording, "input_events.jsonl");
  const response = await page.request.post("/v1/sessions", {
    multipart: {
      suite_id: suite,
      description,
      file: { name: "input_events.jsonl", mimeType: "application/x-ndjson", buffer: readFileSync(file) },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  await waitUntilSessionCompleted(page, id);
  return id;
}

/** Waits until the pipeline has finished a session; a failed session fails the test with its error. */
export async function waitUntilSessionCompleted(page: Page, id: string) {
  await expect
    .poll(
      async () => {
        const detail = await (await page.request.get(`/v1/sessions/${id}`)).json();
        if (detail.status === "failed") throw new Error(`session failed: ${detail.error}`);
        return detail.status;
      },
      { timeout: 45_000, intervals: [500, 1000] },
    )
    .toBe("completed");
}

/** Queues `count` examples of a session with the default (offline rules) model. */
export async function createExamples(page: Page, sessionId: string, count = 1) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await page.request.post("/v1/examples", { data: { session_id: sessionId } });
    expect(response.status(), await response.text()).toBe(202);
    ids.push(((await response.json()) as { id: string }).id);
  }
  return ids;
}

/** Waits until every example of the account has settled, so pages show stable statuses. */
export async function waitForExamplesSettled(page: Page, expected: number) {
  await expect
    .poll(
      async () => {
        const list = await (await page.request.get("/v1/examples?limit=100")).json();
        const data = list.data as { status: string }[];
        return data.length === expected && data.every((e) => e.status === "completed")
          ? "settled"
          : "waiting";
      },
      { timeout: 90_000, intervals: [500, 1000] },
    )
    .toBe("settled");
}
