import {
  parseThemePreference,
  resolveTheme,
  THEME_STORAGE_KEY,
  type ThemePreference,
} from "./theme-preference";

// Browser-only: called from effects, event handlers and useSyncExternalStore snapshots, never during SSR.
const CHANGE_EVENT = "tracepipe-theme-change";
const systemDarkQuery = () => window.matchMedia("(prefers-color-scheme: dark)");

export function readThemePreference(): ThemePreference {
  try {
    return parseThemePreference(window.localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return "system";
  }
}

/** Colours switch at once: transitions (buttons fade their background) would otherwise animate the swap. */
function withoutTransitions(change: () => void) {
  const style = document.createElement("style");
  style.textContent = "*,*::before,*::after{transition:none!important}";
  document.head.appendChild(style);
  change();
  window.getComputedStyle(document.body).getPropertyValue("opacity");
  window.setTimeout(() => style.remove(), 1);
}

export function applyThemePreference(preference: ThemePreference) {
  const isDark = resolveTheme(preference, systemDarkQuery().matches) === "dark";
  const root = document.documentElement;
  if (root.classList.contains("dark") !== isDark)
    withoutTransitions(() => root.classList.toggle("dark", isDark));
}

export function setThemePreference(preference: ThemePreference) {
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Not persisted (storage blocked); it still applies to this page.
  }
  applyThemePreference(preference);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** Changes from this tab, from other tabs (storage events) and from the operating system's setting. */
export function subscribeThemePreference(onChange: () => void) {
  const query = systemDarkQuery();
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY && event.key !== null) return;
    applyThemePreference(readThemePreference());
    onChange();
  };
  const onSystemChange = () => applyThemePreference(readThemePreference());
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onStorage);
  query.addEventListener("change", onSystemChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onStorage);
    query.removeEventListener("change", onSystemChange);
  };
}

/** The theme in effect, as the `.dark` class on <html> says (whoever set it: the inline script or a control). */
export function subscribeResolvedTheme(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

export const readResolvedTheme = () =>
  document.documentElement.classList.contains("dark") ? ("dark" as const) : ("light" as const);
