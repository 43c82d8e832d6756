// Class names shared by the administration forms (server and client components alike).
export const INPUT = "rounded-md border border-slate-300 bg-white px-2 py-1.5 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";
export const FIELD = "flex flex-col gap-1";
export const TABLE = "w-full text-sm";
export const TH = "px-3 py-2 text-left font-semibold";
export const TD = "px-3 py-2 align-top";
export const CARD = "rounded-lg border border-slate-200 bg-white p-4";
