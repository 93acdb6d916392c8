/**
 * The card and sidebar, loaded on first use. Every page pays for content.js; only pages
 * where the reader opens a card or the sidebar pay for Preact and the components, which
 * live in their own file in the package (`page-ui.js`, entrypoints/page-ui/) and are
 * `import()`ed from it then: our own code, never anything from the network.
 *
 * The wrapper has the page UI's interface, so start.ts does not know the difference. Calls
 * made while the file loads are kept and replayed in order once it has; `deps.signal`
 * aborting drops them, and stops the loaded UI (it is given the same signal). This file
 * must not import Preact or the components (only their types).
 */
import type { Occurrence } from '../page/page-marks';
import type { CardCause, PageUi, PageUiDeps } from '../page-ui/controller';

export type CreatePageUi = (deps: PageUiDeps) => PageUi;

/**
 * Imports the page UI from the package. The module runs in the content script's isolated
 * world (Chrome) or sandbox (Firefox), not the page's, whatever the page's CSP says; the
 * file is web-accessible only so the content script may import it (wxt.config.ts).
 */
export async function importPageUi(getURL: (path: string) => string): Promise<CreatePageUi> {
  // The path stays a literal at the import: scripts/web-ext-lint.ts accepts web-ext's
  // "unsafe call to import" warning only for this file. The bundler must leave it alone.
  const mod: { default?: unknown } = await import(/* @vite-ignore */ getURL('/page-ui.js'));
  if (typeof mod.default !== 'function') {
    throw new TypeError('page-ui.js has no default export createPageUi');
  }
  return mod.default as CreatePageUi;
}

/** A call kept until the UI has loaded; `card` and `leave` concern the hover card. */
interface Call {
  kind: 'card' | 'leave' | 'other';
  run: (ui: PageUi) => void;
}

export interface LazyPageUi extends PageUi {
  /** Starts loading the UI without showing anything (the pointer is resting on a term). */
  prepare(): void;
}

export function createLazyPageUi(deps: PageUiDeps, load: () => Promise<CreatePageUi>): LazyPageUi {
  let ui: PageUi | null = null;
  let loading: Promise<void> | null = null;
  let failed = false;
  let queue: Call[] = [];

  deps.signal?.addEventListener(
    'abort',
    () => {
      queue = [];
    },
    { once: true },
  );

  function start(): void {
    if (loading || deps.signal?.aborted) return;
    loading = load().then(
      (create) => {
        if (deps.signal?.aborted) return;
        ui = create(deps);
        const calls = queue;
        queue = [];
        for (const call of calls) call.run(ui);
      },
      (error: unknown) => {
        failed = true;
        const hadCard = queue.some((c) => c.kind === 'card');
        queue = [];
        // The marks stay; hovering the same term again should not count as still open.
        if (hadCard) deps.onCardClosed?.();
        console.error(
          '[sourcelight] the card and sidebar could not be loaded (page-ui.js); the page keeps its marks.',
          error,
        );
      },
    );
  }

  /** Runs now if loaded; else keeps the call and, when `needsUi`, starts the load. */
  function call(kind: Call['kind'], run: (ui: PageUi) => void, needsUi: boolean): void {
    if (deps.signal?.aborted) return;
    if (ui) {
      run(ui);
      return;
    }
    if (failed || (!needsUi && !loading)) return; // nothing is open, so nothing to change
    // Only the newest card matters: drop an older request and the leaveTerm that followed it.
    if (kind === 'card') queue = queue.filter((c) => c.kind === 'other');
    queue.push({ kind, run });
    start();
  }

  return {
    // `start` loads at most once: after a failure too, so nothing is tried again.
    prepare: start,
    showCard: (o: Occurrence, cause?: CardCause) => call('card', (u) => u.showCard(o, cause), true),
    leaveTerm: () => call('leave', (u) => u.leaveTerm(), false),
    dismissCard: () => call('leave', (u) => u.dismissCard(), false),
    pageChanged: () => call('other', (u) => u.pageChanged(), false),
    cardTerm: () => ui?.cardTerm() ?? null,
    openSidebar: (o: Occurrence | null) => call('other', (u) => u.openSidebar(o), true),
    isOurs: (target: EventTarget | null) => ui?.isOurs(target) ?? false,
    // Before the UI is loaded nothing is shown; a queued open paints the terms as they are.
    refresh: (marksChanged?: boolean) => ui?.refresh(marksChanged),
  };
}
