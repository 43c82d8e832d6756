/**
 * An administrative unit's code as the General Statistics Office writes it: digits only (a
 * province "49", a district "517", a commune "20965"). The one pattern every schema, action and
 * route checks a unit code against.
 */
export const UNIT_CODE = /^\d{1,10}$/;

export function isUnitCode(value: unknown): value is string {
  return typeof value === "string" && UNIT_CODE.test(value);
}
