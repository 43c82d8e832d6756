// A fake Next.js build folder with only what lib/build/startup-scripts.ts reads: the chunks,
// build-manifest.json's `rootMainFiles` and one page_client-reference-manifest.js per page.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type FakeBuild = {
  chunks: Record<string, string>; // file name under static/chunks → content
  rootMainFiles: string[]; // file names under static/chunks
  pages: Record<string, string[]>; // route → file names under static/chunks
};

export function writeFakeBuild(build: FakeBuild): string {
  const dir = mkdtempSync(path.join(tmpdir(), "fake-build-"));
  const chunkPath = (name: string) => `static/chunks/${name}`;
  mkdirSync(path.join(dir, "static/chunks"), { recursive: true });
  for (const [name, content] of Object.entries(build.chunks)) writeFileSync(path.join(dir, chunkPath(name)), content);
  writeFileSync(path.join(dir, "build-manifest.json"), JSON.stringify({ rootMainFiles: build.rootMainFiles.map(chunkPath) }));
  for (const [route, files] of Object.entries(build.pages)) {
    const folder = path.join(dir, "server/app", route);
    mkdirSync(folder, { recursive: true });
    const manifest = { entryJSFiles: { [`[project]/app${route}/page`]: files.map(chunkPath) } };
    writeFileSync(path.join(folder, "page_client-reference-manifest.js"),
      `globalThis.__RSC_MANIFEST=(globalThis.__RSC_MANIFEST||{});globalThis.__RSC_MANIFEST[${JSON.stringify(`${route}/page`)}]=${JSON.stringify(manifest)};`);
  }
  return dir;
}
