// Chart heights, shared by the charts and their loading placeholders so nothing jumps.
export const TREND_CHART_HEIGHT = 280;
export const DAILY_CHART_HEIGHT = 220;
const BAR_ROW_HEIGHT = 26;

export function percentBarChartHeight(bars: number): number {
  return Math.max(120, bars * BAR_ROW_HEIGHT + 40);
}
