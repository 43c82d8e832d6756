// The published contract of /api/v1 as an OpenAPI 3.1 document, generated (zod-openapi) from
// the same zod schemas the route handlers parse their input with (lib/validation/api-params.ts,
// daily-figures.ts, report-params.ts) and type their answers with (lib/validation/api-answers.ts).
// Served at /api/v1/openapi.json and rendered at /api/docs. What keeps it true:
// tests/unit/openapi-document.test.ts (every route file and method is in it; Redocly's linter),
// tests/integration/api-contract.test.ts (answers parsed with the same schemas; Prism's
// validating proxy) and tests/e2e/api-contract.spec.ts (Portman's generated tests, run by Newman).
// See docs/api-contract.md.
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { z } from "zod";
import { progressParamsSchema, rankingsParamsSchema, unitParamsSchema, unitsParamsSchema } from "@/lib/validation/api-params";
import { EXAMPLES } from "@/lib/validation/api-examples";
import {
  dailyWrittenAnswerSchema, errorAnswerSchema, progressAnswerSchema, rankingAnswerSchema, unitDetailAnswerSchema, unitListAnswerSchema,
} from "@/lib/validation/api-answers";
import { dailyApiPublishedBodySchema } from "@/lib/validation/daily-figures";
import { weeklyReportDownloadSchema } from "@/lib/validation/report-params";

export const OPENAPI_PATH = "/api/v1/openapi.json";

const json = (schema: z.ZodType, example?: unknown) => ({ "application/json": { schema, ...(example === undefined ? {} : { example }) } });
const error = (description: string, example: unknown = EXAMPLES.error) => ({ description, content: json(errorAnswerSchema, example) });

/** The refusals every authenticated operation may answer (API.md, "HTTP API"). */
const REFUSALS: ZodOpenApiResponsesObject = {
  "400": error("Invalid input: the message, and one list of messages per field."),
  "401": error("No valid session or bearer token.", EXAMPLES.unauthenticated),
  "403": error("Outside the caller's scope, or a role that may not do this.", EXAMPLES.forbidden),
  "503": {
    ...error("The database cannot answer now; nothing was stored. Retry after the seconds in Retry-After.", EXAMPLES.unavailable),
    headers: { "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer" } } },
  },
};

const notFound = error("The code names no unit, metric or campaign on that day (for a unit: when it ended and what succeeded it).", EXAMPLES.notFound);

function read(summary: string, description: string, query: z.ZodObject, answer: z.ZodType, extra: ZodOpenApiResponsesObject = {}): ZodOpenApiOperationObject {
  return {
    summary,
    description,
    tags: ["read"],
    requestParams: { query },
    responses: { "200": { description: "The answer.", content: json(answer) }, ...REFUSALS, ...extra },
  };
}

