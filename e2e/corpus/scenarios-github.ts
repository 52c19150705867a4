import type { Scenario } from "./scenario-types";

// GitHub scenarios: issues, comments, repositories, pull requests, search.
const REPO = "https://github.com/octo-org/widgets";
export const githubScenarios: Scenario[] = [
  {
    name: "github-create-issue",
    suite: "github",
    description:
      "New issue with a typo fixed in the title, a two-paragraph body and two labels from the picker.",
    steps: [
      { do: "goto", url: `${REPO}/issues/new` },
      {
        do: "type",
        target: 'input[name="issue[title]"]',
        text: "Login test is flaky on CI",
        typo: { at: 11, wrong: "si" },
      },
      {
        do: "type",
        target: 'textarea[name="issue[body]"]',
        text: "The login test fails about one run in ten.\n\nSeen on main.",
      },
      { do: "click", target: "#labels-button" },
      { do: "click", target: '[role="menuitemcheckbox"][data-label="bug"]' },
      { do: "type", target: "#label-filter", text: "good" },
      { do: "click", target: '[role="menuitemcheckbox"][data-label="good first issue"]' },
      { do: "press", key: "Escape" },
      { do: "click", target: 'button[type="submit"]' },
    ],
    toolCalls: [
      {
        tool: "issue_write",
        arguments: {
          method: "create",
          owner: "octo-org",
          repo: "widgets",
          title: "Login test is flaky on CI",
          body: "The login test fails about one run in ten.\n\nSeen on main.",
          labels: ["bug", "good first issue"],
        },
      },
    ],
  },
  {
    name: "github-create-issue-react",
    suite: "github",
    description:
      "GitHub's React issue form (aria-label 'Add a title', button 'Create'), label chosen by keyboard filter.",
    pages: { "github-issue-new.html": "github-issue-new-react.html" },
    steps: [
      { do: "goto", url: "https://github.com/ada-l/notes/issues/new" },
      { do: "type", target: 'input[aria-label="Add a title"]', text: "Dark mode for the reader view" },
      {
        do: "type",
        target: 'textarea[aria-label="Markdown value"]',
        text: "The reader view is too bright at night.",
      },
      { do: "click", target: 'button[aria-label="Edit Labels"]' },
      { do: "type", target: 'input[aria-label="Filter labels"]', text: "enh" },
      { do: "click", target: '[role="option"][data-name="enhancement"]' },
      { do: "press", key: "Escape" },
      { do: "click", target: 'button[data-testid="create-issue-button"]' },
    ],
    toolCalls: [
      {
        tool: "issue_write",
        arguments: {
          method: "create",
          owner: "ada-l",
          repo: "notes",
          title: "Dark mode for the reader view",
          body: "The reader view is too bright at night.",
          labels: ["enhancement"],
        },
      },
    ],
  },
  {
    name: "github-comment-on-issue",
    suite: "github",
    description: "Scroll an issue and add a comment.",
    steps: [
      { do: "goto", url: `${REPO}/issues/17` },
      { do: "scroll", dy: 400 },
      {
        do: "type",
        target: 'textarea[name="comment[body]"]',
        text: "I can reproduce this on main. Looking into it.",
      },
      { do: "click", target: '#new_comment_form button[type="submit"]' },
    ],
    toolCalls: [
      {
        tool: "add_issue_comment",
        arguments: {
          owner: "octo-org",
          repo: "widgets",
          issue_number: 17,
          body: "I can reproduce this on main. Looking into it.",
        },
      },
    ],
  },
  {
    name: "github-create-repository",
    suite: "github",
    description:
      "New private repository with a description; visibility chosen by clicking the Private label.",
    steps: [
      { do: "goto", url: "https://github.com/new" },
      { do: "type", target: "#repository_name", text: "tracepipe-demo" },
      { do: "type", target: "#repository_description", text: "Demo data for Tracepipe" },
      { do: "click", target: 'label[for="repository_visibility_private"]' },
      { do: "click", target: '#new_repository button[type="submit"]' },
    ],
    toolCalls: [
      {
        tool: "create_repository",
        arguments: { name: "tracepipe-demo", description: "Demo data for Tracepipe", private: true },
      },
    ],
  },
  {
    name: "github-create-repository-sudo",
    suite: "github",
    description: "Public repository; GitHub asks for the password (sudo mode) before creating it.",
    pages: { "github-new-repo.html": "github-new-repo-sudo.html" },
    secrets: ["correct-horse-battery-staple"],
    steps: [
      { do: "goto", url: "https://github.com/new" },
      { do: "type", target: "#repository_name", text: "secrets-demo" },
      { do: "click", target: '#new_repository button[type="submit"]' },
      { do: "type", target: "#sudo_password", text: "correct-horse-battery-staple" },
      { do: "press", key: "Enter" },
    ],
    toolCalls: [{ tool: "create_repository", arguments: { name: "secrets-demo" } }],
  },
  {
    name: "github-create-pull-request",
    suite: "github",
    description: "Compare view with a slash in the head branch; the prefilled title is replaced; body typed.",
    steps: [
      { do: "goto", url: `${REPO}/compare/main...feature/upload-retry` },
      { do: "type", target: "#pull_request_title", text: "Retry failed uploads up to 5 times", clear: true },
      { do: "type", target: "#pull_request_body", text: "Closes #12." },
      { do: "click", target: '#new_pull_request button[type="submit"]' },
    ],
    toolCalls: [
      {
        tool: "create_pull_request",
        arguments: {
          owner: "octo-org",
          repo: "widgets",
          base: "main",
          head: "feature/upload-retry",
          title: "Retry failed uploads up to 5 times",
          body: "Closes #12.",
        },
      },
    ],
  },
  {
    name: "github-search-repositories",
    suite: "github",
    description: "Open the header search with the / shortcut and search repositories.",
    steps: [
      { do: "goto", url: "https://github.com/" },
      { do: "press", key: "/" },
      { do: "type", target: "#query-builder-test", text: "rrweb recorder" },
      { do: "press", key: "Enter" },
    ],
    toolCalls: [{ tool: "search_repositories", arguments: { query: "rrweb recorder" } }],
  },
  {
    name: "github-issue-abandoned",
    suite: "github",
    description: "A new issue typed and then cancelled: no action.",
    steps: [
      { do: "goto", url: `${REPO}/issues/new` },
      { do: "type", target: 'input[name="issue[title]"]', text: "Something about uploads" },
      { do: "type", target: 'textarea[name="issue[body]"]', text: "not sure yet" },
      { do: "click", target: "#cancel" },
    ],
    toolCalls: [],
  },
  {
    name: "github-search-then-comment",
    suite: "github",
    description: "Search from a repository page, then comment on another issue reached by address.",
    steps: [
      { do: "goto", url: REPO },
      { do: "click", target: "#search-open" },
      { do: "type", target: "#query-builder-test", text: "uploader retry" },
      { do: "press", key: "Enter" },
      { do: "pause", ms: 400 },
      { do: "goto", url: `${REPO}/issues/12` },
      { do: "type", target: 'textarea[name="comment[body]"]', text: "Retry logic landed in #58." },
      { do: "click", target: '#new_comment_form button[type="submit"]' },
    ],
    toolCalls: [
      { tool: "search_repositories", arguments: { query: "uploader retry" } },
      {
        tool: "add_issue_comment",
        arguments: {
          owner: "octo-org",
          repo: "widgets",
          issue_number: 12,
          body: "Retry logic landed in #58.",
        },
      },
    ],
  },
  {
    name: "github-browse-noise",
    suite: "github",
    description: "Browse home, a repository, its issues and one issue, scrolling: no action.",
    steps: [
      { do: "goto", url: "https://github.com/" },
      { do: "click", target: 'a[href="/octo-org/widgets"]' },
      { do: "scroll", dy: 500 },
      { do: "click", target: 'a[data-nav="issues"]' },
      { do: "click", target: 'a[data-nav="issues/17"]' },
      { do: "scroll", dy: 600 },
    ],
    toolCalls: [],
  },
];
