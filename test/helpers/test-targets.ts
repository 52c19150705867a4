import type { EventTarget } from "@/schemas/events";

/** Element descriptors as the real apps mark them up (see lib/pipeline/recognisers/*), for tests and the bench. */
export const gmailTargets = {
  compose: { tag: "div", role: "button", text: "Compose" },
  to: {
    tag: "input",
    role: "combobox",
    ariaLabel: "To recipients",
    attributes: { "aria-autocomplete": "list" },
  },
  cc: { tag: "input", role: "combobox", ariaLabel: "CC recipients" },
  subject: { tag: "input", name: "subjectbox", placeholder: "Subject", ariaLabel: "Subject" },
  body: { tag: "div", role: "textbox", ariaLabel: "Message Body", contentEditable: true },
  send: { tag: "div", role: "button", ariaLabel: "Send \u202a(Ctrl-Enter)\u202c", text: "Send" },
  close: { tag: "img", ariaLabel: "Save & close", attributes: { alt: "Close" } },
  discard: { tag: "div", role: "button", ariaLabel: "Discard draft \u202a(Ctrl-Shift-D)\u202c" },
  search: { tag: "input", name: "q", ariaLabel: "Search mail", placeholder: "Search mail" },
  labelName: { tag: "input", type: "text", label: "Please enter a new label name:" },
  create: { tag: "button", role: "button", text: "Create" },
  cancel: { tag: "button", role: "button", text: "Cancel" },
} satisfies Record<string, EventTarget>;

export const calendarTargets = {
  title: { tag: "input", ariaLabel: "Title", placeholder: "Add title" },
  startDate: { tag: "input", ariaLabel: "Start date" },
  startTime: { tag: "input", ariaLabel: "Start time" },
  endTime: { tag: "input", ariaLabel: "End time" },
  endDate: { tag: "input", ariaLabel: "End date" },
  location: { tag: "input", ariaLabel: "Add location", placeholder: "Add location" },
  description: { tag: "div", role: "textbox", ariaLabel: "Description", contentEditable: true },
  guests: { tag: "input", ariaLabel: "Guests", placeholder: "Add guests", role: "combobox" },
  save: { tag: "button", role: "button", text: "Save" },
  close: { tag: "button", role: "button", ariaLabel: "Close" },
  search: { tag: "input", ariaLabel: "Search", placeholder: "Search" },
} satisfies Record<string, EventTarget>;

export const githubTargets = {
  issueTitle: { tag: "input", name: "issue[title]", ariaLabel: "Title", id: "issue_title" },
  issueBody: {
    tag: "textarea",
    name: "issue[body]",
    ariaLabel: "Markdown value",
    placeholder: "Type your description here\u2026",
  },
  submitIssue: { tag: "button", role: "button", text: "Submit new issue", type: "submit" },
  commentBody: {
    tag: "textarea",
    name: "comment[body]",
    placeholder: "Use Markdown to format your comment",
    ariaLabel: "Markdown value",
  },
  comment: { tag: "button", role: "button", text: "Comment", type: "submit" },
  prTitle: { tag: "input", name: "pull_request[title]", ariaLabel: "Add a title" },
  prBody: { tag: "textarea", name: "pull_request[body]", ariaLabel: "Markdown value" },
  createPr: { tag: "button", role: "button", text: "Create pull request" },
  repoName: { tag: "input", name: "repository[name]", ariaLabel: "Repository name", id: "repository_name" },
  repoDescription: {
    tag: "input",
    name: "repository[description]",
    label: "Description (optional)",
    id: "repository_description",
  },
  private: {
    tag: "input",
    type: "radio",
    name: "repository[visibility]",
    id: "repository_visibility_private",
    label: "Private",
    attributes: { value: "private" },
  },
  createRepo: { tag: "button", role: "button", text: "Create repository", type: "submit" },
  search: {
    tag: "input",
    name: "query-builder-test",
    ariaLabel: "Search or jump to\u2026",
    role: "combobox",
  },
} satisfies Record<string, EventTarget>;
