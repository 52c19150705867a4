import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { type RawSearch, requestedQueryString, withQuery } from "./search-params";

/**
 * A list page's URL with malformed, unknown or out-of-order parameters is redirected to its canonical form, so
 * what is shown is always what the URL says (and a shared link names one view one way).
 */
export function redirectUnlessCanonical(path: string, raw: RawSearch, canonicalQuery: string) {
  if (canonicalQuery !== requestedQueryString(raw)) redirect(withQuery(path, canonicalQuery));
}

/**
 * Loads the page a URL names. A well-formed cursor that does not decode (edited by hand) is a 400 from the list
 * function: the view starts again from its first page instead of showing an error.
 */
export async function loadListPage<T>(
  load: () => Promise<T>,
  { hasCursor, firstPageUrl }: { hasCursor: boolean; firstPageUrl: string },
): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (hasCursor && error instanceof AppError && error.status === 400) redirect(firstPageUrl);
    throw error;
  }
}
