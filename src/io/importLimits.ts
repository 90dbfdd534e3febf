/** Largest file the app reads (bytes); a larger one is refused with the limit stated. */
export const MAX_IMPORT_BYTES = 150 * 1024 * 1024;
