// The progress id of an import from the web page: a random UUID the browser makes for one
// upload (crypto.randomUUID), sent with the file and then asked about
// (GET /api/import-progress?id=). Anything else is no id: the import runs without progress.
import { z } from "zod";

export const importProgressIdSchema = z.uuid();
