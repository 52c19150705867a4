import { describe, expect, it } from "vitest";
import { newerPage, olderPage, pageNumberOf } from "@/components/list-url/page-trail";
import type { CatalogLabels } from "@/lib/examples/catalog-labels";
import { PAGE_TRAIL_MAX } from "@/schemas/page-trail";
import {
  EMPTY_EXAMPLE_LIST_SEARCH,
  parseExampleListSearch,
  toExampleListQueryString,
  toListExamplesQuery,
  withFilters,
} from "./example-list-search";

const SUITE = "6f1c0a52-5b8e-5d4e-9a55-1f0e7c1f0a01";
const MODEL = "0b7d5f7e-2f3b-5c61-8f5e-3c1d2b4a5e02";
const SESSION = "3d6f0a52-1b2c-4d5e-8f90-a1b2c3d4e5f6";
const labels: CatalogLabels = {
  suites: { [SUITE]: "Gmail" },
  models: { [MODEL]: "tracepipe-rules-1" },
  maps: {},
};
const cursor = (n: number) => Buffer.from(`2026-11-22T10:00:0${n}.000Z|${SESSION}`).toString("base64url");

describe("parseExampleListSearch", () => {
  it("reads every parameter from a server record and from URLSearchParams alike", () => {
    const query = `session=${SESSION}&suite=${SUITE}&model=${MODEL}&cursor=${cursor(3)}&prev=${cursor(1)}.${cursor(2)}`;
    const expected = {
      session: SESSION,
      suite: SUITE,
      model: MODEL,
      cursor: cursor(3),
      prev: [cursor(1), cursor(2)],
    };
    expect(parseExampleListSearch(new URLSearchParams(query), labels)).toEqual(expected);
    expect(parseExampleListSearch(Object.fromEntries(new URLSearchParams(query)), labels)).toEqual(expected);
  });

  it("drops each malformed or unknown parameter on its own", () => {
    const search = parseExampleListSearch(
      { session: "not-a-uuid", suite: "6f1c0a52-0000-4000-8000-000000000000", model: MODEL, cursor: "a b" },
      labels,
    );
    expect(search).toEqual({ ...EMPTY_EXAMPLE_LIST_SEARCH, model: MODEL });
  });

  it("takes the first of repeated parameters", () => {
    expect(parseExampleListSearch({ suite: [SUITE, "x"] }, labels).suite).toBe(SUITE);
  });

  it("ignores earlier-page cursors on the first page and a trail that is too long or malformed", () => {
    expect(parseExampleListSearch({ prev: cursor(1) }, labels).prev).toEqual([]);
    const long = Array.from({ length: PAGE_TRAIL_MAX + 1 }, (_, i) => cursor(i % 10)).join(".");
    expect(parseExampleListSearch({ cursor: cursor(1), prev: long }, labels).prev).toEqual([]);
    expect(parseExampleListSearch({ cursor: cursor(1), prev: `${cursor(2)}..` }, labels).prev).toEqual([]);
  });
});

describe("query strings", () => {
  it("are canonical: fixed order, empty values left out, parse(serialize(x)) = x", () => {
    const search = { session: "", suite: SUITE, model: MODEL, cursor: cursor(2), prev: [cursor(1)] };
    const query = toExampleListQueryString(search);
    expect(query).toBe(`suite=${SUITE}&model=${MODEL}&cursor=${cursor(2)}&prev=${cursor(1)}`);
    expect(parseExampleListSearch(new URLSearchParams(query), labels)).toEqual(search);
    expect(toExampleListQueryString(EMPTY_EXAMPLE_LIST_SEARCH)).toBe("");
  });

  it("map to the API's parameters", () => {
    expect(toListExamplesQuery({ ...EMPTY_EXAMPLE_LIST_SEARCH, suite: SUITE, cursor: cursor(1) })).toEqual({
      limit: 20,
      session_id: undefined,
      suite_id: SUITE,
      model_id: undefined,
      cursor: cursor(1),
    });
  });
});

describe("paging", () => {
  it("walks older and back newer through the trail, to the first page", () => {
    const first = withFilters(EMPTY_EXAMPLE_LIST_SEARCH, { suite: SUITE });
    const second = olderPage(first, cursor(1));
    const third = olderPage(second, cursor(2));
    expect(third).toMatchObject({ cursor: cursor(2), prev: [cursor(1)] });
    expect(pageNumberOf(third)).toBe(3);
    expect(newerPage(third)).toEqual(second);
    expect(newerPage(second)).toEqual(first);
    expect(pageNumberOf(first)).toBe(1);
  });

  it("a filter change goes back to the first page", () => {
    const deep = { ...EMPTY_EXAMPLE_LIST_SEARCH, cursor: cursor(2), prev: [cursor(1)] };
    expect(withFilters(deep, { model: MODEL })).toEqual({ ...EMPTY_EXAMPLE_LIST_SEARCH, model: MODEL });
  });

  it("keeps the trail bounded", () => {
    let search = { ...EMPTY_EXAMPLE_LIST_SEARCH, cursor: cursor(0) };
    for (let i = 0; i < PAGE_TRAIL_MAX + 5; i++) search = olderPage(search, cursor(i % 10));
    expect(search.prev).toHaveLength(PAGE_TRAIL_MAX);
    expect(
      parseExampleListSearch(new URLSearchParams(toExampleListQueryString(search)), {
        ...labels,
      }).prev,
    ).toHaveLength(PAGE_TRAIL_MAX);
  });
});
