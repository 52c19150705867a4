/**
 * The implicit ARIA role of an element (HTML-AAM, the common cases), so a target without an explicit `role`
 * still reads as `button`, `link`, `textbox`…
 */

const roleByTag: Record<string, string> = {
  button: "button",
  textarea: "textbox",
  h1: "heading",
  h2: "heading",
  h3: "heading",
  h4: "heading",
  h5: "heading",
  h6: "heading",
  ul: "list",
  ol: "list",
  li: "listitem",
  nav: "navigation",
  main: "main",
  header: "banner",
  footer: "contentinfo",
  aside: "complementary",
  article: "article",
  form: "form",
  dialog: "dialog",
  img: "img",
  table: "table",
  tr: "row",
  td: "cell",
  th: "columnheader",
  option: "option",
  summary: "button",
  progress: "progressbar",
  hr: "separator",
  fieldset: "group",
  details: "group",
  menu: "list",
  output: "status",
};

const roleByInputType: Record<string, string> = {
  button: "button",
  submit: "button",
  reset: "button",
  image: "button",
  checkbox: "checkbox",
  radio: "radio",
  range: "slider",
  number: "spinbutton",
  search: "searchbox",
  text: "textbox",
  email: "textbox",
  tel: "textbox",
  url: "textbox",
  password: "textbox",
};

export function getImplicitRole(tag: string, attrs: Record<string, string | undefined>): string | undefined {
  if (tag === "a" || tag === "area") return attrs.href !== undefined ? "link" : undefined;
  if (tag === "input") {
    const type = (attrs.type ?? "text").toLowerCase();
    if (attrs.list !== undefined && ["text", "search", "email", "tel", "url"].includes(type))
      return "combobox";
    return roleByInputType[type] ?? (type === "hidden" ? undefined : "textbox");
  }
  if (tag === "select") {
    const size = Number(attrs.size ?? "0");
    return attrs.multiple !== undefined || size > 1 ? "listbox" : "combobox";
  }
  if (tag === "section") return attrs["aria-label"] || attrs["aria-labelledby"] ? "region" : undefined;
  return roleByTag[tag];
}

/** Roles a person acts on: a click inside one of these was aimed at it. */
export const interactiveRoles = new Set([
  "button",
  "link",
  "checkbox",
  "radio",
  "switch",
  "tab",
  "menuitem",
  "menuitemcheckbox",
  "menuitemradio",
  "option",
  "textbox",
  "searchbox",
  "combobox",
  "listbox",
  "slider",
  "spinbutton",
  "treeitem",
  "gridcell",
]);
