/**
 * What the DevTools Recorder and Playwright codegen would know about an element: its role and accessible name, a CSS
 * selector, an XPath and its text. Runs in the page (passed to `locator.evaluate`), so it must be self-contained.
 */
export type ElementInfo = {
  tag: string;
  role: string | null;
  name: string;
  css: string;
  xpath: string;
  text: string;
  placeholder: string | null;
  ariaLabel: string | null;
  label: string | null;
  isEditable: boolean;
  value: string | null;
};

export function describeElement(el: Element): ElementInfo {
  const h = el as HTMLInputElement;
  const tag = el.tagName.toLowerCase();
  const type = (el.getAttribute("type") ?? "text").toLowerCase();
  const implicit: Record<string, string> = { button: "button", textarea: "textbox", select: "combobox" };
  let role = el.getAttribute("role") ?? implicit[tag] ?? null;
  if (!role && tag === "a" && el.hasAttribute("href")) role = "link";
  if (!role && tag === "input") {
    role =
      type === "checkbox"
        ? "checkbox"
        : type === "radio"
          ? "radio"
          : type === "submit"
            ? "button"
            : "textbox";
  }
  const labelledBy = el.getAttribute("aria-labelledby");
  const labels = h.labels ? [...h.labels].map((l) => l.textContent?.trim() ?? "").join(" ") : "";
  const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
  const name =
    (labelledBy ? document.getElementById(labelledBy)?.textContent?.trim() : "") ||
    el.getAttribute("aria-label") ||
    labels ||
    (tag === "input" || tag === "textarea"
      ? (el.getAttribute("placeholder") ?? el.getAttribute("title") ?? "")
      : "") ||
    (role && role !== "textbox" && role !== "gridcell" ? text.slice(0, 80) : "") ||
    el.getAttribute("alt") ||
    "";
  const simpleId = (id: string) => /^[A-Za-z][\w-]*$/.test(id);
  const cssOf = (node: Element): string => {
    const parts: string[] = [];
    let cur: Element | null = node;
    while (cur && parts.length < 5) {
      if (cur.id && simpleId(cur.id)) {
        parts.unshift(`#${cur.id}`);
        break;
      }
      let part = cur.tagName.toLowerCase();
      const cls = [...cur.classList].slice(0, 2);
      if (cls.length) part += `.${cls.join(".")}`;
      const parent: Element | null = cur.parentElement;
      if (parent) {
        const same = [...parent.children].filter((c) => c.tagName === cur?.tagName);
        if (same.length > 1) part += `:nth-of-type(${same.indexOf(cur) + 1})`;
      }
      parts.unshift(part);
      cur = parent;
    }
    return parts.join(" > ");
  };
  const xpathOf = (node: Element): string => {
    if (node.id) return `//*[@id="${node.id}"]`;
    const steps: string[] = [];
    let cur: Element | null = node;
    while (cur && cur.nodeType === 1) {
      if (cur.id) {
        steps.unshift(`*[@id="${cur.id}"]`);
        return `//${steps.join("/")}`;
      }
      const parent: Element | null = cur.parentElement;
      const same = parent ? [...parent.children].filter((c) => c.tagName === cur?.tagName) : [cur];
      const index = same.indexOf(cur) + 1;
      steps.unshift(`${cur.tagName.toLowerCase()}${same.length > 1 ? `[${index}]` : ""}`);
      cur = parent;
    }
    return `/${steps.join("/")}`;
  };
  const editable = tag === "input" || tag === "textarea" || (el as HTMLElement).isContentEditable;
  return {
    tag,
    role,
    name: name.trim(),
    css: cssOf(el),
    xpath: xpathOf(el),
    text: text.slice(0, 80),
    placeholder: el.getAttribute("placeholder"),
    ariaLabel: el.getAttribute("aria-label"),
    label: labels || null,
    isEditable: editable,
    value: editable
      ? (el as HTMLElement).isContentEditable
        ? // biome-ignore lint/performance/useDomNodeTextContent: line breaks of a contenteditable are block children
          (el as HTMLElement).innerText.replace(/\n$/, "")
        : h.value
      : null,
  };
}
