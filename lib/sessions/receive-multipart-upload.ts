import * as Multipasta from "multipasta";
import { AppError, badRequest } from "@/lib/errors";
import {
  DETECT_HEAD_BYTES,
  detectRecordingFormat,
  type RecordingFormat,
} from "@/lib/ingest/detect-upload-format";
import { chunksWithinLimit, refuseDeclaredOverLimit, tooLarge } from "@/lib/ingest/read-limited-body";
import type { ObjectStore } from "@/lib/storage/object-store";
import { uploadFileNameSchema } from "@/schemas/sessions";
import { type StoredUpload, safeFileName } from "./create-uploaded-session";

export const MAX_FILES_PER_UPLOAD = 20;

type Detect = (head: Uint8Array, fileName: string) => Promise<RecordingFormat | undefined>;

type ParserItem =
  | { kind: "file"; info: Multipasta.PartInfo }
  | { kind: "data"; chunk: Uint8Array }
  | { kind: "end" }
  | { kind: "field"; name: string; value: string }
  | { kind: "error"; error: Multipasta.MultipartError };

export const unrecognisedFile = (fileName: string) =>
  new AppError({
    code: "unsupported_media_type",
    message: `'${fileName}' is not a recognised recording (native input_events.jsonl, rrweb, DevTools Recorder or Chrome trace, optionally gzipped)`,
    extensions: { file: fileName },
  });

/** One file part on its way to storage: the head is held back for format detection, the rest streams. */
class FileWriter {
  private head: Uint8Array[] = [];
  private headBytes = 0;
  private controller?: ReadableStreamDefaultController<Uint8Array>;
  private put?: Promise<unknown>;
  private wakeWriter?: () => void;
  private format?: RecordingFormat;
  size = 0;

  constructor(
    readonly fileName: string,
    readonly key: string,
    private readonly contentType: string,
    private readonly store: ObjectStore,
    private readonly detect: Detect,
  ) {}

  async write(chunk: Uint8Array) {
    this.size += chunk.byteLength;
    if (!this.controller) {
      this.head.push(chunk);
      this.headBytes += chunk.byteLength;
      if (this.headBytes >= DETECT_HEAD_BYTES) await this.start();
      return;
    }
    this.controller.enqueue(chunk);
    // Backpressure: wait until storage has pulled, so a fast client cannot fill server memory.
    while ((this.controller.desiredSize ?? 1) <= 0) {
      await Promise.race([new Promise<void>((resolve) => (this.wakeWriter = resolve)), this.put]);
    }
  }

  private async start() {
    const head = new Uint8Array(this.headBytes);
    let offset = 0;
    for (const part of this.head) {
      head.set(part, offset);
      offset += part.byteLength;
    }
    this.head = [];
    this.format = await this.detect(head, this.fileName);
    if (!this.format) throw unrecognisedFile(this.fileName);
    const stream = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        pull: () => this.wakeWriter?.(),
      },
      { highWaterMark: 16 },
    );
    this.controller?.enqueue(head);
    this.put = this.store.put(this.key, stream, { contentType: this.contentType });
    this.put.catch(() => undefined);
  }

  async end(): Promise<StoredUpload> {
    if (!this.controller) await this.start();
    this.controller?.close();
    await this.put;
    return {
      fileName: this.fileName,
      storageKey: this.key,
      sizeBytes: this.size,
      contentType: this.contentType,
      format: this.format ?? "unknown",
    };
  }

  async abort(reason: unknown) {
    try {
      this.controller?.error(reason);
    } catch {
      // already closed
    }
    await this.put?.catch(() => undefined);
  }
}

/**
 * multipasta throws (a TypeError) on some malformed bodies instead of reporting them through `onError`, e.g. a part
 * without headers (`--B\r\r\n--B--\r\n`): whatever it throws is the client's malformed body, a 400.
 */
function feed(step: () => void): void {
  try {
    step();
  } catch (error) {
    throw new AppError({ code: "bad_request", message: "The multipart body is malformed", cause: error });
  }
}

function multipartError(error: Multipasta.MultipartError, maxBytes: number): AppError {
  if (error._tag === "ReachedLimit") {
    return error.limit === "MaxParts"
      ? badRequest(`An upload may carry at most ${MAX_FILES_PER_UPLOAD} files`)
      : tooLarge(maxBytes);
  }
  return badRequest(`The multipart body is malformed (${error._tag})`);
}

/**
 * Streams a `multipart/form-data` request into storage under `sessions/<sessionId>/` without buffering whole
 * files: memory stays at one detection head plus a few chunks per request. Returns the text fields and the
 * stored files; on any error the objects written so far are deleted. `onField` may reject early (unknown suite).
 */
export async function receiveMultipartUpload(
  request: Request,
  options: {
    sessionId: string;
    store: ObjectStore;
    maxBytes: number;
    onField?: (name: string, value: string) => Promise<void>;
    detect?: Detect;
  },
): Promise<{ fields: Record<string, string>; files: StoredUpload[] }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType)) {
    throw new AppError({
      code: "unsupported_media_type",
      message: "Send multipart/form-data or application/json",
    });
  }
  refuseDeclaredOverLimit(request, options.maxBytes);
  if (!request.body) throw badRequest("The request has no body");

  const queue: ParserItem[] = [];
  let finished = false;
  const parser = Multipasta.make({
    headers: { "content-type": contentType },
    maxParts: MAX_FILES_PER_UPLOAD + 8,
    maxTotalSize: options.maxBytes,
    onField: (info, value) =>
      queue.push({ kind: "field", name: info.name, value: Multipasta.decodeField(info, value) }),
    onFile: (info) => {
      queue.push({ kind: "file", info });
      return (chunk) => queue.push(chunk ? { kind: "data", chunk } : { kind: "end" });
    },
    onError: (error) => queue.push({ kind: "error", error }),
    onDone: () => {
      finished = true;
    },
  });

  const fields: Record<string, string> = {};
  const files: StoredUpload[] = [];
  let current: FileWriter | undefined;
  const detect = options.detect ?? detectRecordingFormat;

  const drain = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      if (item.kind === "error") throw multipartError(item.error, options.maxBytes);
      if (item.kind === "field") {
        fields[item.name] = item.value;
        await options.onField?.(item.name, item.value);
      } else if (item.kind === "file") {
        if (item.info.name !== "file")
          throw badRequest(`Unexpected file field '${item.info.name}'; send recordings in 'file'`);
        if (files.length >= MAX_FILES_PER_UPLOAD)
          throw badRequest(`An upload may carry at most ${MAX_FILES_PER_UPLOAD} files`);
        const fileName = uploadFileNameSchema.parse({ file: item.info.filename || "recording" }).file;
        const key = `sessions/${options.sessionId}/${files.length + 1}-${safeFileName(fileName)}`;
        current = new FileWriter(
          fileName,
          key,
          item.info.contentType || "application/octet-stream",
          options.store,
          detect,
        );
      } else if (item.kind === "data") {
        await current?.write(item.chunk);
      } else if (current) {
        files.push(await current.end());
        current = undefined;
      }
    }
  };

  try {
    for await (const chunk of chunksWithinLimit(request.body, options.maxBytes)) {
      feed(() => parser.write(chunk));
      await drain();
    }
    feed(() => parser.end());
    await drain();
    if (!finished) throw badRequest("The multipart body ended early");
    return { fields, files };
  } catch (error) {
    await current?.abort(error);
    await options.store.deletePrefix(`sessions/${options.sessionId}/`).catch(() => undefined);
    throw error;
  }
}
