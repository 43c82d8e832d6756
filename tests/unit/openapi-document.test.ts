// The published API document (lib/api/openapi.ts) against the code and against a linter we did
// not write: every route file under app/api/v1 and each HTTP method it exports is in the
// document and nothing else is (a route added or changed without the document fails here);
// every authenticated operation names its refusals; and `@redocly/cli lint` (recommended-strict,
// redocly.yaml) finds no problem. See docs/api-contract.md.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OPENAPI_PATH, openApiDocument } from "@/lib/api/openapi";

const ROOT = path.resolve(__dirname, "../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

/** `GET /api/v1/units/{code}` for each method each route file under app/api/v1 exports. */
function routesOnDisk(): string[] {
  const dir = path.join(ROOT, "app/api/v1");
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /(^|\/)route\.tsx?$/.test(file))
    .flatMap((file) => {
      const source = readFileSync(path.join(dir, file), "utf8");
      const urlPath = `/api/v1/${path.dirname(file)}`.replace(/\[([^\]]+)\]/g, "{$1}");
      return METHODS.filter((method) => new RegExp(`export\\s+(?:async\\s+)?(?:function|const)\\s+${method}\\b`).test(source)).map((method) => `${method} ${urlPath}`);
    })
    .sort();
}

function routesInDocument(document: ReturnType<typeof openApiDocument>): string[] {
  return Object.entries(document.paths ?? {})
    .flatMap(([urlPath, item]) => METHODS.filter((method) => item && method.toLowerCase() in item).map((method) => `${method} ${urlPath}`))
    .sort();
}

describe("the OpenAPI document of /api/v1", () => {
  const document = openApiDocument("/");

  it("describes exactly the routes and methods app/api/v1 serves", () => {
    const onDisk = routesOnDisk();
    expect(onDisk).toContain("POST /api/v1/daily");
    expect(onDisk).toContain(`GET ${OPENAPI_PATH}`);
    expect(routesInDocument(document)).toEqual(onDisk);
  });

  it("names the refusals of every operation but its own, each with the error shape", () => {
    for (const [urlPath, item] of Object.entries(document.paths ?? {})) {
      for (const method of ["get", "post"] as const) {
        const operation = item?.[method];
        if (!operation || urlPath === OPENAPI_PATH) continue;
        expect(Object.keys(operation.responses ?? {}), `${method} ${urlPath}`).toEqual(expect.arrayContaining(["200", "400", "401", "403", "503"]));
        expect(JSON.stringify(operation.responses?.["401"]), `${method} ${urlPath}`).toContain("#/components/schemas/Error");
      }
    }
    expect(document.paths?.[OPENAPI_PATH]?.get?.security).toEqual([]);
  });

  it("describes metric codes as data (strings with examples), not as a closed list", () => {
    const metric = document.paths?.["/api/v1/rankings"]?.get?.parameters?.find((p) => "name" in p && p.name === "metric");
    expect(metric).toMatchObject({ in: "query", schema: { type: "string", default: "activated" } });
    expect(JSON.stringify(metric)).not.toContain("\"enum\"");
  });

  it("passes `redocly lint` (recommended-strict) with no problem", () => {
    mkdirSync(path.join(ROOT, "test-results/openapi"), { recursive: true });
    writeFileSync(path.join(ROOT, "test-results/openapi/openapi.json"), JSON.stringify(document, null, 2));
    const lint = spawnSync(process.execPath, ["node_modules/@redocly/cli/bin/cli.js", "lint", "test-results/openapi/openapi.json", "--format=stylish"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
      timeout: 50_000,
    });
    const output = `${lint.stdout}\n${lint.stderr}`;
    expect(output).toContain("validated");
    expect(output).not.toMatch(/\d+ (errors?|warnings?)\b|\[\d+\] /);
    expect(lint.status, output).toBe(0);
  });
});
