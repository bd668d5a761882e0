import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { rebuildDoc } from './documents/stored-doc.js';
import { openPool, type Sql, transaction } from './postgres-database.js';
import { PostgresStorage } from './postgres-storage.js';
import { SqliteStorage } from './sqlite-storage.js';

/** Rows sent in one INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const ROWS_PER_INSERT = 500;

/** What was copied: the rows of each table, the documents whose state was compared, and the files the data names. */
export interface CopyReport {
  readonly rows: ReadonlyMap<string, number>;
  readonly documents: number;
  /** The SHA-256 of every file in the `blobs` table, whose bytes are a `BlobStore`'s to copy. */
  readonly blobHashes: readonly string[];
}

/** The copy was refused or undone; nothing of it is in the target database. */
export class CopyRefusedError extends Error {}

type Row = Record<string, unknown>;

/**
 * Copies a SQLite data file's every table into an empty PostgreSQL database, in one transaction:
 * all of it commits, or none. Both are first migrated to the relay's newest schema, so their
 * tables and columns are the same but for the documents' log: SQLite numbers every update in one
 * sequence, PostgreSQL each document's own (C1), so each document's updates are numbered 1, 2, …
 * in their order and `docs.last_seq` set to the last. The counts of every table are compared
 * before the commit, and every document's state (Yjs state vector and deletions) after it.
 * A target with a row in any table is refused: nothing is merged into data already there.
 */
export async function copySqliteToPostgres(sqliteFile: string, postgresUrl: string): Promise<CopyReport> {
  await new SqliteStorage(sqliteFile).close();
  await (await PostgresStorage.open(postgresUrl)).close();
  const source = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const pool = openPool(postgresUrl, 1);
  try {
    const rows = await transaction(pool, (tx) => copyTables(source, tx));
    const documents = await compareDocuments(sqliteFile, postgresUrl, source);
    const blobHashes = source.prepare('SELECT hash FROM blobs ORDER BY hash').pluck().all() as string[];
    return { rows, documents, blobHashes };
  } finally {
    source.close();
    await pool.end();
  }
}

async function copyTables(source: Database.Database, tx: Sql): Promise<Map<string, number>> {
  const tables = await tablesInForeignKeyOrder(tx);
  const filled: string[] = [];
  for (const table of tables) {
    const { rows } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    if ((rows[0]?.n ?? 0) > 0) filled.push(table);
  }
  if (filled.length > 0) {
    throw new CopyRefusedError(
      `the PostgreSQL database is not empty (rows in ${filled.join(', ')}): copy into a new one`,
    );
  }
  const sourceTables = new Set(
    source
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[],
  );
  const unmatched = [...sourceTables].filter((table) => !tables.includes(table));
  if (unmatched.length > 0) throw new CopyRefusedError(`PostgreSQL has no table for ${unmatched.join(', ')}`);

  const copied = new Map<string, number>();
  for (const table of tables) {
    if (!sourceTables.has(table)) throw new CopyRefusedError(`the SQLite file has no table ${table}`);
    if (table === 'docs') copied.set(table, await copyDocs(source, tx));
    else if (table === 'doc_updates') copied.set(table, await copyDocUpdates(source, tx));
    else copied.set(table, await copyTable(source, tx, table, await columnsOf(tx, table)));
  }
  await advanceSerials(tx);
  // A reference's seen_seq is an update number of SQLite's single sequence, which the renumbered
  // log no longer has: from 0, the next recount of the document judges each reference afresh (BLOB6).
  await tx.query('UPDATE blob_references SET seen_seq = 0');
  for (const [table, count] of copied) {
    const { rows } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    if (rows[0]?.n !== count) {
      throw new CopyRefusedError(`${table}: ${count} row(s) read from SQLite but ${rows[0]?.n} in PostgreSQL`);
    }
  }
  return copied;
}

