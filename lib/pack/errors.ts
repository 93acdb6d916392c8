/** A problem in `data/` that stops the build: it names the file, the entry and the field. */
export class PackInputError extends Error {
  constructor(
    readonly file: string,
    readonly entry: string | null,
    readonly field: string | null,
    readonly problem: string,
    readonly entryKind: 'entity' | 'topic' | 'source' | 'question' = 'entity',
  ) {
    const where = [file, entry && `${entryKind} "${entry}"`, field && `field "${field}"`]
      .filter(Boolean)
      .join(': ');
    super(`${where}: ${problem}`);
    this.name = 'PackInputError';
  }
}
