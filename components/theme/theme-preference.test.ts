import { describe, expect, it } from "vitest";
import { parseThemePreference, resolveTheme, THEME_STORAGE_KEY, themeScript } from "./theme-preference";

/** Runs the inline script against a stand-in document, storage and media query, as a browser's <head> would. */
function runScript({
  stored,
  systemDark,
  storageThrows = false,
}: {
  stored: string | null;
  systemDark: boolean;
  storageThrows?: boolean;
}) {
  const classes = new Set<string>();
  const document = {
    documentElement: {
      classList: { toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name)) },
    },
  };
  const localStorage = {
    getItem: (key: string) => {
      if (storageThrows) throw new Error("SecurityError");
      return key === THEME_STORAGE_KEY ? stored : null;
    },
  };
  const window = { matchMedia: (query: string) => ({ matches: systemDark && query.includes("dark") }) };
  new Function("document", "localStorage", "window", themeScript)(document, localStorage, window);
  return classes.has("dark");
}

describe("theme script", () => {
  it.each([
    { stored: "dark", systemDark: false, dark: true },
    { stored: "light", systemDark: true, dark: false },
    { stored: "system", systemDark: true, dark: true },
    { stored: "system", systemDark: false, dark: false },
    { stored: null, systemDark: true, dark: true },
    { stored: null, systemDark: false, dark: false },
    { stored: "purple", systemDark: true, dark: true },
  ])("stored $stored, system dark $systemDark → dark $dark", ({ stored, systemDark, dark }) => {
    expect(runScript({ stored, systemDark })).toBe(dark);
  });

  it("follows the system when storage is blocked", () => {
    expect(runScript({ stored: "light", systemDark: true, storageThrows: true })).toBe(true);
  });

  it("agrees with resolveTheme for every stored value", () => {
    for (const stored of ["light", "dark", "system", null, ""]) {
      for (const systemDark of [true, false]) {
        const expected = resolveTheme(parseThemePreference(stored), systemDark) === "dark";
        expect(runScript({ stored, systemDark })).toBe(expected);
      }
    }
  });
});
