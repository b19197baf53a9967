import { SdkError } from '../errors.js';

/**
 * Errors of the Northbound builders (src/ovn-nb/). Each names the table and the row key (a name, or
 * the identifying columns of an unnamed row) it is about; docs/errors/ovn.md lists the codes.
 */
export abstract class NbBuilderError extends SdkError {
  /** Table the failure is about, e.g. `Logical_Switch_Port`. */
  readonly table: string;
  /** The row key: a name, or e.g. `to-lport 1001 ip4`. */
  readonly key: string;
  constructor(code: string, message: string, table: string, key: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.table = table;
    this.key = key;
  }
}

/** A row already exists and the caller asked for `mayExist: false` (ovn-nbctl without `--may-exist`). */
export class NbRowExistsError extends NbBuilderError {
  constructor(table: string, key: string) {
    super('NB_ROW_EXISTS', `${table} ${key} already exists`, table, key);
  }
}

/** A row to change or delete does not exist and the caller asked for `ifExists: false`. */
export class NbRowNotFoundError extends NbBuilderError {
  constructor(table: string, key: string) {
    super('NB_ROW_NOT_FOUND', `${table} ${key} does not exist`, table, key);
  }
}

/** The parent row (switch, router, port group, port…) a builder needs does not exist. */
export class NbParentNotFoundError extends NbBuilderError {
  readonly parentTable: string;
  readonly parent: string;
  constructor(table: string, key: string, parentTable: string, parent: string) {
    super('NB_PARENT_NOT_FOUND', `${table} ${key}: ${parentTable} ${parent} does not exist`, table, key);
    this.parentTable = parentTable;
    this.parent = parent;
  }
}

/** A port exists but on another switch/router than the one named (ovn-nbctl refuses this too). */
export class NbWrongParentError extends NbBuilderError {
  readonly parent: string;
  readonly actualParent: string;
  constructor(table: string, key: string, parent: string, actualParent: string) {
    super('NB_WRONG_PARENT', `${table} ${key} belongs to ${actualParent}, not ${parent}`, table, key);
    this.parent = parent;
    this.actualParent = actualParent;
  }
}

/** Two rows of a table without a name index share the name, so a name does not say which one is meant. */
export class NbDuplicateNameError extends NbBuilderError {
  readonly uuids: readonly string[];
  constructor(table: string, key: string, uuids: readonly string[]) {
    super(
      'NB_DUPLICATE_NAME',
      `${table} ${key}: ${uuids.length} rows have this name (${uuids.join(', ')})`,
      table,
      key,
    );
    this.uuids = uuids;
  }
}

/** A builder argument is malformed (e.g. an empty name, a bad MAC, a bad prefix, a bad priority). */
export class NbInvalidArgumentError extends NbBuilderError {
  readonly field: string;
  readonly value: string;
  constructor(table: string, key: string, field: string, value: string, expected: string) {
    super('NB_INVALID_ARGUMENT', `${table} ${key}: ${field} ${JSON.stringify(value)} is not ${expected}`, table, key);
    this.field = field;
    this.value = value;
  }
}

/** The replica an `NbReplica` writes from is closed, or between connections (not synced with the server). */
export class NbReplicaNotSyncedError extends SdkError {
  constructor(reason: string) {
    super('NB_REPLICA_NOT_SYNCED', `the Northbound replica is not synced: ${reason}; nothing was written`);
  }
}

/** One conflicting attempt of `NbReplica.transact`: what the plan relied on that changed. */
export interface NbConflict {
  readonly attempt: number;
  /** The table, row and what the plan relied on (from the failed `wait`), or the server's error for a commit-time conflict. */
  readonly table: string | undefined;
  readonly uuid: string | undefined;
  readonly what: string;
}

/**
 * A concurrent writer changed what the plan relied on, on every attempt (each was re-planned from the
 * updated replica). Nothing was written. `conflicts` says what changed each time.
 */
export class NbConflictError extends SdkError {
  readonly conflicts: readonly NbConflict[];
  constructor(conflicts: readonly NbConflict[], options?: { cause?: unknown }) {
    const why = conflicts.map((c) =>
      `#${c.attempt}: ${c.table ?? ''} ${c.uuid ?? ''} ${c.what}`.replace(/\s+/g, ' ').trim(),
    );
    super(
      'NB_CONFLICT',
      `Northbound transaction conflicted with a concurrent writer ${conflicts.length} time(s), nothing written: ${why.join('; ')}`,
      options,
    );
    this.conflicts = conflicts;
  }
}

/** The transaction committed, but its update did not reach the replica in time (read-your-writes not established). */
export class NbReplicaLagError extends SdkError {
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(
      'NB_REPLICA_LAG',
      `the transaction committed but its update did not reach the replica within ${timeoutMs} ms`,
    );
    this.timeoutMs = timeoutMs;
  }
}

/** `waitFor('sb' | 'hv')`: the configuration did not propagate in time. Names what lags and how far. */
export class NbWaitTimeoutError extends SdkError {
  /** `sb`: ovn-northd has not processed it (NB_Global.sb_cfg); `hv`: some chassis have not applied it (hv_cfg). */
  readonly lagging: 'sb' | 'hv';
  readonly target: number;
  readonly current: number;
  readonly timeoutMs: number;
  constructor(lagging: 'sb' | 'hv', target: number, current: number, timeoutMs: number) {
    const who = lagging === 'sb' ? 'ovn-northd (NB_Global.sb_cfg)' : 'the chassis (NB_Global.hv_cfg)';
    super('NB_WAIT_TIMEOUT', `${who} did not reach nb_cfg ${target} within ${timeoutMs} ms (at ${current})`);
    this.lagging = lagging;
    this.target = target;
    this.current = current;
    this.timeoutMs = timeoutMs;
  }
}

/** `waitFor('hv')` with no chassis registered in the Southbound database: nothing could ever apply it. */
export class NbNoChassisError extends SdkError {
  constructor() {
    super(
      'NB_NO_CHASSIS',
      'waitFor("hv"): no chassis has registered with the Southbound database (no Chassis_Private row), so no hypervisor can apply the change',
    );
  }
}