const REPORT_TYPES = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", contentMediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } },
  "application/pdf": { schema: { type: "string", contentMediaType: "application/pdf" } },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { schema: { type: "string", contentMediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" } },
  "text/csv; charset=utf-8": { schema: { type: "string" } },
} as const;

/** The OpenAPI 3.1 document of /api/v1. `serverUrl`: where this server answers (the request's origin). */
export function openApiDocument(serverUrl = "/") {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "VNeID activation progress API (Project 06)",
      version: "1.0.0",
      description: [
        "Other systems, scripts and the press feed depend on this interface: it is added to, never broken.",
        "Units are addressed by their official (GSO) code, resolved on the request's `asOf` day (a code may name another unit after a reorganisation).",
        "Metrics and campaigns are addressed by short codes; metrics are data (`dossiers`, `accounts`, `activated`, `cccd`, `accounts_l2`, `activated_l2`, and any added later).",
        "Dates are `YYYY-MM-DD` in Asia/Ho_Chi_Minh; weeks are ISO weeks, `YYYY-Www`. Messages are in the request's language (Vietnamese by default).",
        "Every refusal is `{ \"error\": { \"message\", \"fieldErrors\" } }`; never a stack trace.",
      ].join("\n\n"),
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: serverUrl, description: "This server" }],
    tags: [
      { name: "read", description: "Units, rankings and progress, within the caller's scope." },
      { name: "write", description: "Daily figures, with the same rules and audit trail as the entry grid and the CSV import." },
      { name: "reports", description: "Weekly report files." },
      { name: "contract", description: "This document." },
    ],
    security: [{ bearerToken: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "An API token an administrator issues to a user (`npm run token -- --user U`); it carries that user's role and scope." },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The browser session of the web app (writes also need a JSON body and a same-origin request)." },
      },
    },
    paths: {
      "/api/v1/units": {
        get: { operationId: "listUnits", ...read("Units by parent", "The children of a unit valid on `asOf`; no `parent`: the roots.", unitsParamsSchema, unitListAnswerSchema) },
      },
      "/api/v1/units/{code}": {
        get: {
          operationId: "getUnit",
          ...read("One unit", "The unit the code names on `asOf`, with its predecessors and successors across reorganisations.", unitParamsSchema, unitDetailAnswerSchema, { "404": notFound }),
          requestParams: {
            query: unitParamsSchema,
            path: z.object({ code: z.string().meta({ description: "The unit's official (GSO) code.", example: "502" }) }),
          },
        },
      },
      "/api/v1/rankings": {
        get: { operationId: "getRankings", ...read("Ranking of units", "The children of `parent` (or every unit of `level` under it) ranked by percent of target.", rankingsParamsSchema, rankingAnswerSchema, { "404": notFound }) },
      },
      "/api/v1/progress": {
        get: { operationId: "getProgress", ...read("Progress of a unit", "Actual, target, percent and the projection to the due date of a unit's metric.", progressParamsSchema, progressAnswerSchema, { "404": notFound }) },
      },
      "/api/v1/daily": {
        post: {
          operationId: "saveDailyFigures",
          summary: "Save daily figures",
          description: "The same rules as the daily CSV import; all or nothing: on any bad row nothing is written and every bad row is named (`rows.<index>`).",
          tags: ["write"],
          requestParams: {
            header: z.object({
              "Idempotency-Key": z.string().regex(/^[A-Za-z0-9-]{8,64}$/).optional().meta({ description: "Makes a retried request write once.", example: "tam-ky-2023-06-07-01" }),
            }),
          },
          requestBody: { required: true, content: json(dailyApiPublishedBodySchema, EXAMPLES.dailyBody) },
          responses: {
            "200": { description: "Written.", content: json(dailyWrittenAnswerSchema) },
            ...REFUSALS,
            "409": error("A row was changed by someone else meanwhile; nothing was written."),
            "413": error("The body is larger than the server's limit (API_BODY_LIMIT_BYTES)."),
            "415": error("A session's write without a JSON content type."),
          },
        },
      },
      "/api/v1/reports/weekly": {
        get: {
          operationId: "getWeeklyReport",
          summary: "Weekly report file",
          description: "The weekly report of a unit (default: the caller's) for an ISO week (default: the last complete one), in the request's language.",
          tags: ["reports"],
          requestParams: { query: weeklyReportDownloadSchema.extend({
            unit: weeklyReportDownloadSchema.shape.unit.meta({ description: "The unit's code; default: the caller's unit.", example: "49" }),
            week: weeklyReportDownloadSchema.shape.week.meta({ description: "An ISO week, YYYY-Www; default: the last complete week.", example: "2023-W22" }),
            format: weeklyReportDownloadSchema.shape.format.meta({ example: "xlsx" }),
            issued: weeklyReportDownloadSchema.shape.issued.meta({ description: "An issued (frozen) report's id." }),
          }) },
          responses: {
            "200": {
              description: "The file, as an attachment.",
              headers: { "Content-Disposition": { description: "attachment; filename=...", schema: { type: "string" } } },
              content: REPORT_TYPES,
            },
            ...REFUSALS,
            "404": notFound,
          },
        },
      },
      [OPENAPI_PATH]: {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document",
          description: "The OpenAPI 3.1 document of this interface. Public.",
          tags: ["contract"],
          security: [],
          responses: { "200": { description: "The document.", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
  });
}
