// The size limit of an uploaded import file: a plain constant the import page checks in the
// browser before uploading, so this module imports nothing (the messages live in the catalogue).
export const IMPORT_MAX_BYTES = 20_000_000;
