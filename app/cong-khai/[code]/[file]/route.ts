// The public board's files (no account): a publication's page by its stamp, its JSON, CSV
// and pictures (`latest` or a stamp: /cong-khai/49/2023-06-07T1700.json), and the index of
// publications. Served from the frozen snapshots only.
import { publicAnswer, publicLocale, publicNotFound, publicRoute } from "@/lib/api/public-board";
import { readPublicPublication } from "@/lib/data/public-board";
import { publicationCsv, publicationIndex, publicationJson } from "@/lib/reports/board-files";
import { renderBoardPage } from "@/lib/reports/board-html";
import { boardPicture } from "@/lib/reports/board-picture";
import { parsePublicFile, publicCodeSchema } from "@/lib/validation/public-board";

export async function GET(request: Request, { params }: { params: Promise<{ code: string; file: string }> }): Promise<Response> {
  return publicRoute(request, async () => {
    const { code: rawCode, file: rawFile } = await params;
    const code = publicCodeSchema.safeParse(rawCode);
    const file = parsePublicFile(rawFile);
    const json = rawFile.endsWith(".json");
    if (!code.success || !file) return publicNotFound(request, json);
    const found = await readPublicPublication(code.data, file.kind === "index" ? "latest" : file.which);
    if (!found) return publicNotFound(request, json);
    const { snapshot, board } = found;
    const locale = publicLocale(request);
    const version = board.version;
    const name = `${snapshot.unit.code}-${snapshot.stamp}`;
    switch (file.kind) {
      case "index":
        return publicAnswer(request, { version, type: "application/json; charset=utf-8", make: () => JSON.stringify(publicationIndex(snapshot.unit, board.publications)) });
      case "json":
        return publicAnswer(request, { version, type: "application/json; charset=utf-8", make: () => JSON.stringify(publicationJson(snapshot, locale)) });
      case "csv":
        return publicAnswer(request, { version, type: "text/csv; charset=utf-8", filename: `cong-khai-${name}.csv`, make: () => publicationCsv(snapshot) });
      case "png":
        return publicAnswer(request, { version, type: "image/png", filename: `cong-khai-${name}-${file.size}.png`, make: () => boardPicture(snapshot, file.size, locale) });
      case "page":
        return publicAnswer(request, {
          version, type: "text/html; charset=utf-8",
          make: () => renderBoardPage({ snapshot, publications: board.publications, locale, path: `/cong-khai/${snapshot.unit.code}/${file.which}` }),
        });
    }
  });
}
