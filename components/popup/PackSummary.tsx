import type { PackSummary as Summary } from '../../lib/messages';
import { sourceLabel } from '../../lib/pack/source-label';
import { readerHref } from '../shared/links';

// The summary carries no lede (lib/messages.ts `PackSummary`), so a source that prints
// neither outlet nor headline (s003) is named by its id here until it carries `label`.

/** The pack at a glance: its five sources, and how much it knows. */
export function PackSummary({ summary }: { summary: Summary }) {
  return (
    <div class="pack-summary">
      <p>
        {summary.entityCount} names, {summary.claimCount} quotes, {summary.figureCount} figures in{' '}
        {summary.topicCount} topics, from {summary.sources.length} sources:
      </p>
      <ul class="plain">
        {summary.sources.map((s) => {
          const label = sourceLabel(s);
          return (
            <li key={s.id}>
              <a href={readerHref(s.id)} target="_blank" rel="noopener">
                {label}
              </a>
              <span class="muted">
                {' '}
                {[
                  s.added && 'your source',
                  s.outlet !== label && s.outlet,
                  s.dateAsPrinted ?? s.date,
                ]
                  .filter(Boolean)
                  .join(', ') || 'outlet and date not printed'}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
