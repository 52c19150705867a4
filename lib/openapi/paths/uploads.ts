import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  beginUploadResponseSchema,
  beginUploadSchema,
  completeUploadSchema,
  sessionSchema,
} from "@/schemas/sessions";
import { authenticated, json, problems, publicProblems } from "../responses";

export const uploadPaths: ZodOpenApiPathsObject = {
  "/v1/uploads": {
    post: {
      tags: ["Uploads"],
      summary: "Begin a direct upload",
      description:
        "For recordings too large for a request body (up to 5 GB each): reserves a session id and says where each file goes. Then upload each file (PUT to `upload_url`, or Vercel Blob `upload()` with `handle_upload_url`) and call `POST /v1/uploads/complete`.",
      security: authenticated,
      requestBody: { content: { "application/json": { schema: beginUploadSchema } } },
      responses: { "201": json(beginUploadResponseSchema, "Where to upload."), ...problems(422) },
    },
  },
  "/v1/uploads/{token}": {
    put: {
      tags: ["Uploads"],
      summary: "Upload one file's bytes (local storage)",
      description:
        "The raw file as the body. The signed token in the path is the credential; it allows one key and size for an hour.",
      security: [],
      requestParams: { path: z.object({ token: z.string().describe("From `upload_url`.") }) },
      requestBody: {
        content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } },
      },
      responses: {
        "200": json(z.object({ key: z.string(), size_bytes: z.number().int() }), "Stored."),
        ...publicProblems(401, 413),
      },
    },
  },
  "/v1/uploads/complete": {
    post: {
      tags: ["Uploads"],
      summary: "Complete a direct upload",
      description: "Checks every file is stored and recognised, creates the session and starts the pipeline.",
      security: authenticated,
      requestBody: { content: { "application/json": { schema: completeUploadSchema } } },
      responses: { "201": json(sessionSchema, "The session."), ...problems(400, 415, 422) },
    },
  },
  "/v1/uploads/blob": {
    post: {
      tags: ["Uploads"],
      summary: "Vercel Blob client-token exchange",
      description:
        "The `handleUploadUrl` of `@vercel/blob/client` `upload()`, with the `session_token` as `clientPayload`. Only when the server stores in Vercel Blob (404 otherwise).",
      security: authenticated,
      requestBody: {
        content: {
          "application/json": {
            schema: z.object({ type: z.string(), payload: z.record(z.string(), z.unknown()) }),
          },
        },
      },
      responses: {
        "200": json(z.object({ type: z.string(), clientToken: z.string().optional() }), "A client token."),
        ...problems(403, 404),
      },
    },
  },
};
