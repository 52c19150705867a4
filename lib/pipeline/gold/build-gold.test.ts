import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { TestSession } from "@/test/helpers/test-session";
import { gmailTargets as gm } from "@/test/helpers/test-targets";

const catalog = getBundledCatalog();
const run = (session: TestSession, suite: string) => runPipeline({ events: session.events, suite, catalog });

describe("gold: Gmail", () => {
  it("turns a compose + Send into compose_email with chips, subject and body", async () => {
    const s = new TestSession("https://mail.google.com/mail/u/0/#inbox", {
      title: "Inbox - me@example.com - Gmail",
    });
    s.click(gm.compose)
      .click(gm.to)
      .type(gm.to, "alice@example.com")
      .commitChip(gm.to)
      .type(gm.to, "bob@example.com,");
    s.click(gm.subject)
      .type(gm.subject, "Lunch tomorow\b\b\b\b\b\b\btomorrow?")
      .click(gm.body)
      .type(gm.body, "Noon at the usual place.")
      .click(gm.send);
    const { actions } = await run(s, "gmail");
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      slug: "compose_email",
      parameters: {
        to: ["alice@example.com", "bob@example.com"],
        subject: "Lunch tomorrow?",
        body: "Noon at the usual place.",
      },
      needsReview: false,
    });
  });
});
