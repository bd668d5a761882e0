import { type Account, cryptoRandom, type LedgerRecord, minorUnitDigits, newRecordId } from '@tally/schema';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { TransactionRow } from '../../storage/index.js';
import { useTally } from '../../tally/index.js';
import { examplesOf } from '../categorise/index.js';
import { type CreatedImport, checkImport } from './create-import.js';
import type { CsvMapping } from './csv-mapping.js';
import { firstColumnsMapping } from './csv-preview.js';
import type { CsvTable } from './csv-reader.js';
import { type CreatedSlice, ImportCancelled, ImportWorker, type Progress } from './import-worker-client.js';
import { importsBeingWritten } from './imports-being-written.js';
import { knownTransactions, undoImport } from './ledger-import.js';
import { MappingMemory } from './mapping-memory.js';
import type { StatementFormat } from './read-statement.js';
import { type RecentImport, RecentImports } from './recent-imports.js';
import {
  initialSelection,
  type LineToWrite,
  type ReviewLine,
  type Selection,
  summarise,
  transactionsToWrite,
} from './review.js';
import { runImport } from './run-import.js';
import { ImportError, type ImportErrorCode, type ImportErrorValues } from './statement.js';

export interface CsvFile {
  readonly sample: CsvTable;
  readonly rows: number;
  readonly width: number;
  readonly signature: string;
  readonly digits: number;
}

export type ImportStep =
  | { readonly kind: 'choose' }
  | {
      readonly kind: 'working';
      readonly progress: Progress | { readonly phase: 'writing'; readonly done: number; readonly total: number } | null;
    }
  | {
      readonly kind: 'mapping';
      readonly csv: CsvFile;
      readonly mapping: CsvMapping;
      readonly origin: 'remembered' | 'guessed' | 'none';
    }
  | { readonly kind: 'review'; readonly lines: readonly ReviewLine[]; readonly selection: Selection }
  | { readonly kind: 'done'; readonly entry: RecentImport }
  | {
      readonly kind: 'failed';
      readonly line: number;
      readonly code: ImportErrorCode;
      readonly values: ImportErrorValues;
    };

/** Lines per message to the worker: each message is copied in a few milliseconds. */
const LINES_PER_MESSAGE = 5_000;

/**
 * Turns anything the file or the ledger refused into the failed step. Any other error is Tally's
 * own bug: it is reported as such, and the user still gets a way out instead of a screen stuck working.
 */
function failedStep(error: unknown): ImportStep {
  if (error instanceof ImportError) return { kind: 'failed', line: error.line, code: error.code, values: error.values };
  reportError(error);
  return { kind: 'failed', line: 0, code: 'unreadable', values: {} };
}

/**
 * The import flow: choose → (map the columns of a CSV) → review → done, or failed with the line at
 * fault. Reading, matching and suggesting happen in a worker; nothing is written before `confirm`.
 */
