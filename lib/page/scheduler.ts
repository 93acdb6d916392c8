/**
 * Runs page work in slices of a few milliseconds so that no task is long, and stops
 * completely when there is nothing left: no timer, no idle loop. A job is an iterator;
 * each `next()` is one small unit of work (one block of text).
 */

export type Job = Iterator<unknown, unknown, undefined>;

export interface SchedulerEnv {
  now: () => number;
  /** Lets the browser run input and rendering, then resumes. */
  yieldToHost: () => Promise<void>;
  /** Resumes after a rendered frame (a job yielded `FRAME`). */
  yieldToFrame: () => Promise<void>;
  /** Budget of one slice, in ms. */
  sliceMs: number;
  onError: (error: unknown) => void;
}

export interface Scheduler {
  /** Queues a job; `urgent` jobs (visible content) run before the rest. */
  push(job: Job, urgent?: boolean): void;
  /** Drops every queued job (site turned off, page navigated). */
  cancel(): void;
  /** Resolves when the queue is empty. */
  idle(): Promise<void>;
  readonly busy: boolean;
}

type GlobalWithScheduler = typeof globalThis & { scheduler?: { yield?: () => Promise<void> } };

/**
 * `scheduler.yield` where the browser has it (it keeps our place ahead of other tasks);
 * else a MessageChannel hop, which, unlike setTimeout, is not clamped to 4 ms.
 */
export function defaultYield(g: GlobalWithScheduler = globalThis): () => Promise<void> {
  const s = g.scheduler;
  if (s && typeof s.yield === 'function') return () => (s.yield as () => Promise<void>).call(s);
  return () =>
    new Promise<void>((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    });
}

/**
 * Resolves in a task just after the browser's next rendering step, where the page's own
 * style and layout are done: layout reads are then cheap instead of forcing that work into
 * our task, and what we painted is on screen. A hidden tab renders nothing: one task hop.
 */
export function afterFrame(nextTask: () => Promise<void> = defaultYield()): () => Promise<void> {
  return () => {
    if (typeof document === 'undefined' || document.visibilityState === 'hidden') return nextTask();
    return new Promise((resolve) => requestAnimationFrame(() => resolve(nextTask())));
  };
}

/** What a job yields to have the scheduler wait for a rendered frame before going on. */
export const FRAME = Symbol('frame');

/**
 * Runs `job` in this task for up to `budgetMs`, or until it asks for a frame; what is
 * left goes to the scheduler (after that frame). For work whose first part must be in the
 * page's next frame (page-marks.ts's top pass on DOMContentLoaded).
 */
export function runNowThenSlice(
  scheduler: Scheduler,
  job: Generator<unknown>,
  budgetMs: number,
): void {
  const start = performance.now();
  for (let r = job.next(); !r.done; r = job.next()) {
    const frame = r.value === FRAME;
    if (!frame && performance.now() - start < budgetMs) continue;
    scheduler.push(
      (function* () {
        if (frame) yield FRAME;
        yield* job;
      })(),
      true,
    );
    return;
  }
}

export function createScheduler(env: Partial<SchedulerEnv> = {}): Scheduler {
  const now = env.now ?? (() => performance.now());
  const yieldToHost = env.yieldToHost ?? defaultYield();
  const yieldToFrame = env.yieldToFrame ?? (env.yieldToHost ? yieldToHost : afterFrame());
  const sliceMs = env.sliceMs ?? 4;
  const reportError = env.onError ?? ((error: unknown) => console.error('[sourcelight]', error));
  const urgent: Job[] = [];
  const rest: Job[] = [];
  let running = false;
  let generation = 0;
  let waiters: (() => void)[] = [];

  function settle(): void {
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve();
  }

  async function run(): Promise<void> {
    running = true;
    const gen = generation;
    try {
      while (urgent.length > 0 || rest.length > 0) {
        const start = now();
        let frame = false;
        do {
          const queue = urgent.length > 0 ? urgent : rest;
          const job = queue[0] as Job;
          let done: boolean | undefined = true;
          try {
            const r = job.next();
            done = r.done;
            frame = r.value === FRAME;
          } catch (error) {
            // One failing job must not stall the queue or break the page.
            reportError(error);
          }
          if (done) queue.shift();
        } while (!frame && (urgent.length > 0 || rest.length > 0) && now() - start < sliceMs);
        if (urgent.length === 0 && rest.length === 0) break;
        await (frame ? yieldToFrame() : yieldToHost());
        if (gen !== generation) return;
      }
    } finally {
      if (gen === generation) {
        running = false;
        settle();
      }
    }
  }

  return {
    push(job, isUrgent = false) {
      (isUrgent ? urgent : rest).push(job);
      if (!running) void run();
    },
    cancel() {
      urgent.length = 0;
      rest.length = 0;
      generation++;
      running = false;
      settle();
    },
    idle() {
      if (!running) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    get busy() {
      return running;
    },
  };
}