/** Every table of the relay's schema, each after the tables its foreign keys point to. */
async function tablesInForeignKeyOrder(tx: Sql): Promise<string[]> {
  const tables = (
    await tx.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'
       ORDER BY table_name`,
    )
  ).rows.map((row) => row.name);
  const references = (
    await tx.query<{ child: string; parent: string }>(
      `SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent FROM pg_constraint
       WHERE contype = 'f' AND connamespace = current_schema()::regnamespace`,
    )
  ).rows;
  const ordered: string[] = [];
  const visit = (table: string): void => {
    if (ordered.includes(table)) return;
    for (const { child, parent } of references) if (child === table && parent !== table) visit(parent);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

async function columnsOf(tx: Sql, table: string): Promise<string[]> {
  const { rows } = await tx.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((row) => row.name);
}

/** Copies one table whose columns are the same in both databases; a column either lacks is refused. */
async function copyTable(
  source: Database.Database,
  tx: Sql,
  table: string,
  columns: readonly string[],
): Promise<number> {
  const sourceColumns = (source.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name);
  const differing = [
    ...sourceColumns.filter((column) => !columns.includes(column)),
    ...columns.filter((column) => !sourceColumns.includes(column)),
  ];
  if (differing.length > 0) throw new CopyRefusedError(`${table}: columns ${differing.join(', ')} are not in both`);
  const rows = source.prepare(`SELECT ${columns.join(', ')} FROM ${table}`).iterate() as IterableIterator<Row>;
  return insertAll(tx, table, columns, rows);
}

/** Each document's row, with `last_seq` its number of log entries; a document with a log and no row gets one. */
async function copyDocs(source: Database.Database, tx: Sql): Promise<number> {
  const rows = source
    .prepare(
      `SELECT d.id, d.snapshot, d.state_vector, d.updated_at, 0 AS folded_seq,
         (SELECT count(*) FROM doc_updates u WHERE u.doc_id = d.id) AS last_seq
       FROM docs d
       UNION ALL
       SELECT u.doc_id, NULL, NULL, NULL, 0, count(*) FROM doc_updates u
       WHERE u.doc_id NOT IN (SELECT id FROM docs) GROUP BY u.doc_id`,
    )
    .iterate() as IterableIterator<Row>;
  const columns = ['id', 'snapshot', 'state_vector', 'updated_at', 'folded_seq', 'last_seq'];
  return insertAll(tx, 'docs', columns, rows);
}

/** Each document's log in its order, numbered from 1 in that document's own sequence. */
async function copyDocUpdates(source: Database.Database, tx: Sql): Promise<number> {
  const rows = source
    .prepare(
      `SELECT doc_id, row_number() OVER (PARTITION BY doc_id ORDER BY seq) AS seq, update_data
       FROM doc_updates ORDER BY doc_id, seq`,
    )
    .iterate() as IterableIterator<Row>;
  return insertAll(tx, 'doc_updates', ['doc_id', 'seq', 'update_data'], rows);
}

async function insertAll(tx: Sql, table: string, columns: readonly string[], rows: Iterable<Row>): Promise<number> {
  let count = 0;
  let batch: unknown[][] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const tuples = batch.map(
      (_, row) => `(${columns.map((__, column) => `$${row * columns.length + column + 1}`).join(', ')})`,
    );
    await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, batch.flat());
    batch = [];
  };
  for (const row of rows) {
    batch.push(columns.map((column) => row[column] ?? null));
    count++;
    if (batch.length === ROWS_PER_INSERT) await flush();
  }
  await flush();
  return count;
}

/** Moves each BIGSERIAL counter past the numbers copied, so the relay's next row takes a new one. */
async function advanceSerials(tx: Sql): Promise<void> {
  const { rows } = await tx.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
  );
  for (const { table_name: table, column_name: column } of rows) {
    await tx.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), max_value, true)
       FROM (SELECT max(${column}) AS max_value FROM ${table}) AS copied WHERE max_value IS NOT NULL`,
      [table, column],
    );
  }
}

/** Every document's state read back from both databases through the relay's storage; one that differs is named. */
async function compareDocuments(sqliteFile: string, postgresUrl: string, source: Database.Database): Promise<number> {
  const docIds = source
    .prepare('SELECT id FROM docs UNION SELECT doc_id FROM doc_updates ORDER BY 1')
    .pluck()
    .all() as string[];
  const sqlite = new SqliteStorage(sqliteFile);
  const postgres = await PostgresStorage.open(postgresUrl);
  try {
    for (const docId of docIds) {
      const before = Y.snapshot(rebuildDoc(await sqlite.documents.load(docId)));
      const after = Y.snapshot(rebuildDoc(await postgres.documents.load(docId)));
      if (!Y.equalSnapshots(before, after)) {
        throw new Error(`ledger ${docId} does not hold the same state in PostgreSQL as in SQLite`);
      }
    }
    return docIds.length;
  } finally {
    await sqlite.close();
    await postgres.close();
  }
}
