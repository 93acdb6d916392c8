import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '../../..');

/** Screenshots and logs of a run (git-ignored). */
export const ARTIFACTS_DIR = join(REPO_ROOT, 'tests/e2e/artifacts');

export const CHROMIUM_PATH = process.env.SOURCELIGHT_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.SOURCELIGHT_FIREFOX ?? '/usr/bin/firefox-esr';

/** What to run when a browser is missing. */
export const INSTALL_BROWSERS = 'sudo apt-get install -y chromium firefox-esr';
