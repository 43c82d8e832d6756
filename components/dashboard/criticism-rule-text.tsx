import { formatPercent } from "@/lib/domain/format";
import type { CriticismRule } from "@/lib/domain/criticism-rule";
import { getLocale, getTranslator } from "@/lib/i18n/server";

/** "Quy tắc phê bình: tối đa 5 đơn vị thấp nhất, chỉ những đơn vị có tỷ lệ dưới 80,00%. Quy tắc theo Tỉnh Quảng Nam." */
export async function CriticismRuleText({ rule: { rule, source, sourceUnit } }: { rule: { rule: CriticismRule; source: "own" | "inherited" | "default"; sourceUnit: { name: string } | null } }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslator("dashboard")]);
  const threshold = rule.kind === "belowPercent" ? formatPercent(rule.threshold, locale) : "";
  return (
    <>
      {t(`criticismRule.describe.${rule.kind}`, { count: rule.count, threshold })}{" "}
      {source === "default" ? t("criticismRule.source.default") : t(`criticismRule.source.${source}`, { unit: sourceUnit?.name ?? "" })}
    </>
  );
}
