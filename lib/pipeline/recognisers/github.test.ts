import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { TestSession } from "@/test/helpers/test-session";
import { githubTargets as gh } from "@/test/helpers/test-targets";

const catalog = getBundledCatalog();
const run = async (s: TestSession) =>
  (await runPipeline({ events: s.events, suite: "github", catalog })).actions;
const slugsAndParams = (actions: Awaited<ReturnType<typeof run>>) =>
  actions.map((a) => [a.slug, a.parameters]);

describe("GitHub recognisers", () => {
  it("reads labels picked in the menu when the format names items without their role (DevTools Recorder)", async () => {
    const s = new TestSession("https://github.com/octo-org/hello-world/issues/new");
    const item = (name: string, n: number) => ({
      tag: "div",
      ariaLabel: name,
      selector: `#labels-menu > div > div:nth-of-type(${n})`,
    });
    const filter = { ariaLabel: "Filter labels", id: "label-filter", selector: "#label-filter" };
    s.type(gh.issueTitle, "Crash on start")
      .click({ ariaLabel: "Edit Labels", id: "labels-button" })
      .click(item("bug Something is not working", 1))
      .click(filter)
      .type(filter, "doc")
      .click(item("documentation Improvements or additions to documentation", 3))
      .press(filter, "Escape")
      .click({ tag: "button", ariaLabel: "Edit Assignees" })
      .click({ tag: "div", ariaLabel: "octocat" })
      .click(gh.submitIssue);
    const actions = await run(s);
    expect(actions[0]?.parameters.labels).toEqual(["bug", "documentation"]);
  });

  it("opens an issue with owner/repo from the address; click, submit and redirect are one action", async () => {
    const s = new TestSession("https://github.com/octo-org/hello-world/issues/new");
    s.type(gh.issueTitle, "Crash on start")
      .type(gh.issueBody, "Steps:\n1. open")
      .click(gh.submitIssue)
      .submit();
    s.navigate("https://github.com/octo-org/hello-world/issues/17");
    const actions = await run(s);
    expect(slugsAndParams(actions)).toEqual([
      [
        "create_issue",
        { owner: "octo-org", repo: "hello-world", title: "Crash on start", body: "Steps:\n1. open" },
      ],
    ]);
    expect(actions[0]?.needsReview).toBe(false);
  });

  it("abandoning the new issue page is no action", async () => {
    const s = new TestSession("https://github.com/o/r/issues/new")
      .type(gh.issueTitle, "Draft")
      .navigate("https://github.com/o/r");
    expect(await run(s)).toEqual([]);
  });

  it("comments on an issue with an integer issue number", async () => {
    const s = new TestSession("https://github.com/o/r/issues/123")
      .type(gh.commentBody, "LGTM")
      .click(gh.comment);
    expect(slugsAndParams(await run(s))).toEqual([
      ["comment_on_issue", { owner: "o", repo: "r", issue_number: 123, body: "LGTM" }],
    ]);
  });

  it("opens a pull request from a compare view", async () => {
    const s = new TestSession("https://github.com/o/r/compare/main...feature/login?expand=1");
    s.type(gh.prTitle, "Add login").type(gh.prBody, "Closes #4").click(gh.createPr);
    expect(slugsAndParams(await run(s))).toEqual([
      [
        "create_pull_request",
        { owner: "o", repo: "r", base: "main", head: "feature/login", title: "Add login", body: "Closes #4" },
      ],
    ]);
  });

  it("creates a private repository from /new", async () => {
    const s = new TestSession("https://github.com/new")
      .type(gh.repoName, "notes")
      .type(gh.repoDescription, "My notes");
    s.choose(gh.private, "private", true).click(gh.createRepo).navigate("https://github.com/me/notes");
    expect(slugsAndParams(await run(s))).toEqual([
      ["create_repository", { name: "notes", description: "My notes", private: true }],
    ]);
  });

  it("searches repositories with Enter in the search box", async () => {
    const s = new TestSession("https://github.com/")
      .type(gh.search, "tracing language:rust")
      .press(gh.search, "Enter");
    s.navigate("https://github.com/search?q=tracing+language%3Arust&type=repositories");
    expect(slugsAndParams(await run(s))).toEqual([
      ["search_repositories", { query: "tracing language:rust" }],
    ]);
  });

  it("from navigation alone (a trace) yields candidates with address parameters only", async () => {
    const s = new TestSession("https://github.com/o/r/issues/new").navigate(
      "https://github.com/o/r/issues/9",
    );
    s.navigate("https://github.com/new").navigate("https://github.com/me/fresh");
    const actions = await run(s);
    expect(slugsAndParams(actions)).toEqual([
      ["create_issue", { owner: "o", repo: "r" }],
      ["create_repository", { name: "fresh" }],
    ]);
    expect(actions[0]?.needsReview).toBe(true);
    expect(actions[0]?.missingParameters).toEqual(["title"]);
  });

  it("reads labels toggled in the label picker, by data-label or by the name before the description", async () => {
    const item = (text: string, label?: string, checked = false) => ({
      tag: "div",
      role: "menuitemcheckbox",
      text,
      attributes: { "aria-checked": String(checked), ...(label ? { "data-label": label } : {}) },
    });
    const s = new TestSession("https://github.com/o/r/issues/new").type(gh.issueTitle, "Flaky test");
    s.click({ tag: "button", ariaLabel: "Edit Labels", text: "Labels" });
    s.click(item("bug Something is not working", "bug"));
    s.click(item("good first issue Good for newcomers"));
    s.click(item("documentation Improvements or additions to documentation", "documentation"));
    s.click(item("documentation Improvements or additions to documentation", "documentation", true));
    s.click(gh.submitIssue);
    const [action] = await run(s);
    expect(action?.parameters.labels).toEqual(["bug", "good first issue"]);
  });

  it("a submit on an issue page without any targets (a trace) is a comment candidate with address parameters only", async () => {
    const s = new TestSession("https://github.com/o/r/issues/5");
    s.push({ type: "click", x: 300, y: 400 });
    s.push({ type: "submit" });
    const [action] = await run(s);
    expect(action).toMatchObject({
      slug: "comment_on_issue",
      parameters: { owner: "o", repo: "r", issue_number: 5 },
      needsReview: true,
    });
    const withTargets = new TestSession("https://github.com/o/r/issues/5").click(gh.comment).submit();
    expect(await run(withTargets)).toEqual([]);
  });
});