export function useImport() {
  const tally = useTally();
  const recentImports = useMemo(() => new RecentImports(tally.stores), [tally]);
  const mappings = useMemo(() => new MappingMemory(tally.stores), [tally]);
  const [step, setStep] = useState<ImportStep>({ kind: 'choose' });
  const [fileName, setFileName] = useState('');
  const [format, setFormat] = useState<StatementFormat>('csv');
  const [accountId, setAccountId] = useState('');
  const [recent, setRecent] = useState<readonly RecentImport[]>([]);
  const worker = useRef<ImportWorker | undefined>(undefined);
  // Each run has a number: a cancelled run's late answers must not move the screen.
  const run = useRef(0);

  const refreshRecent = useCallback(async () => setRecent(await recentImports.list()), [recentImports]);
  useEffect(() => {
    void refreshRecent();
    return () => worker.current?.terminate();
  }, [refreshRecent]);
  // An import written while the person was away from this screen still ends here: its entry then reads complete.
  useEffect(() => importsBeingWritten.subscribe(() => void refreshRecent()), [refreshRecent]);
  const beingWritten = useSyncExternalStore(importsBeingWritten.subscribe, importsBeingWritten.current);

  const stopWorker = (): void => {
    worker.current?.terminate();
    worker.current = undefined;
  };

  const guarded = async (work: (current: () => boolean) => Promise<void>): Promise<void> => {
    const mine = ++run.current;
    const current = (): boolean => run.current === mine;
    try {
      await work(current);
    } catch (error) {
      if (!current() || error instanceof ImportCancelled) return;
      stopWorker();
      setStep(failedStep(error));
    }
  };

  const onProgress = (current: () => boolean) => (progress: Progress) => {
    if (current()) setStep({ kind: 'working', progress });
  };

  const review = (account: LedgerRecord<Account>, mapping: CsvMapping | null) =>
    guarded(async (current) => {
      setStep({ kind: 'working', progress: { phase: 'matching', done: 0, total: 0 } });
      // Duplicates are looked for among all the account's transactions, so the whole ledger must be read.
      await tally.ready;
      const rows = tally.transactions.getSnapshot().rows;
      const known = await knownTransactions(tally.ledger, rows, account.id);
      const active = worker.current;
      if (!current() || !active) return;
      const answer = await active.ask(
        {
          type: 'review',
          mapping,
          currency: account.currency,
          known,
          rules: [...tally.rules.all()],
          history: examplesOf(rows),
          kinds: Object.fromEntries(tally.categories.all().map((category) => [category.id, category.kind])),
        },
        onProgress(current),
      );
      if (!current() || answer.type !== 'review') return;
      stopWorker();
      setStep({ kind: 'review', lines: answer.lines, selection: initialSelection(answer.lines) });
    });

  const accountOf = (id: string): LedgerRecord<Account> | undefined => tally.accounts.get(id);

  const choose = (file: File, account: LedgerRecord<Account>) =>
    guarded(async (current) => {
      stopWorker();
      setFileName(file.name);
      setAccountId(account.id);
      setStep({ kind: 'working', progress: null });
      const digits = minorUnitDigits(account.currency);
      const bytes = await file.arrayBuffer();
      const active = new ImportWorker();
      worker.current = active;
      const answer = await active.ask({ type: 'read', bytes, fileName: file.name, digits }, onProgress(current));
      if (!current()) return;
      setFormat(answer.type === 'statement' ? answer.format : 'csv');
      if (answer.type === 'statement') {
        await review(account, null);
        return;
      }
      if (answer.type !== 'csv') return;
      const remembered = await mappings.recall(answer.signature, answer.width);
      if (!current()) return;
      const csv: CsvFile = {
        sample: answer.sample,
        rows: answer.rows,
        width: answer.width,
        signature: answer.signature,
        digits,
      };
      if (remembered) setStep({ kind: 'mapping', csv, mapping: remembered, origin: 'remembered' });
      else if (answer.guess) setStep({ kind: 'mapping', csv, mapping: answer.guess, origin: 'guessed' });
      else
        setStep({ kind: 'mapping', csv, mapping: firstColumnsMapping(answer.headerRow, answer.width), origin: 'none' });
    });

  const confirmMapping = async (csv: CsvFile, mapping: CsvMapping) => {
    const account = accountOf(accountId);
    if (!account) return;
    await mappings.remember(csv.signature, mapping);
    await review(account, mapping);
  };

  /**
   * Creates the import's transactions in a worker as one update and stores it there (SPEC REC11),
   * its lines sent a few thousand at a time; the slices to apply.
   */
  const createImport = async (toWrite: readonly LineToWrite[]): Promise<CreatedImport> => {
    stopWorker();
    const active = new ImportWorker();
    worker.current = active;
    const ignore = (): void => undefined;
    for (let at = 0; at < toWrite.length; at += LINES_PER_MESSAGE)
      await active.ask({ type: 'lines', lines: toWrite.slice(at, at + LINES_PER_MESSAGE) }, ignore);
    const slices: CreatedSlice[] = [];
    const { node, latest } = tally.ledger.clock;
    const answer = await active.ask(
      { type: 'create', node, after: latest, stored: tally.stored.ledger },
      ignore,
      (slice) => slices.push(slice),
    );
    stopWorker();
    if (answer.type !== 'created') throw new ImportError(0, 'the import worker answered out of turn', 'unreadable');
    return { slices };
  };

  const confirm = (lines: readonly ReviewLine[], selection: Selection) =>
    guarded(async () => {
      const account = accountOf(accountId);
      if (!account) return;
      const batch = newRecordId(cryptoRandom);
      const categoryIds = new Set(tally.categories.all().map((category) => category.id));
      const toWrite = transactionsToWrite(lines, selection, {
        accountId: account.id,
        currency: account.currency,
        batch,
        categoryIds,
      });
      const total = toWrite.length;
      setStep({ kind: 'working', progress: { phase: 'writing', done: 0, total } });
      checkImport(tally.ledger, toWrite);
      const started: RecentImport = {
        batch,
        fileName,
        accountId: account.id,
        at: Date.now(),
        count: 0,
        total,
        sum: summarise(lines, selection).sum,
        complete: false,
        undone: false,
      };
      const target = {
        ledger: tally.ledger,
        origin: tally.stored.origin,
        expect: (rows: readonly TransactionRow[]) => tally.transactions.expect(rows),
      };
      const outcome = await runImport(
        target,
        recentImports,
        started,
        () => createImport(toWrite),
        (done) => setStep({ kind: 'working', progress: { phase: 'writing', done, total } }),
      );
      await refreshRecent();
      if (outcome.kind === 'written') setStep({ kind: 'done', entry: outcome.entry });
      else setStep({ kind: 'failed', line: 0, code: 'undone', values: {} });
    });

  /** Removes an import's transactions, however many of them were written; how many it removed. */
  const undo = async (entry: RecentImport): Promise<number> => {
    // The index holds every live transaction once the ledger is read and followed.
    await tally.ready;
    const removed = await undoImport(tally.ledger, tally.transactions.getSnapshot().rows, entry.batch);
    await recentImports.update(entry.batch, { undone: true });
    await refreshRecent();
    return removed;
  };

  const reset = () => {
    run.current += 1;
    stopWorker();
    setStep({ kind: 'choose' });
  };

  return {
    step,
    setStep,
    fileName,
    format,
    accountId,
    recent,
    beingWritten,
    choose: (file: File, account: LedgerRecord<Account>) => void choose(file, account),
    confirmMapping: (csv: CsvFile, mapping: CsvMapping) => void confirmMapping(csv, mapping),
    confirm: (lines: readonly ReviewLine[], selection: Selection) => void confirm(lines, selection),
    undo,
    reset,
  };
}
