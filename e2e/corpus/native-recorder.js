// Tracepipe's in-page recorder for the native `input_events.jsonl` format (schemas/events.ts `nativeEventSchema`).
// Injected before any page script; hands each event to `window.__tracepipeEmit` (a Playwright binding in the corpus
// recorder; a browser extension would post them instead). Password values are never emitted.
(() => {
  // One recorder per tab: frames (ads, about:blank helpers) would interleave their own "navigations".
  if (window.__tracepipeRecorder || window.top !== window) return;
  window.__tracepipeRecorder = true;
  const emit = (event) => {
    try {
      window.__tracepipeEmit?.(JSON.stringify(event));
    } catch {}
  };
  let tab = sessionStorage.getItem("__tracepipe_tab");
  if (!tab) {
    tab = `tab-${Math.random().toString(36).slice(2, 10)}`;
    sessionStorage.setItem("__tracepipe_tab", tab);
  }
  let seq = 0;
  const base = (type) => ({
    id: `${tab}-${Date.now().toString(36)}-${(seq++).toString(36)}`,
    timestamp: Date.now(),
    type,
    url: location.href,
    title: document.title,
    tab,
  });
  const clip = (s, n) => (s && s.length > n ? s.slice(0, n) : s) || undefined;
  // innerText (not textContent) is the text a person sees, with the line breaks of block elements.
  // biome-ignore lint/performance/useDomNodeTextContent: see above
  const text = (el) => clip((el.innerText ?? el.textContent ?? "").replace(/\s+/g, " ").trim(), 300);
  const implicitRole = (el) => {
    const tag = el.tagName.toLowerCase();
    if (tag === "button") return "button";
    if (tag === "a" && el.hasAttribute("href")) return "link";
    if (tag === "textarea") return "textbox";
    if (tag === "select") return "combobox";
    if (tag === "input") {
      const type = (el.getAttribute("type") || "text").toLowerCase();
      if (type === "checkbox") return "checkbox";
      if (type === "radio") return "radio";
      if (["button", "submit", "reset"].includes(type)) return "button";
      if (type === "search") return "searchbox";
      return "textbox";
    }
    return undefined;
  };
  const labelText = (el) => {
    const ids = el.getAttribute("aria-labelledby");
    if (ids) {
      const t = ids
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" ")
        .trim();
      if (t) return t;
    }
    if (el.labels?.length) return [...el.labels].map((l) => l.textContent.trim()).join(" ");
    const wrap = el.closest("label");
    return wrap ? wrap.textContent.trim() : undefined;
  };
  const cssPath = (el) => {
    if (el.id && /^[A-Za-z][\w-]*$/.test(el.id)) return `#${el.id}`;
    const parts = [];
    let node = el;
    while (node && node.nodeType === 1 && parts.length < 6) {
      let part = node.tagName.toLowerCase();
      if (node.id && /^[A-Za-z][\w-]*$/.test(node.id)) {
        parts.unshift(`#${node.id}`);
        break;
      }
      const name = node.getAttribute("name");
      if (name) part += `[name="${name}"]`;
      else if (node.parentElement) {
        const same = [...node.parentElement.children].filter((c) => c.tagName === node.tagName);
        if (same.length > 1) part += `:nth-of-type(${same.indexOf(node) + 1})`;
      }
      parts.unshift(part);
      node = node.parentElement;
    }
    return parts.join(" > ");
  };
  const ACTIONABLE =
    'a[href],button,input,textarea,select,label,[role],[contenteditable="true"],[aria-label]';
  const describeTarget = (raw) => {
    if (!(raw instanceof Element)) return undefined;
    const el = raw.closest(ACTIONABLE) || raw;
    const attrs = {};
    for (const a of el.attributes) {
      if (a.name.startsWith("data-") || a.name === "aria-checked" || a.name === "aria-expanded")
        attrs[a.name] = clip(a.value, 200);
    }
    const isField = /^(input|textarea|select)$/i.test(el.tagName) || el.isContentEditable;
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id || undefined,
      name: el.getAttribute("name") || undefined,
      type: el.getAttribute("type") || undefined,
      role: el.getAttribute("role") || implicitRole(el),
      ariaLabel: el.getAttribute("aria-label") || undefined,
      label: clip(labelText(el), 300),
      placeholder: el.getAttribute("placeholder") || undefined,
      text: isField ? undefined : text(el),
      selector: cssPath(el),
      href: el.getAttribute("href") || undefined,
      contentEditable: el.isContentEditable || undefined,
      checked: el.type === "checkbox" || el.type === "radio" ? el.checked : undefined,
      attributes: Object.keys(attrs).length ? attrs : undefined,
    };
  };
  const fieldOf = (target) =>
    target instanceof Element ? target.closest('input,textarea,select,[contenteditable="true"]') : null;
  const fieldValue = (el) => {
    if (!el) return undefined;
    if (el.type === "password") return undefined;
    // biome-ignore lint/performance/useDomNodeTextContent: a contenteditable's lines are its block children
    if (el.isContentEditable) return el.innerText.replace(/\n$/, "");
    return el.value;
  };
  const modifiers = (e) => {
    const m = [];
    if (e.altKey) m.push("Alt");
    if (e.ctrlKey) m.push("Control");
    if (e.metaKey) m.push("Meta");
    if (e.shiftKey) m.push("Shift");
    return m.length ? m : undefined;
  };
  const pageEvents = () => {
    emit({
      ...base("meta"),
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      userAgent: navigator.userAgent,
      viewport: { width: innerWidth, height: innerHeight },
    });
    emit(base("navigation"));
  };
  // What the page shows (`appear` / `disappear`): values it filled in, notices, dialogs opening and closing.
  const TEXT_INPUT = /^(|text|email|search|url|tel|number|date|time|datetime-local|month|week)$/;
  const isPrefilled = (el) =>
    (el.tagName === "TEXTAREA" ||
      (el.tagName === "INPUT" && TEXT_INPUT.test((el.getAttribute("type") || "").toLowerCase()))) &&
    el.value.trim() !== "" &&
    el.checkVisibility();
  const shownValue = (el) => {
    const label = el.getAttribute("aria-label");
    if (!label || /^(INPUT|TEXTAREA)$/.test(el.tagName) || el.isContentEditable) return undefined;
    // Only controls that display a value (Calendar's date and time buttons); editors and chips carry their own.
    const role = el.getAttribute("role");
    if (role ? role !== "button" : !/^(BUTTON|SPAN|DIV)$/.test(el.tagName)) return undefined;
    const t = text(el);
    return t && t.length <= 120 && t.toLowerCase() !== label.trim().toLowerCase() ? t : undefined;
  };
  const appear = (el, value) =>
    emit({ ...base("appear"), target: describeTarget(el), ...(value !== undefined ? { value } : {}) });
  const prefilledIn = (root) => {
    for (const el of root.querySelectorAll("input,textarea")) if (isPrefilled(el)) appear(el, el.value);
  };
  const DIALOGS = '[role="dialog"],[role="alertdialog"],[aria-modal="true"],dialog';
  const LIVE = '[role="alert"],[role="status"],[aria-live="polite"],[aria-live="assertive"]';
  const openDialogs = new Map();
  const notices = new Map();
  const lastShown = new WeakMap();
  const dialogValues = (dialog, onlyChanged) => {
    for (const el of dialog.querySelectorAll("*")) {
      const value = isPrefilled(el) ? el.value : shownValue(el);
      if (value === undefined || (onlyChanged && lastShown.get(el) === value)) continue;
      // Typed values arrive as input events; only values the page changed are shown values.
      if (onlyChanged && /^(INPUT|TEXTAREA)$/.test(el.tagName)) continue;
      lastShown.set(el, value);
      appear(el, value);
    }
  };
  const observePage = () => {
    for (const dialog of document.querySelectorAll(DIALOGS)) {
      const visible = dialog.checkVisibility();
      const was = openDialogs.get(dialog);
      if (visible && !was) {
        openDialogs.set(dialog, describeTarget(dialog));
        appear(dialog);
        dialogValues(dialog, false);
      } else if (visible && was) {
        dialogValues(dialog, true);
      } else if (!visible && was) {
        openDialogs.delete(dialog);
        emit({ ...base("disappear"), target: was });
      }
    }
    for (const [dialog, target] of openDialogs) {
      if (dialog.isConnected) continue;
      openDialogs.delete(dialog);
      emit({ ...base("disappear"), target });
    }
    for (const region of document.querySelectorAll(LIVE)) {
      const t = text(region) ?? "";
      if (notices.get(region) === t) continue;
      notices.set(region, t);
      if (t) appear(region);
    }
  };
  const startObserving = () => {
    prefilledIn(document);
    for (const dialog of document.querySelectorAll(DIALOGS))
      if (dialog.checkVisibility()) openDialogs.set(dialog, describeTarget(dialog));
    for (const region of document.querySelectorAll(LIVE)) notices.set(region, text(region) ?? "");
    new MutationObserver(observePage).observe(document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ["class", "style", "hidden", "open", "aria-hidden"],
    });
  };
  const onReady = () => {
    pageEvents();
    startObserving();
  };
  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", onReady, { once: true });
  else onReady();
  // SPA navigations: Gmail changes the hash, Calendar and GitHub push history entries.
  let lastUrl = location.href;
  const onUrlChange = () => {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    emit(base("navigation"));
  };
  for (const fn of ["pushState", "replaceState"]) {
    const original = history[fn];
    history[fn] = function (...args) {
      const result = original.apply(this, args);
      onUrlChange();
      return result;
    };
  }
  window.addEventListener("hashchange", onUrlChange, true);
  window.addEventListener("popstate", onUrlChange, true);

  window.addEventListener(
    "keydown",
    (e) => {
      const field = fieldOf(e.target);
      emit({
        ...base("keydown"),
        target: describeTarget(e.target),
        // Keys typed into a password field would spell the password: only their existence is kept.
        key: field?.type === "password" ? undefined : e.key,
        code: field?.type === "password" ? undefined : e.code,
        modifiers: modifiers(e),
        value: fieldValue(field),
      });
    },
    true,
  );
  window.addEventListener(
    "input",
    (e) => {
      const field = fieldOf(e.target);
      const isPassword = field?.type === "password";
      emit({
        ...base("input"),
        target: describeTarget(e.target),
        value: fieldValue(field),
        data: isPassword ? undefined : (e.data ?? undefined),
        inputType: e.inputType,
      });
    },
    true,
  );
  window.addEventListener(
    "change",
    (e) => {
      const field = fieldOf(e.target);
      emit({ ...base("change"), target: describeTarget(e.target), value: fieldValue(field) });
    },
    true,
  );
  window.addEventListener(
    "click",
    (e) => {
      emit({
        ...base("click"),
        target: describeTarget(e.target),
        x: e.clientX,
        y: e.clientY,
        button: e.button,
        modifiers: modifiers(e),
      });
    },
    true,
  );
  window.addEventListener(
    "submit",
    (e) => emit({ ...base("submit"), target: describeTarget(e.target) }),
    true,
  );
  let scrollTimer = 0;
  window.addEventListener(
    "scroll",
    () => {
      clearTimeout(scrollTimer);
      // One event per scroll burst (150 ms quiet), as a person would describe it.
      scrollTimer = setTimeout(() => emit({ ...base("scroll"), scrollX: scrollX, scrollY: scrollY }), 150);
    },
    { capture: true, passive: true },
  );
})();
