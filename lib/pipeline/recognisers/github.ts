import type { ParamSpec, Recogniser, SuiteRecognisers, TargetMatcher } from "./recogniser-types";

/**
 * GitHub's forms: new issue `input name="issue[title]"` (aria-label "Title" / "Add a title") and
 * `textarea name="issue[body]"` (aria-label "Markdown value", placeholder "Type your description here…"), button
 * "Submit new issue" (classic) or "Create" (new UI); comment `textarea name="comment[body]"` + button "Comment";
 * pull request `pull_request[title]`/`pull_request[body]` + "Create pull request"; new repository
 * `repository[name]` ("Repository name"), `repository[description]`, visibility radios or a "Private" menu item,
 * "Create repository". Owner, repository, issue number and branches come from the address.
 */
const repoPath = /^\/([^/]+)\/([^/]+)\//;
const owner: ParamSpec = { from: "url", pattern: repoPath, group: 1 };
const repo: ParamSpec = { from: "url", pattern: repoPath, group: 2 };

const issueTitle: TargetMatcher[] = [
  { name: /^issue\[title\]$/ },
  { ariaLabel: /^(add a )?title$/i },
  { placeholder: /^title$/i },
  { label: /^(add a )?title$/i },
];
const markdownBody: TargetMatcher[] = [
  { ariaLabel: /^(markdown value|body|comment body|add a description|description)$/i },
  {
    placeholder:
      /^(type your description here|leave a comment|add a description|add your description here|use markdown)/i,
  },
  { label: /^(add a )?(description|body|comment)$/i },
];
const issueBody: TargetMatcher[] = [{ name: /^issue\[body\]$/ }, ...markdownBody];
const commentBody: TargetMatcher[] = [
  { name: /^comment\[body\]$/ },
  { ariaLabel: /^(add a comment|comment)$/i },
  { placeholder: /^(use markdown to format your comment|add your comment here)/i },
  ...markdownBody,
];
const prTitle: TargetMatcher[] = [{ name: /^pull_request\[title\]$/ }, ...issueTitle.slice(1)];
const prBody: TargetMatcher[] = [{ name: /^pull_request\[body\]$/ }, ...markdownBody];
const command = (target: TargetMatcher[]) => ({
  on: "press" as const,
  key: "Enter" as const,
  command: true,
  target,
  strength: 0.9,
});

const createIssue: Recogniser = {
  action: "create_issue",
  page: { pageKinds: ["issue-new"] },
  params: {
    owner,
    repo,
    title: { from: "field", fields: issueTitle },
    body: { from: "field", fields: issueBody },
    labels: {
      from: "toggled",
      // Classic menu items and the React SelectPanel's multiselectable listbox options.
      items: [{ role: /^(menuitemcheckbox|option)$/ }],
      attributes: ["data-label", "data-name"],
      openedBy: [{ ariaLabel: /^(edit |apply )?labels$/i }, { text: /^labels\b/i }],
    },
  },
  commit: [
    {
      on: "click",
      target: [{ text: /^(submit new issue|create)$/i }, { ariaLabel: /^(submit new issue|create)$/i }],
    },
    { on: "submit" },
    command([...issueTitle, ...issueBody]),
  ],
  cancel: [{ on: "click", target: [{ text: /^cancel$/i }, { ariaLabel: /^cancel$/i }] }],
  strength: 0.95,
  minFieldParams: 1,
};

/** The new issue page turning into `/issues/123` means it was submitted (all a trace can tell). */
const createIssueByNavigation: Recogniser = {
  action: "create_issue",
  page: {},
  params: {
    owner: { ...owner, url: "form" },
    repo: { ...repo, url: "form" },
  },
  commit: [
    {
      on: "navigate",
      from: /^\/[^/]+\/[^/]+\/issues\/new/,
      to: /^\/[^/]+\/[^/]+\/issues\/\d+/,
      strength: 0.7,
    },
  ],
  strength: 0.7,
};

const issuePath = /^\/([^/]+)\/([^/]+)\/issues\/(\d+)/;
const commentOnIssue: Recogniser = {
  action: "comment_on_issue",
  page: { pageKinds: ["issue"] },
  params: {
    owner: { from: "url", pattern: issuePath, group: 1 },
    repo: { from: "url", pattern: issuePath, group: 2 },
    issue_number: { from: "url", pattern: issuePath, group: 3 },
    body: { from: "field", fields: commentBody },
  },
  commit: [
    { on: "click", target: [{ text: /^comment$/i }, { ariaLabel: /^comment$/i }] },
    { on: "submit", target: [{ any: /comment/i }] },
    command(commentBody),
  ],
  strength: 0.95,
  minFieldParams: 1,
};

/** Trace-only candidate: a form submitted on an issue page is, there, almost always a new comment. */
const commentOnIssueBySubmit: Recogniser = {
  action: "comment_on_issue",
  page: { pageKinds: ["issue"] },
  params: {
    owner: { from: "url", pattern: issuePath, group: 1 },
    repo: { from: "url", pattern: issuePath, group: 2 },
    issue_number: { from: "url", pattern: issuePath, group: 3 },
  },
  commit: [{ on: "submit", strength: 0.5 }],
  strength: 0.5,
  onlyWithoutTargets: true,
};

