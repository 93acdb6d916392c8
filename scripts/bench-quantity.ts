/**
 * Prints how fast lib/quantity reads figures: the five sources repeated to about 1 MB (a
 * long web page), plus inputs built to make a careless regex backtrack. Numbers only; no
 * test asserts a timing.   npx tsx scripts/bench-quantity.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQuantities } from '../lib/quantity/parse';

const dir = join(import.meta.dirname, '..', 'data', 'sources');
const base = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .join('\n');

const inputs: [string, string][] = [
  ['sources ×N (~1 MB)', base.repeat(Math.ceil(1_000_000 / base.length))],
  ['digits only', '1'.repeat(100_000)],
  ['"1," repeated', '1,'.repeat(50_000)],
  ['" a" repeated', ' a'.repeat(100_000)],
  ['"1 to " repeated', '1 to '.repeat(50_000)],
  ['"over " ×20k then 5', `${'over '.repeat(20_000)}5`],
  ['"between " repeated', 'between '.repeat(20_000)],
];

for (const [name, text] of inputs) {
  parseQuantities(text); // warm up
  const runs = 5;
  const t0 = performance.now();
  let found = 0;
  for (let i = 0; i < runs; i++) found = parseQuantities(text).length;
  const ms = (performance.now() - t0) / runs;
  const mbps = text.length / 1e6 / (ms / 1000);
  console.log(
    `${name.padEnd(24)} ${String(text.length).padStart(9)} chars ${String(found).padStart(6)} figures ${ms.toFixed(1).padStart(7)} ms  ${mbps.toFixed(1)} M chars/s`,
  );
}
