import type { EntityKind, FigureValue, Tier } from '../pack/types';
import type { FigureVerdict } from '../quantity/figure-verdict';

/** One marked term in a text. Offsets are UTF-16 code units of the string passed in. */
export interface Match {
  start: number;
  end: number;
  /** `input.slice(start, end)`, exactly. */
  text: string;
  kind: 'entity' | 'figure';
  /** Entity id; for a figure, the id of the pack topic it matches (or the pack figure's id). */
  id: string;
  /** Entity label, or topic label for a figure. */
  label: string;
  /** The entity's kind; null for figures. */
  entityKind: EntityKind | null;
  /**
   * Figures count as `context`: they are only marked on a page about DeepSeek. So does a
   * core entity's alias that the pack marks `needsContext` ("R1", "Liang"): alone, it does
   * not show that a page is about DeepSeek.
   */
  tier: Tier;
  /** For figures: the value and unit read from the input text. */
  value?: FigureValue;
  unit?: string;
  /** For figures: the writer's hedge ("about", "less than"), verbatim; else null. */
  qualifier?: string | null;
  /** For figures: the pack topic the figure measures, and whose figure it is; else null. */
  topicId?: string | null;
  subjectId?: string | null;
  /**
   * For figures: how it stands against the sources' figures on its topic (`same`,
   * `within`, `close`, `differs`); null without a topic to compare with.
   */
  verdict?: FigureVerdict | null;
}

export interface DetectorOptions {
  /**
   * Context gating (default true): `context` entities and figures are returned only when
   * the text mentions a `core` entity.
   */
  gating?: boolean;
}

/** What one `detectAll` call looks for. */
export interface ScanOptions {
  /**
   * Read figures too (default true). False for a page's furniture (navigation, a related-
   * links rail: lib/page/main-text.ts): its names are marked, its numbers are not about
   * the story, and reading them is most of the cost of a link-heavy page.
   */
  figures?: boolean;
}

export interface Detector {
  /** Matches in order, never overlapping, gated as the options say. */
  detect(text: string): Match[];
  /**
   * Every match, ungated. The page calls this per block of text and gates once for the
   * whole page, since one paragraph may name DeepSeek and the next only Nvidia.
   */
  detectAll(text: string, options?: ScanOptions): Match[];
}
