import { describe, expect, it } from 'vitest';
import { locateClaim, parseLocator } from '../../lib/pack/locate';
import type { Claim } from '../../lib/pack/types';

function claim(id: string, sourceId: string, quote: string): Claim {
  return { id, sourceId, start: 0, end: quote.length, quote, entityIds: [] };
}

const claims = [
  claim('s000-c001', 's000', 'DeepSeek was founded in 2023 by Liang Wenfeng.'),
  claim('s000-c002', 's000', 'It has about 140 employees, Liang said.'),
  claim('s001-c001', 's001', 'DeepSeek was founded in 2023 in Hangzhou.'),
];

describe('claim locators', () => {
  it.each([
    ['s000: founded in 2023 by', 's000-c001'],
    ['s001: founded in 2023', 's001-c001'],
    ['s000:about 140 employees', 's000-c002'],
  ])('%s names %s', (locator, id) => {
    const found = locateClaim(claims, locator);
    expect(found.ok && found.claim.id).toBe(id);
  });

  it.each([
    ['founded in 2023', 'not a locator'],
    ['s002: founded', 'no claim of s002'],
    ['s000: Founded in 2023', 'no claim of s000'], // verbatim: case counts
    ['s000: Liang', 'in 2 claims of s000'],
  ])('%s fails: %s', (locator, problem) => {
    const found = locateClaim(claims, locator);
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.problem).toContain(problem);
  });

  it('parses the source id and the text', () => {
    expect(parseLocator('s004: 来源')).toEqual({ sourceId: 's004', text: '来源' });
    expect(parseLocator('x: y')).toBeNull();
  });
});
