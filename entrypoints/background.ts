import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/main';
import { pack } from '../lib/pack/bundled';
import { packInput } from '../lib/pack/bundled-input';
import { registerSidebarCommand } from '../lib/sidebar-command';

// Listeners are registered synchronously at start-up so a woken service worker hears
// the message that woke it.
export default defineBackground(() => {
  startBackground(pack, packInput);
  registerSidebarCommand();
});
