/**
 * `npx tsx scripts/time-compile.ts [runs]`: how long compiling the bundled detector takes
 * in a fresh Node process, cold (no warm-up: what a page pays once). Each run is a child
 * process, so nothing is cached or optimised from the run before; prints medians of
 * `compileTables` on the committed tables (what the content script does) and of
 * `createDetector` on the detector pack (tables prepared at run time, as `scan` does).
 * Node timings only: a content script in Chromium is slower, but moves the same way.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

type Mode = 'tables' | 'pack';

async function child(mode: Mode): Promise<number> {
  const bundled = await import('../lib/pack/bundled');
  const detect = await import('../lib/detect/index');
  const t0 = performance.now();
  if (mode === 'pack') detect.createDetector(bundled.detectorPack);
  else for (const _ of detect.compileTables(bundled.detectorTables));
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

if (process.argv[2] === '--child') {
  process.stdout.write(String(await child(process.argv[3] as Mode)));
} else {
  const runs = Number(process.argv[2] ?? 15);
  for (const mode of ['tables', 'pack'] as Mode[]) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const args = [...process.execArgv, import.meta.filename, '--child', mode];
      times.push(Number(execFileSync(process.execPath, args, { encoding: 'utf8' })));
    }
    const what =
      mode === 'tables' ? 'compileTables(detectorTables)' : 'createDetector(detectorPack)';
    process.stdout.write(
      `${what}: median ${median(times).toFixed(2)} ms over ${runs} fresh processes (min ${Math.min(...times).toFixed(2)}, max ${Math.max(...times).toFixed(2)})\n`,
    );
  }
}
