// The public board's words in a language: the press paragraph from a snapshot
// (lib/domain/public-board.ts) with the catalogue's sentences (board.paragraph).
import { boardParagraph, type BoardSnapshot, type ParagraphKey } from "@/lib/domain/public-board";
import type { Locale } from "@/lib/i18n/config";
import { m, withLocale, type MessageKey } from "@/lib/i18n/message";

/** The paragraph the press prints, in `locale` (Vietnamese unless asked), from a snapshot already narrowed by publicView. */
export function pressParagraph(snapshot: BoardSnapshot, locale: Locale = "vi"): string {
  return withLocale(locale, () => boardParagraph(snapshot, (key: ParagraphKey, values) => m(`board.paragraph.${key}` as MessageKey, values), locale));
}
