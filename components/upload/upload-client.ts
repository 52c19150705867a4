// Browser side of the direct upload: reserve → send each file with progress → complete. Talks only to /v1.

export interface UploadPlan {
  session_id: string;
  session_token: string;
  mode: "local" | "vercel-blob";
  handle_upload_url: string | null;
  uploads: { file_name: string; key: string; upload_url: string | null }[];
}

export class UploadError extends Error {}

export async function readProblem(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { detail?: string };
    return body.detail ?? `Request failed (${response.status})`;
  } catch {
    return `Request failed (${response.status})`;
  }
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new UploadError(await readProblem(response));
  return (await response.json()) as T;
}

/** XHR rather than fetch: it is the portable way to observe upload progress of a request body. */
export function putWithProgress(
  url: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    xhr.setRequestHeader("content-type", file.type || "application/octet-stream");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
        return;
      }
      let detail = `Upload of ${file.name} failed (${xhr.status})`;
      try {
        detail = (JSON.parse(xhr.responseText) as { detail?: string }).detail ?? detail;
      } catch {
        // not a problem document
      }
      reject(new UploadError(detail));
    };
    xhr.onerror = () => reject(new UploadError(`Upload of ${file.name} failed: network error`));
    xhr.send(file);
  });
}

export async function sendFile(
  plan: UploadPlan,
  index: number,
  file: File,
  onProgress: (fraction: number) => void,
) {
  const slot = plan.uploads[index];
  if (!slot) throw new UploadError(`No upload slot for ${file.name}`);
  if (plan.mode === "local" && slot.upload_url) {
    await putWithProgress(slot.upload_url, file, onProgress);
    return;
  }
  const { upload } = await import("@vercel/blob/client");
  await upload(slot.key, file, {
    access: "private",
    handleUploadUrl: plan.handle_upload_url ?? "/v1/uploads/blob",
    clientPayload: plan.session_token,
    multipart: file.size > 100 * 1024 * 1024,
    onUploadProgress: ({ percentage }) => onProgress(percentage / 100),
  });
}
