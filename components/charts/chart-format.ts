// Vietnamese number and date notation for chart axes and tooltips.
const numbers = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat("vi-VN", { notation: "compact", maximumFractionDigits: 1 });
const decimals = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });

export const formatAxisNumber = (value: number) => compact.format(value);
export const formatTooltipNumber = (value: number) => (Number.isInteger(value) ? numbers.format(value) : decimals.format(value));
/** "2023-06-07" → "07/06" */
export const formatShortDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;
export const formatPercentAxis = (value: number) => `${decimals.format(value)}%`;
