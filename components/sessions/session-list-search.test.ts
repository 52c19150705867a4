import { describe, expect, it } from "vitest";
import { newerPage, olderPage } from "@/components/list-url/page-trail";
import {
  EMPTY_SESSION_LIST_SEARCH,
  hasFilters,
  parseSessionListSearch,
  toListSessionsQuery,
  toListSessionsQueryString,
  toSessionListQueryString,
  withFilters,
} from "./session-list-search";

const SLUGS = ["github", "gmail", "google-calendar"];
const SESSION = "3d6f0a52-1b2c-4d5e-8f90-a1b2c3d4e5f6";
const cursor = (n: number) => Buffer.from(`176372640000000${n}.${SESSION}`).toString("base64url");

describe("parseSessionListSearch", () => {
  it("reads every parameter from a server record and from URLSearchParams alike", () => {
    const query = `q=lunch&suite=gmail&status=failed&from=2026-11-01&to=2026-11-21&sort=oldest&cursor=${cursor(2)}&prev=${cursor(1)}`;
    const expected = {
      q: "lunch",
      suite: "gmail",
      status: "failed",
      from: "2026-11-01",
      to: "2026-11-21",
      sort: "oldest",
      cursor: cursor(2),
      prev: [cursor(1)],
    };
    expect(parseSessionListSearch(new URLSearchParams(query), SLUGS)).toEqual(expected);
    expect(parseSessionListSearch(Object.fromEntries(new URLSearchParams(query)), SLUGS)).toEqual(expected);
  });

  it("drops each malformed or unknown parameter on its own", () => {
    const search = parseSessionListSearch(
      {
        q: "   ",
        suite: "outlook",
        status: "done",
        from: "2026-02-30",
        to: "21/11/2026",
        sort: "random",
        cursor: "a b",
        prev: cursor(1),
      },
      SLUGS,
    );
    expect(search).toEqual(EMPTY_SESSION_LIST_SEARCH);
    expect(parseSessionListSearch({ q: "x".repeat(201), status: "open" }, SLUGS)).toEqual({
      ...EMPTY_SESSION_LIST_SEARCH,
      status: "open",
    });
  });

  it("trims the search and takes the first of repeated parameters", () => {
    expect(parseSessionListSearch({ q: "  Ana  ", suite: ["github", "gmail"] }, SLUGS)).toMatchObject({
      q: "Ana",
      suite: "github",
    });
  });
});

describe("query strings", () => {
  it("are canonical: fixed order, defaults and empty values left out, parse(serialize(x)) = x", () => {
    const search = {
      ...EMPTY_SESSION_LIST_SEARCH,
      sort: "oldest" as const,
      q: "send mail",
      status: "completed" as const,
      to: "2026-11-21",
      cursor: cursor(2),
      prev: [cursor(1)],
    };
    const query = toSessionListQueryString(search);
    expect(query).toBe(
      `q=send+mail&status=completed&to=2026-11-21&sort=oldest&cursor=${cursor(2)}&prev=${cursor(1)}`,
    );
    expect(parseSessionListSearch(new URLSearchParams(query), SLUGS)).toEqual(search);
    expect(toSessionListQueryString({ ...EMPTY_SESSION_LIST_SEARCH, sort: "newest" })).toBe("");
  });

  it("map to the API's parameters, with whole local days", () => {
    const query = toListSessionsQuery({
      ...EMPTY_SESSION_LIST_SEARCH,
      q: "lunch",
      suite: "gmail",
      status: "open",
      from: "2026-11-01",
      to: "2026-11-21",
      sort: "oldest",
      cursor: cursor(1),
    });
    expect(query).toEqual({
      limit: 50,
      q: "lunch",
      order: "oldest",
      suite_id: "gmail",
      status: "open",
      created_after: new Date(2026, 10, 1).toISOString(),
      created_before: new Date(2026, 10, 22).toISOString(),
      cursor: cursor(1),
    });
    // The last day of a month rolls over to the next month's first day.
    expect(toListSessionsQuery({ ...EMPTY_SESSION_LIST_SEARCH, to: "2026-12-31" }).created_before).toBe(
      new Date(2027, 0, 1).toISOString(),
    );
  });
});

describe("filters, paging and the visible rows", () => {
  it("a filter change goes back to the first page; paging keeps the filters", () => {
    const filtered = withFilters(EMPTY_SESSION_LIST_SEARCH, { suite: "gmail" });
    const second = olderPage(filtered, cursor(1));
    expect(second).toMatchObject({ suite: "gmail", cursor: cursor(1), prev: [] });
    expect(newerPage(second)).toEqual(filtered);
    expect(withFilters(second, { status: "failed" })).toEqual({ ...filtered, status: "failed" });
    expect(hasFilters(EMPTY_SESSION_LIST_SEARCH)).toBe(false);
    expect(hasFilters({ ...EMPTY_SESSION_LIST_SEARCH, q: "x" })).toBe(true);
  });

  it("search and sort go to the API and start again from the first page", () => {
    const second = olderPage(EMPTY_SESSION_LIST_SEARCH, cursor(1));
    expect(withFilters(second, { q: "lunch" })).toEqual({ ...EMPTY_SESSION_LIST_SEARCH, q: "lunch" });
    expect(withFilters(second, { sort: "oldest" })).toEqual({ ...EMPTY_SESSION_LIST_SEARCH, sort: "oldest" });
    expect(toListSessionsQueryString({ ...EMPTY_SESSION_LIST_SEARCH, q: "50% off", sort: "oldest" })).toBe(
      "limit=50&q=50%25+off&order=oldest",
    );
    // Newest first is the API's default and stays out of the query string.
    expect(toListSessionsQueryString(EMPTY_SESSION_LIST_SEARCH)).toBe("limit=50");
  });
});
