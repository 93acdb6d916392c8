/** Where the pack build reads and writes, relative to the project root. */
export const DATA_DIR = 'data';
export const PACK_JSON = 'lib/pack/generated/pack.json';
export const DETECT_JSON = 'lib/pack/generated/detect.json';
/** The detector pack's tables (lib/detect/tables.ts): what the content script ships. */
export const TABLES_JSON = 'lib/pack/generated/detect-tables.json';
/** The build's input (`loadPackInput`), for rebuilding with the reader's library in the browser. */
export const INPUT_JSON = 'lib/pack/generated/input.json';
/** The core names the content script's first stage looks for (lib/detect/core-names.ts). */
export const CORE_JSON = 'lib/pack/generated/core-names.json';
