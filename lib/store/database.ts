/**
 * A generic IndexedDB layer over idb (the yomitan shape: a generic database module under a
 * domain store; yomitan's ext/js/data/database.js). Each database is typed with idb's
 * `DBSchema`, so its domain store reads and writes typed records without casts. Schema
 * versions and their upgrades are data: a list of steps, each creating stores and indexes,
 * optionally moving data. Opening a database runs every step above the version on disk, in
 * order, in one upgrade transaction, so a user who skipped versions gets the same schema as
 * a fresh install. Like yomitan's, a step skips a store or index that already exists, so a
 * half-applied schema (an older build that shipped a store early) still upgrades.
 *
 * Only extension pages and the background open databases: a content script runs in the
 * page's origin, where anything stored would belong to the site.
 */
import {
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  type IndexNames,
  openDB,
  type StoreNames,
} from 'idb';

export interface IndexSpec<Name extends string = string> {
  name: Name;
  keyPath: string | string[];
  unique?: boolean;
  multiEntry?: boolean;
}

/** A store's name in schema `S` (idb allows any key type; ours are strings). */
type StoreName<S extends DBSchema> = StoreNames<S> & string;

/** One object store of schema `S`, its indexes named from the schema too. */
export type StoreSpec<S extends DBSchema> = {
  [N in StoreName<S>]: {
    name: N;
    keyPath: string | string[];
    indexes?: IndexSpec<IndexNames<S, N> & string>[];
  };
}[StoreName<S>];

/** A new index on a store that already exists. */
export type IndexStep<S extends DBSchema> = {
  [N in StoreName<S>]: { store: N; index: IndexSpec<IndexNames<S, N> & string> };
}[StoreName<S>];

export type UpgradeTransaction<S extends DBSchema> = IDBPTransaction<
  S,
  StoreNames<S>[],
  'versionchange'
>;

export interface SchemaStep<S extends DBSchema> {
  version: number;
  /** New object stores, with their indexes. */
  createStores?: StoreSpec<S>[];
  /** New indexes on stores that already exist. */
  createIndexes?: IndexStep<S>[];
  /** Moves or derives data after this step's stores and indexes exist; IDB calls only. */
  migrate?: (tx: UpgradeTransaction<S>) => Promise<void>;
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
  /**
   * Called when an upgrade we gave up on as blocked has gone through after all (the old
   * connection in another tab closed): the database opens now, so whoever reported it
   * unavailable should try again instead of waiting for a browser restart.
   */
  onUnblocked?: () => void;
}

/** Steps must be numbered 1, 2, 3, ... with nothing missing: a gap would skip an upgrade. */
export function checkSchema(steps: readonly { version: number }[]): void {
  steps.forEach((step, i) => {
    if (step.version !== i + 1) {
      throw new Error(`schema step ${i} has version ${step.version}, expected ${i + 1}`);
    }
  });
}

/** What adding an index needs of a store, whatever the schema's types. */
interface IndexTarget {
  indexNames: DOMStringList;
  createIndex(name: string, keyPath: string | string[], options: IDBIndexParameters): unknown;
}

function addIndex(store: IndexTarget, index: IndexSpec): void {
  if (store.indexNames.contains(index.name)) return;
  store.createIndex(index.name, index.keyPath, {
    unique: index.unique ?? false,
    multiEntry: index.multiEntry ?? false,
  });
}

async function upgrade<S extends DBSchema>(
  db: IDBPDatabase<S>,
  tx: UpgradeTransaction<S>,
  steps: readonly SchemaStep<S>[],
  from: number,
  to: number,
): Promise<void> {
  // The generic layer knows store names only as strings; the domain stores see the types.
  const anyDb = db as unknown as IDBPDatabase<unknown>;
  const anyTx = tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
  for (const step of steps) {
    if (step.version <= from || step.version > to) continue;
    for (const spec of step.createStores ?? []) {
      const name: string = spec.name;
      const store: IndexTarget = anyDb.objectStoreNames.contains(name)
        ? anyTx.objectStore(name)
        : anyDb.createObjectStore(name, { keyPath: spec.keyPath });
      for (const index of spec.indexes ?? []) addIndex(store, index);
    }
    for (const { store, index } of step.createIndexes ?? []) {
      const name: string = store;
      addIndex(anyTx.objectStore(name), index);
    }
    if (step.migrate) await step.migrate(tx);
  }
}

export async function openDatabase<S extends DBSchema>(
  name: string,
  steps: readonly SchemaStep<S>[],
  options: OpenOptions = {},
): Promise<IDBPDatabase<S>> {
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
    openDB<S>(name, target, {
      upgrade: (up, oldVersion, _newVersion, tx) => upgrade(up, tx, steps, oldVersion, target),
      blocked: () => onBlocked?.(),
      blocking: () => {
        db?.close();
        options.onClose?.();
      },
      terminated: () => options.onClose?.(),
    }))();
  let db: IDBPDatabase<S> | undefined;
  try {
    db = await Promise.race([opening, blocked]);
    clearTimeout(timer);
    return db;
  } catch (error) {
    clearTimeout(timer);
    if (gaveUp) {
      // The request stays queued behind the old connection. When that closes, the upgrade
      // runs: close this late connection (nobody holds it) and say the database opens now.
      opening
        .then((late) => {
          late.close();
          options.onUnblocked?.();
        })
        .catch(() => {});
    }
    if (error instanceof DatabaseError) throw error;
    throw new DatabaseError('failed', `could not open ${name}: ${String(error)}`, { cause: error });
  }
}
