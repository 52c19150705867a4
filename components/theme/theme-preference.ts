/**
 * The theme a person chose. Shared by the inline script that runs before first paint (server-rendered into
 * <head>) and the client controls, so both read the same storage key and resolve "system" the same way.
 */
export const THEME_STORAGE_KEY = "tracepipe-theme";

export const THEME_PREFERENCES = ["light", "dark", "system"] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];
export type ResolvedTheme = "light" | "dark";

export const parseThemePreference = (value: unknown): ThemePreference =>
  value === "light" || value === "dark" ? value : "system";

export const resolveTheme = (preference: ThemePreference, isSystemDark: boolean): ResolvedTheme =>
  preference === "system" ? (isSystemDark ? "dark" : "light") : preference;

/**
 * Sets `.dark` on <html> while the parser is still in <head>, so the first paint already has the right colours.
 * Plain ES5 and self-contained: it runs before any bundle. Storage can throw (blocked cookies, sandboxed
 * frames); then the system setting decides.
 */
export const themeScript = `(function(){var p;try{p=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)})}catch(e){}
var d=p==="dark"||(p!=="light"&&window.matchMedia("(prefers-color-scheme: dark)").matches);
document.documentElement.classList.toggle("dark",d)})()`;
