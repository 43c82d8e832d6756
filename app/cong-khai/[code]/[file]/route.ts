// The public board's files (no account): a publication's page by its stamp, its JSON, CSV
// and pictures (`latest` or a stamp: /cong-khai/49/2023-06-07T1700.json), and the index of
// publications. Served from the frozen snapshots only; an answer already made for the
// board's version is served without reading the snapshot again.
import { publicAnswer, publicLocale, publicNotFound, publicRoute } from "@/lib/api/public-board";
import { publicBoardVersion, readPublicPublication } from "@/lib/data/public-board";
import type { BoardSnapshot } from "@/lib/domain/public-board";
import { publicationCsv, publicationIndex, publicationJson } from "@/lib/reports/board-files";
import { renderBoardPage } from "@/lib/reports/board-html";
import { boardPicture } from "@/lib/reports/board-picture";
import { parsePublicFile, publicCodeSchema, type PublicFile } from "@/lib/validation/public-board";

type Found = NonNullable<Awaited<ReturnType<typeof readPublicPublication>>>;

/** The answer's type, file name (downloads) and body for a file of a publication. */
function fileOf(file: PublicFile, request: Request): { type: string; filename?: (s: BoardSnapshot) => string; body: (found: Found) => string | Buffer | Promise<Buffer> } {
  const locale = publicLocale(request);
  const name = (s: BoardSnapshot) => `cong-khai-${s.unit.code}-${s.stamp}`;
  switch (file.kind) {
    case "index":
      return { type: "application/json; charset=utf-8", body: ({ snapshot, board }) => JSON.stringify(publicationIndex(snapshot.unit, board.publications)) };
    case "json":
      return { type: "application/json; charset=utf-8", body: ({ snapshot }) => JSON.stringify(publicationJson(snapshot, locale)) };
    case "csv":
      return { type: "text/csv; charset=utf-8", filename: (s) => `${name(s)}.csv`, body: ({ snapshot }) => publicationCsv(snapshot) };
    case "png":
      return { type: "image/png", filename: (s) => `${name(s)}-${file.size}.png`, body: ({ snapshot }) => boardPicture(snapshot, file.size, locale) };
    case "page":
      return { type: "text/html; charset=utf-8", body: ({ snapshot, board }) => renderBoardPage({ snapshot, publications: board.publications, locale, path: `/cong-khai/${snapshot.unit.code}/${file.which}` }) };
  }
}

export async function GET(request: Request, { params }: { params: Promise<{ code: string; file: string }> }): Promise<Response> {
  return publicRoute(request, async () => {
    const { code: rawCode, file: rawFile } = await params;
    const code = publicCodeSchema.safeParse(rawCode);
    const file = parsePublicFile(rawFile);
    const json = rawFile.endsWith(".json");
    const version = code.success && file ? await publicBoardVersion(code.data) : null;
    if (!code.success || !file || !version) return publicNotFound(request, json);
    const answer = fileOf(file, request);
    return publicAnswer(request, {
      version, type: answer.type, json,
      make: async () => {
        const found = await readPublicPublication(code.data, file.kind === "index" ? "latest" : file.which);
        if (!found) return null;
        // a download is named by its publication's stamp (for `latest` too)
        return { body: await answer.body(found), filename: answer.filename?.(found.snapshot) };
      },
    });
  });
}
