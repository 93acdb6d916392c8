/**
 * "About this": a circled i drawn as SVG. The ⓘ character needs a font that has it and
 * shows as a missing-glyph box on a machine without one (issue 18.6). Decorative: the
 * button it sits in carries the name.
 */
export function InfoIcon() {
  return (
    <svg class="info-icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true">
      <circle cx="8" cy="8" r="6.75" fill="none" stroke="currentColor" stroke-width="1.5" />
      <rect x="7.25" y="6.75" width="1.5" height="5" rx="0.5" fill="currentColor" />
      <circle cx="8" cy="4.5" r="1" fill="currentColor" />
    </svg>
  );
}
