/**
 * The automaton's plan shipped with the tables (issue 15): decoded, it scans as the
 * automaton built on the page does; a plan that does not hold together is refused, and
 * the page builds the automaton itself.
 */
import { describe, expect, it } from 'vitest';
import { automatonFrom, buildAutomaton, scanAll } from '../../lib/detect/automaton';
import { planAutomaton } from '../../lib/detect/automaton-plan';
import { compileTables } from '../../lib/detect/compile';
import { decodePlan, encodePlan, type PlanJson } from '../../lib/detect/plan-codec';
import type { DetectorTables } from '../../lib/detect/tables';
import { detectorTables } from '../../lib/pack/bundled';

const keys = ['deepseek', 'deepseek r1', 'liang wenfeng', '梁文锋', 'r1', "o'neil", 'seek'];
const text =
  'DeepSeek-R1 and DeepSeek  R1; Liang\u00adWenfeng (梁文锋) met O’Neil. deepseekr1 seek r1.';

function compile(tables: DetectorTables) {
  const steps = compileTables(tables);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

describe('plan codec', () => {
  it('round-trips a plan, and the decoded automaton finds what the built one does', () => {
    const plan = planAutomaton(keys);
    const decoded = decodePlan(encodePlan(plan), keys.length);
    expect(decoded).toEqual(plan);
    const edges = [1, 3, 3, 0, 3, 3, 2];
    const built = scanAll(buildAutomaton(keys, edges), text);
    expect(built.length).toBeGreaterThan(0);
    expect(scanAll(automatonFrom(decoded as NonNullable<typeof decoded>, edges), text)).toEqual(
      built,
    );
  });

  it.each<[string, (p: PlanJson) => unknown]>([
    ['another format', (p) => ({ ...p, format: 0 })],
    ['an array cut short', (p) => ({ ...p, fail: p.fail.slice(1) })],
    ['a state out of range', (p) => ({ ...p, kidTo: p.kidTo.map((n, i) => (i ? n : 1e6)) })],
    ['a negative number', (p) => ({ ...p, outIds: p.outIds.map((n, i) => (i ? n : -1)) })],
    ['a word', (p) => ({ ...p, fail: p.fail.map((n, i) => (i ? n : 'x')) })],
    ['an array missing', ({ sepStates: _, ...p }) => p],
    ['offsets that do not add up', (p) => ({ ...p, kidFrom: [...p.kidFrom].reverse() })],
    ['not an object', () => 'p1'],
  ])('refuses %s', (_why, spoil) => {
    const json = encodePlan(planAutomaton(keys));
    expect(decodePlan(json, keys.length)).not.toBeNull();
    expect(decodePlan(spoil(json), keys.length)).toBeNull();
    expect(decodePlan(json, keys.length + 1)).toBeNull();
  });

  it('ships with the bundled tables, and a detector with it marks as one without', () => {
    expect(decodePlan(detectorTables.names.plan, detectorTables.names.written.length)).not.toBe(
      null,
    );
    const { plan: _, ...names } = detectorTables.names;
    const page =
      'DeepSeek, founded by Liang Wenfeng in Hangzhou, trained DeepSeek-V3 on 2,048 Nvidia H800 chips for $5.6 million; High-Flyer backs it. 深度求索 and 梁文锋.';
    expect(compile(detectorTables).detectAll(page)).toEqual(
      compile({ ...detectorTables, names }).detectAll(page),
    );
    expect(compile(detectorTables).detectAll(page).length).toBeGreaterThan(4);
  });
});
