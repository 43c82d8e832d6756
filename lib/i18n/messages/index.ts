// One message catalogue per language, one JSON file per area of the product (namespace).
// Vietnamese is the reference: its shape is the type every other language must match, and
// tests/unit/messages.test.ts fails when a key or a placeholder is missing on either side.
// tests/unit/no-literal-strings.test.ts fails when a Vietnamese string is written in code
// instead of here.
import type { Locale } from "../config";
import enCommon from "./en/common.json";
import enNav from "./en/nav.json";
import enAuth from "./en/auth.json";
import enDashboard from "./en/dashboard.json";
import enEntry from "./en/entry.json";
import enAdmin from "./en/admin.json";
import enAccount from "./en/account.json";
import enReports from "./en/reports.json";
import enErrors from "./en/errors.json";
import enValidation from "./en/validation.json";
import enUsers from "./en/users.json";
import enBoard from "./en/board.json";
import enAgencies from "./en/agencies.json";
import viCommon from "./vi/common.json";
import viNav from "./vi/nav.json";
import viAuth from "./vi/auth.json";
import viDashboard from "./vi/dashboard.json";
import viEntry from "./vi/entry.json";
import viAdmin from "./vi/admin.json";
import viAccount from "./vi/account.json";
import viReports from "./vi/reports.json";
import viErrors from "./vi/errors.json";
import viValidation from "./vi/validation.json";
import viUsers from "./vi/users.json";
import viBoard from "./vi/board.json";
import viAgencies from "./vi/agencies.json";

const vi = { common: viCommon, nav: viNav, auth: viAuth, dashboard: viDashboard, entry: viEntry, admin: viAdmin, account: viAccount, reports: viReports, errors: viErrors, validation: viValidation, users: viUsers, board: viBoard, agencies: viAgencies };
export type Messages = typeof vi;

export const MESSAGES: Record<Locale, Messages> = {
  vi,
  en: { common: enCommon, nav: enNav, auth: enAuth, dashboard: enDashboard, entry: enEntry, admin: enAdmin, account: enAccount, reports: enReports, errors: enErrors, validation: enValidation, users: enUsers, board: enBoard, agencies: enAgencies },
};
