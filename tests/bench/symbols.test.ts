import { describe, expect, it } from 'vitest';
import { enclosingDeclaration, nameColumn } from '../../scripts/bench/symbols';

describe('nameColumn', () => {
  const line = 'const x=1;function dr(e){return e}';
  it('finds a declared function’s minified name just before its profile position', () => {
    expect(nameColumn(line, line.indexOf('(e)'), 'dr')).toBe(line.indexOf('dr('));
  });
  it('is null for a name that is only part of another identifier, or absent', () => {
    expect(nameColumn('function adr(e){}', 'function adr'.length, 'dr')).toBeNull();
    expect(nameColumn(line, 0, 'zz')).toBeNull();
  });
});

describe('enclosingDeclaration', () => {
  const originals = new Map([
    [
      'lib/a.ts',
      [
        'let scratch = 1;',
        'export function outer(x: number) {',
        '  return x + 1;',
        '}',
        'function inner(y: number) {',
        '  const z = y * 2;',
        '  return z;',
        '}',
      ],
    ],
  ]);
  it('takes the declaration most mapped places of the body sit under', () => {
    const places = [
      { source: 'lib/a.ts', line: 3 },
      { source: 'lib/a.ts', line: 6 },
      { source: 'lib/a.ts', line: 7 },
    ];
    expect(enclosingDeclaration(places, originals)).toEqual({ name: 'inner', where: 'lib/a.ts:5' });
  });
  it('is null with no declaration above', () => {
    expect(enclosingDeclaration([{ source: 'lib/a.ts', line: 1 }], originals)).toBeNull();
    expect(enclosingDeclaration([], originals)).toBeNull();
  });
});
