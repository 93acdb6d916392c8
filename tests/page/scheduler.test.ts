import { describe, expect, it } from 'vitest';
import { createScheduler } from '../../lib/page/scheduler';

/** A fake clock: every unit of work costs 1 ms; yields are counted. */
function env() {
  let t = 0;
  const log: string[] = [];
  return {
    log,
    tick: () => t++,
    env: {
      now: () => t,
      sliceMs: 4,
      yieldToHost: async () => {
        log.push('yield');
      },
    },
  };
}

function* units(name: string, n: number, log: string[], tick: () => void) {
  for (let i = 0; i < n; i++) {
    log.push(`${name}${i}`);
    tick();
    yield;
  }
}

describe('scheduler', () => {
  it('works in slices of the budget and yields between them', async () => {
    const e = env();
    const s = createScheduler(e.env);
    s.push(units('a', 10, e.log, e.tick));
    await s.idle();
    // 10 units of 1 ms plus the final done-step, in 4 ms slices.
    expect(e.log).toEqual([
      'a0',
      'a1',
      'a2',
      'a3',
      'yield',
      'a4',
      'a5',
      'a6',
      'a7',
      'yield',
      'a8',
      'a9',
    ]);
  });

  it('runs urgent jobs before queued ones', async () => {
    const e = env();
    const s = createScheduler(e.env);
    s.push(units('r', 6, e.log, e.tick));
    s.push(units('u', 2, e.log, e.tick), true);
    await s.idle();
    const order = e.log.filter((x) => x !== 'yield');
    // The first slice started with r before u arrived; u runs as soon as it is queued.
    expect(order.indexOf('u1')).toBeLessThan(order.indexOf('r5'));
  });

  it('stops completely when the queue is empty', async () => {
    const e = env();
    const s = createScheduler(e.env);
    s.push(units('a', 1, e.log, e.tick));
    await s.idle();
    expect(s.busy).toBe(false);
    const yields = e.log.filter((x) => x === 'yield').length;
    await new Promise((r) => setTimeout(r, 5));
    expect(e.log.filter((x) => x === 'yield').length).toBe(yields);
  });

  it('drops queued work on cancel', async () => {
    const e = env();
    const s = createScheduler(e.env);
    s.push(units('a', 100, e.log, e.tick));
    s.cancel();
    await s.idle();
    expect(e.log.filter((x) => x.startsWith('a')).length).toBeLessThan(10);
  });

  it('keeps going after a job throws', async () => {
    const e = env();
    const errors: unknown[] = [];
    const s = createScheduler({ ...e.env, onError: (err) => errors.push(err) });
    s.push(
      (function* () {
        yield;
        throw new Error('boom');
      })(),
    );
    s.push(units('b', 2, e.log, e.tick));
    await s.idle();
    expect(errors).toHaveLength(1);
    expect(e.log).toContain('b1');
  });
});
