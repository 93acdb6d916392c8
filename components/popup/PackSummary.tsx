import type { PackSummary as Summary } from '../../lib/messages';
import { readerHref } from '../shared/links';

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
          const label = s.label;
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
