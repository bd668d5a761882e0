import pg from 'pg';

/** A pool or one of its connections inside a transaction: what an area's queries run on. */
export interface Sql {
  query<Row extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<Row>>;
}

/** BIGINT columns (times in ms, sequence numbers, counts) read as numbers: all stay far below 2^53. */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** The relay's queries other than appends share this many connections at most. */
export const SHARED_CONNECTIONS = 9;

/**
 * A pool of at most `connections`. A pool `kept` open keeps its connections however long they
 * sit idle; otherwise one idle for 10 s is closed.
 */
export function openPool(connectionString: string, connections: number, kept = false): pg.Pool {
  return new pg.Pool({
    connectionString,
    types,
    max: connections,
    // A server that never answers fails the start within seconds instead of hanging it.
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: kept ? 0 : 10_000,
  });
}

/**
 * Runs `work` in one transaction on one connection: committed when it resolves, rolled back when
 * it throws (and the connection dropped if even the rollback fails).
 */
export async function transaction<T>(pool: pg.Pool, work: (tx: Sql) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    const broken = await client.query('ROLLBACK').then(
      () => undefined,
      (rollbackError: unknown) => (rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError))),
    );
    client.release(broken);
    throw error;
  }
}

/** A unique constraint refused the row (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === '23505';
}

/** Bytes as node-postgres sends them for a BYTEA parameter. */
export function byteaParam(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A BYTEA column's value as the storage interfaces return bytes. */
export function bytesOf(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * Advisory lock keys (pg_advisory_lock / pg_advisory_xact_lock), one per thing the relays take
 * turns at; any fixed numbers would do, these spell what they guard.
 */
export const advisoryLocks = {
  /** Schema migrations: one relay at a time migrates, the others wait and find nothing to do. */
  migrations: 0x7461_6c6c_796d,
  /** New accounts: the relay's first account is its admin, once, however many relays register at once. */
  admission: 0x7461_6c6c_7961,
  /** The access-change feed: entries commit in the order of their numbers, so no watcher skips one. */
  accessChanges: 0x7461_6c6c_7963,
} as const;
