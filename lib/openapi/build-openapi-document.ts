import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import { canonicalEventSchema, nativeEventSchema } from "@/schemas/events";
import { ap2Paths } from "./paths/ap2";
import { apiKeyPaths } from "./paths/api-keys";
import { auditEventPaths } from "./paths/audit-events";
import { budgetComponents, budgetPaths } from "./paths/budgets";
import { bundlePaths } from "./paths/bundles";
import { catalogPaths } from "./paths/catalog";
import { dataPolicyPaths } from "./paths/data-policy";
import { examplePaths } from "./paths/examples";
import { mcpPaths } from "./paths/mcp";
import { platformPaths } from "./paths/platform";
import { reviewItemPaths } from "./paths/review-items";
import { sessionPaths } from "./paths/sessions";
import { timelinePaths } from "./paths/timeline";
import { uploadPaths } from "./paths/uploads";
import { usagePaths } from "./paths/usage";
import { userPaths } from "./paths/users";
import { workspacePaths } from "./paths/workspaces";

/**
 * Every domain registers its paths in lib/openapi/paths/<domain>.ts and is listed here. The document is built
 * from the same zod schemas the handlers parse with, so it cannot drift from them; a test fails when a route
 * under app/v1 is missing.
 */
const pathModules: ZodOpenApiPathsObject[] = [
  platformPaths,
  userPaths,
  apiKeyPaths,
  auditEventPaths,
  sessionPaths,
  uploadPaths,
  catalogPaths,
  examplePaths,
  reviewItemPaths,
  timelinePaths,
  usagePaths,
  mcpPaths,
  dataPolicyPaths,
  bundlePaths,
  workspacePaths,
  budgetPaths,
  ap2Paths,
];

let cached: ReturnType<typeof createDocument> | undefined;

export function buildOpenApiDocument() {
  cached ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Tracepipe API",
      version: "1.0.0",
      description:
        "Turn recordings of people using web apps into MCP tool-call training data. Upload recordings or stream events, then read sessions, the capability catalog and generated examples. Errors are RFC 9457 `application/problem+json`.",
    },
    servers: [{ url: "/", description: "This server" }],
    security: [{ apiKey: [] }, { apiKeyHeader: [] }, { entraToken: [] }],
    tags: [
      { name: "Sessions", description: "Recordings and their pipeline status." },
      { name: "Streaming ingest", description: "For recorders and SDKs: open, stream events, complete." },
      { name: "Uploads", description: "Direct uploads of large recordings to storage." },
      { name: "Catalog", description: "Suites, actions, MCP servers, tools, maps and models (read-only)." },
      {
        name: "Review",
        description: "Actions the pipeline could not finish, for a person to accept or reject.",
      },
      { name: "Account", description: "The caller's account and API keys." },
      { name: "MCP", description: "Tracepipe as an MCP server for agents." },
      {
        name: "Workspace",
        description: "The workspace that owns the data, its members, roles and invitations.",
      },
      { name: "Billing", description: "Budgets, alerts and hard caps on spend." },
      {
        name: "AP2",
        description:
          "Agents paying per example: an authorisation on the card on file, captured at retrieval.",
      },
      { name: "Platform", description: "Health, readiness and this document." },
    ],
    paths: Object.assign({}, ...pathModules),
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "tp_live_…",
          description: "An API key (`Authorization: Bearer tp_live_…`), created in Settings → API keys.",
        },
        apiKeyHeader: {
          type: "apiKey",
          in: "header",
          name: "X-API-Key",
          description: "The same API key in the `X-API-Key` header.",
        },
        entraToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description:
            "A Microsoft Entra External ID access token for this API's audience (`ENTRA_API_AUDIENCE`), when Entra is configured.",
        },
      },
      schemas: {
        NativeEvent: nativeEventSchema,
        CanonicalEvent: canonicalEventSchema,
        ...budgetComponents,
      },
    },
  });
  return cached;
}
