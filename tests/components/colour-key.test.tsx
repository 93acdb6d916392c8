// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { ColourKey } from '../../components/shared/ColourKey';
import { HIGHLIGHT_GROUPS } from '../../lib/page/highlight-groups';

afterEach(cleanup);

it('names every highlight group by the kinds the painter puts in it', () => {
  const { container } = render(<ColourKey style="underline" />);
  const rows = [...container.querySelectorAll('[data-group]:not([data-link])')].map((el) => [
    el.getAttribute('data-group'),
    el.textContent,
  ]);
  expect(rows.map(([g]) => g)).toEqual([...HIGHLIGHT_GROUPS]);
  expect(Object.fromEntries(rows)).toEqual({
    person: 'People',
    organization: 'Organizations',
    model: 'AI models, Products',
    chip: 'Chips',
    place: 'Places',
    other: 'Publications, Events, Concepts',
    figure: 'Figures',
    differs: 'Figures that differ from every source’s',
  });
});

it('shows how a mark inside a link looks, in a group colour with the link tint', () => {
  const { container } = render(<ColourKey style="underline" />);
  const link = container.querySelector('[data-link]');
  expect(link?.getAttribute('data-group')).toBe('organization');
  expect(link?.textContent).toBe('Inside a link: tinted as well');
});

it('has no link row with the background style, where links get no second tint', () => {
  const { container } = render(<ColourKey style="background" />);
  expect(container.querySelector('[data-link]')).toBeNull();
});
