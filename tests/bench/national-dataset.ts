// A national dataset for benchmarks: the demo (Quảng Nam down to its 241 communes), plus
// every other province of the official list with its districts (705 districts in all), each
// district entering figures itself, 90 days of four metrics, and targets for the demo
// campaign's two milestones. Deterministic, and loaded once per database.
import { rebuildTotals } from "@/lib/data/totals";
import type { Db } from "@/lib/db/client";
import { DEMO_CAMPAIGN, DEMO_DAYS, DEMO_PROVINCE, seedDemo } from "@/lib/db/seed/demo";
import { loadUnits, readOfficialUnits } from "@/lib/db/seed/official-units";

const MARKER = "bench.national";

export async function loadNationalDataset(db: Db, now: Date = new Date()): Promise<{ districts: number; figures: number; loaded: boolean }> {
  await seedDemo(db, now);
  const all = readOfficialUnits();
  const districtsCount = all.filter((u) => u.level === "2").length;
  if (await db.auditEvent.findFirst({ where: { action: MARKER }, select: { id: true } })) return { districts: districtsCount, figures: 0, loaded: false };

  await loadUnits(db, all.filter((u) => u.level === "1" || u.level === "2"));
  const campaign = await db.campaign.findUniqueOrThrow({ where: { code: DEMO_CAMPAIGN } });
  const dues = (await db.target.findMany({ where: { campaignId: campaign.id }, distinct: ["dueDate"], select: { dueDate: true }, orderBy: { dueDate: "asc" } })).map((t) => t.dueDate);
  const metrics = await db.metric.findMany({ select: { id: true, code: true } });
  const districts = await db.unit.findMany({ where: { level: 2, NOT: { path: { startsWith: `${DEMO_PROVINCE}/` } } }, select: { id: true, code: true }, orderBy: { code: "asc" } });
  const start = campaign.startDate;

  let state = 706;
  const rand = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
  const share: Record<string, number> = { dossiers: 0.9, accounts: 0.8, activated: 0.7, cccd: 0.3 };
  const targets: { campaignId: number; unitId: number; metricId: number; dueDate: Date; value: number }[] = [];
  const figures: { unitId: number; metricId: number; date: Date; value: number; cumulative: number }[] = [];
  for (const [index, district] of districts.entries()) {
    const population = 40_000 + Math.floor(rand() * 160_000);
    const pace = 0.15 + ((index * 7) % 19) / 19 * 0.7;
    for (const metric of metrics) {
      const goal = Math.round(population * (share[metric.code] ?? 0.5));
      dues.forEach((due, i) => targets.push({ campaignId: campaign.id, unitId: district.id, metricId: metric.id, dueDate: due, value: Math.round(goal * (i === dues.length - 1 ? 1 : 0.6)) }));
      for (let d = 0; d < DEMO_DAYS; d++) {
        const date = new Date(start.getTime() + d * 86_400_000);
        const value = Math.max(0, Math.round((goal / DEMO_DAYS) * pace * (0.6 + rand() * 0.8)));
        figures.push({ unitId: district.id, metricId: metric.id, date, value, cumulative: 0 });
      }
    }
  }
  await db.$transaction(async (tx) => {
    // A bulk load on a shared machine may outlast the application's 30-second statement limit.
    await tx.$executeRaw`SET LOCAL statement_timeout = 0`;
    for (let i = 0; i < targets.length; i += 10_000) await tx.target.createMany({ data: targets.slice(i, i + 10_000) });
    for (let i = 0; i < figures.length; i += 10_000) await tx.figure.createMany({ data: figures.slice(i, i + 10_000) });
    await rebuildTotals(tx);
    await tx.auditEvent.create({ data: { action: MARKER, entity: "campaign", entityKey: DEMO_CAMPAIGN, newValue: { figures: figures.length, targets: targets.length }, reason: "Dữ liệu đo hiệu năng" } });
  }, { timeout: 900_000 });
  return { districts: districtsCount, figures: figures.length, loaded: true };
}
