import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import type { Window } from "@/schemas/pipeline";
import { checkSessionSuites, suiteOfWindow } from "./window-suites";

const suites = getBundledCatalog().suites;
const window = (url: string, title?: string, ms = 1000): Window => ({
  id: "w1",
  tab: "t1",
  origin: new URL(url).origin,
  pageKind: "page",
  url,
  ...(title ? { title } : {}),
  startTs: 0,
  endTs: ms,
  interactionIds: [],
});

describe("window suites", () => {
  it("classifies by host (subdomains included), else by a title naming the suite", () => {
    expect(suiteOfWindow(window("https://mail.google.com/mail/u/0/#inbox"), suites)?.slug).toBe("gmail");
    expect(suiteOfWindow(window("https://gist.github.com/x"), suites)?.slug).toBe("github");
    expect(
      suiteOfWindow(window("http://localhost:3000/r/week", "Week - Google Calendar"), suites)?.slug,
    ).toBe("google-calendar");
    expect(suiteOfWindow(window("https://example.com/", "Example Domain"), suites)).toBeUndefined();
  });

  it("says which app a recording looks like when none of its windows is of the chosen suites", () => {
    const gmail = [window("https://mail.google.com/mail/u/0/#inbox", "Inbox - Gmail", 5000)];
    expect(checkSessionSuites(gmail, ["github"], suites)).toEqual({
      detected: ["gmail"],
      notice: "This recording looks like Gmail, not GitHub",
    });
    expect(checkSessionSuites(gmail, ["github", "gmail"], suites)).toEqual({ detected: ["gmail"] });
    const both = [...gmail, window("https://calendar.google.com/calendar/r/week", undefined, 100)];
    expect(checkSessionSuites(both, ["github"], suites).notice).toBe(
      "This recording looks like Gmail or Google Calendar, not GitHub",
    );
    expect(checkSessionSuites([window("https://example.com/")], ["github"], suites)).toEqual({
      detected: [],
    });
  });
});
