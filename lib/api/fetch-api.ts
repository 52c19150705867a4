/**
 * Browser-side calls to our own /v1 API with the signed-in session cookie. Errors surface the problem+json
 * `detail`, which is written for people.
 */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function fetchApi<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { credentials: "same-origin", ...init });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const problem = (await response.json()) as { detail?: string };
      if (problem.detail) detail = problem.detail;
    } catch {
      // Not a problem document: keep the status line.
    }
    throw new ApiRequestError(response.status, detail);
  }
  return (await response.json()) as T;
}
