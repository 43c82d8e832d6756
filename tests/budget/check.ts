// `npm run budget`: JavaScript per route (gzip) against its budget, from the last `npm run build`.
import { checkBudgets } from "./js-budget";

process.exit(checkBudgets() ? 0 : 1);
