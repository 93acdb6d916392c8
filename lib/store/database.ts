/**
 * A generic IndexedDB layer over idb (the yomitan shape: a generic database module under a
 * domain store). Schema versions and their upgrades are data: a list of steps, each
 * creating stores and indexes, optionally moving data. Opening a database runs every step
 * above the version on disk, in order, in one upgrade transaction, so a user who skipped
 * versions gets the same schema as a fresh install.
 *
 * Only extension pages and the background open databases: a content script runs in the
 * page's origin, where anything stored would belong to the site.
 */
import { type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';

export interface IndexSpec {
  name: string;
  keyPath: string | string[];
  unique?: boolean;
  multiEntry?: boolean;
}

export interface StoreSpec {
  name: string;
  keyPath: string | string[];
  indexes?: IndexSpec[];
}

export type UpgradeTransaction = IDBPTransaction<unknown, string[], 'versionchange'>;

export interface SchemaStep {
  version: number;
  /** New object stores, with their indexes. */
  createStores?: StoreSpec[];
  /** New indexes on stores that already exist. */
  createIndexes?: { store: string; index: IndexSpec }[];
  /** Moves or derives data after this step's stores and indexes exist; IDB calls only. */
  migrate?: (tx: UpgradeTransaction) => Promise<void>;
}

export type DatabaseFailure = 'unavailable' | 'blocked' | 'failed';

/** Why a database could not be opened; callers degrade rather than crash. */
export class DatabaseError extends Error {
  constructor(
    readonly reason: DatabaseFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseError';
  }
}

export interface OpenOptions {
  /** Stop at this version instead of the newest (tests open old schemas with it). */
  version?: number;
  /** Give up when another connection blocks the upgrade this long. */
  blockedTimeoutMs?: number;
  /** Called when the connection closes under us (a newer version wants in, or the browser ended it). */
  onClose?: () => void;
}

/** Steps must be numbered 1, 2, 3, ... with nothing missing: a gap would skip an upgrade. */
export function checkSchema(steps: readonly SchemaStep[]): void {
  steps.forEach((step, i) => {
    if (step.version !== i + 1) {
      throw new Error(`schema step ${i} has version ${step.version}, expected ${i + 1}`);
    }
  });
}

async function upgrade(
  db: IDBPDatabase<unknown>,
  tx: UpgradeTransaction,
  steps: readonly SchemaStep[],
  from: number,
  to: number,
): Promise<void> {
  for (const step of steps) {
    if (step.version <= from || step.version > to) continue;
    for (const spec of step.createStores ?? []) {
      const store = db.createObjectStore(spec.name, { keyPath: spec.keyPath });
      for (const index of spec.indexes ?? []) {
        store.createIndex(index.name, index.keyPath, {
          unique: index.unique ?? false,
          multiEntry: index.multiEntry ?? false,
        });
      }
    }
    for (const { store, index } of step.createIndexes ?? []) {
      tx.objectStore(store).createIndex(index.name, index.keyPath, {
        unique: index.unique ?? false,
        multiEntry: index.multiEntry ?? false,
      });
    }
    if (step.migrate) await step.migrate(tx);
  }
}

export async function openDatabase(
  name: string,
  steps: readonly SchemaStep[],
  options: OpenOptions = {},
): Promise<IDBPDatabase<unknown>> {
  checkSchema(steps);
  const target = options.version ?? steps.length;
  if (target < 1 || target > steps.length) throw new Error(`no schema version ${target}`);
  if (typeof indexedDB === 'undefined') {
    throw new DatabaseError('unavailable', 'IndexedDB is not available here');
  }

  let gaveUp = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onBlocked: (() => void) | undefined;
  const blocked = new Promise<never>((_, reject) => {
    onBlocked = () => {
      // Wait a little: the older connection usually closes itself on `versionchange`.
      timer ??= setTimeout(() => {
        gaveUp = true;
        reject(new DatabaseError('blocked', `upgrade of ${name} to v${target} is blocked`));
      }, options.blockedTimeoutMs ?? 2000);
    };
  });
  blocked.catch(() => {});

  // An async wrapper turns a synchronous throw from `indexedDB.open` into a rejection.
  const opening = (async () =>
    openDB(name, target, {
      upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, tx, steps, oldVersion, target),
      blocked: () => onBlocked?.(),
      blocking: () => {
        db?.close();
        options.onClose?.();
      },
      terminated: () => options.onClose?.(),
    }))();
  let db: IDBPDatabase<unknown> | undefined;
  try {
    db = await Promise.race([opening, blocked]);
    clearTimeout(timer);
    return db;
  } catch (error) {
    clearTimeout(timer);
    if (gaveUp) {
      // The open may still succeed later; close it then so it blocks nobody.
      opening.then((late) => late.close()).catch(() => {});
    }
    if (error instanceof DatabaseError) throw error;
    throw new DatabaseError('failed', `could not open ${name}: ${String(error)}`, { cause: error });
  }
}
