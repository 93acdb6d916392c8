/** Where the pack build reads and writes, relative to the project root. */
export const DATA_DIR = 'data';
export const PACK_JSON = 'lib/pack/generated/pack.json';
export const DETECT_JSON = 'lib/pack/generated/detect.json';