const comparePath = /^\/([^/]+)\/([^/]+)\/compare\/([^?#]+?)\.\.\.([^?#]+)/;
const prUrlParams = (url: "form" | "destination" | undefined) =>
  ({
    owner: { from: "url", pattern: comparePath, group: 1, url },
    repo: { from: "url", pattern: comparePath, group: 2, url },
    base: { from: "url", pattern: comparePath, group: 3, url },
    head: { from: "url", pattern: comparePath, group: 4, url },
  }) satisfies Record<string, ParamSpec>;

const createPullRequest: Recogniser = {
  action: "create_pull_request",
  page: { pageKinds: ["compare"] },
  params: {
    ...prUrlParams(undefined),
    title: { from: "field", fields: prTitle },
    body: { from: "field", fields: prBody },
  },
  commit: [
    {
      on: "click",
      target: [{ text: /^create (draft )?pull request$/i }, { ariaLabel: /^create (draft )?pull request$/i }],
    },
    { on: "submit" },
    command([...prTitle, ...prBody]),
  ],
  strength: 0.95,
  minFieldParams: 1,
};

const createPullRequestByNavigation: Recogniser = {
  action: "create_pull_request",
  page: {},
  params: prUrlParams("form"),
  commit: [{ on: "navigate", from: comparePath, to: /^\/[^/]+\/[^/]+\/pull\/\d+/, strength: 0.7 }],
  strength: 0.7,
};

const repoName: TargetMatcher[] = [
  { name: /^repository\[name\]$/ },
  { id: /^repository[-_]name/i },
  { testId: /^repository-name-input$/ },
  { ariaLabel: /^repository name/i },
  { label: /^repository name/i },
];
const repoDescription: TargetMatcher[] = [
  { name: /^repository\[description\]$/ },
  { id: /^repository[-_]description/i },
  { ariaLabel: /^description/i },
  { label: /^description/i },
];
const createRepository: Recogniser = {
  action: "create_repository",
  page: { pageKinds: ["repo-new"] },
  params: {
    name: { from: "field", fields: repoName },
    description: { from: "field", fields: repoDescription },
    private: {
      from: "choice",
      options: [
        {
          match: [
            { value: /^private$/i },
            { label: /^private\b/i },
            { text: /^private\b/i },
            { id: /private/i },
          ],
          value: true,
        },
        {
          match: [{ value: /^public$/i }, { label: /^public\b/i }, { text: /^public\b/i }, { id: /public/i }],
          value: false,
        },
      ],
    },
  },
  commit: [
    { on: "click", target: [{ text: /^create repository$/i }, { ariaLabel: /^create repository$/i }] },
    { on: "submit" },
  ],
  strength: 0.95,
  minFieldParams: 1,
};

/** `/new` followed by the new repository's page: the name is in the address even when nothing else is known. */
const createRepositoryByNavigation: Recogniser = {
  action: "create_repository",
  page: {},
  params: { name: { from: "url", pattern: /^\/[^/]+\/([^/?#]+)\/?(\?|#|$)/, group: 1, url: "destination" } },
  commit: [
    {
      on: "navigate",
      from: /^\/new\/?(\?|#|$)/,
      to: /^\/(?!new\/?$|search|settings|organizations)[^/]+\/[^/?#]+\/?(\?|#|$)/,
      strength: 0.6,
    },
  ],
  strength: 0.6,
};

/** The global search (query builder); the issue and code filters elsewhere on a page are not repository searches. */
const search: TargetMatcher[] = [
  { name: /^(q|query-builder-test)$/ },
  { id: /^query-builder/i },
  { ariaLabel: /^search (github|or jump)/i },
  { placeholder: /^(search (github|or jump)|type \/ to search)/i },
];
const searchRepositories: Recogniser = {
  action: "search_repositories",
  page: {},
  params: { query: { from: "field", fields: search } },
  commit: [
    { on: "press", key: "Enter", target: search },
    { on: "field-left", target: search, strength: 0.85 },
  ],
  strength: 0.9,
  minFieldParams: 1,
};
const searchRepositoriesByUrl: Recogniser = {
  action: "search_repositories",
  page: {},
  params: { query: { from: "query", param: "q", url: "destination" } },
  commit: [
    {
      on: "navigate",
      from: /^(?!\/search)/,
      to: /^\/search\?(?!.*type=(code|issues|pullrequests|discussions|users|commits|wikis|topics|marketplace|packages))(.*&)?q=[^&]/i,
      strength: 0.9,
    },
  ],
  strength: 0.9,
};

export const githubRecognisers: SuiteRecognisers = {
  suite: "github",
  detect: {
    hosts: [/^(www\.)?github\.com$/, /^gist\.github\.com$/],
    // "New Issue · octo-org/widgets · GitHub"; GitHub's own paths look like any site's.
    titles: [/\s·\s*GitHub$/, /^GitHub$/],
    paths: [],
  },
  pageKinds: [
    { kind: "issue-new", path: /^\/[^/]+\/[^/]+\/issues\/new/ },
    { kind: "issue", path: /^\/[^/]+\/[^/]+\/issues\/\d+/ },
    { kind: "compare", path: /^\/[^/]+\/[^/]+\/compare\// },
    { kind: "pull", path: /^\/[^/]+\/[^/]+\/pull\/\d+/ },
    { kind: "repo-new", path: /^\/new\/?(\?|#|$)/ },
    { kind: "search", path: /^\/search/ },
    { kind: "repo", path: /^\/[^/]+\/[^/]+\/?(\?|#|$)/ },
  ],
  recognisers: [
    createIssue,
    createIssueByNavigation,
    commentOnIssue,
    commentOnIssueBySubmit,
    createPullRequest,
    createPullRequestByNavigation,
    createRepository,
    createRepositoryByNavigation,
    searchRepositories,
    searchRepositoriesByUrl,
  ],
};
