import type { TallyDatabase } from '../../storage/index.js';
import type { DecimalMark } from './amount-text.js';
import type { AmountColumns, CsvMapping } from './csv-mapping.js';
import { DATE_FORMATS, type DateFormat } from './date-text.js';

const KEY_PREFIX = 'import.mapping.';

type Fields = Readonly<Record<string, unknown>>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isColumn(value: unknown, width: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < width;
}

function isDateFormat(value: unknown): value is DateFormat {
  return DATE_FORMATS.some((format) => format === value);
}

function isDecimalMark(value: unknown): value is DecimalMark {
  return value === '.' || value === ',';
}

function amountColumns(value: unknown, width: number): AmountColumns | undefined {
  if (!isFields(value)) return undefined;
  if (value.kind === 'signed' && isColumn(value.column, width)) return { kind: 'signed', column: value.column };
  if (value.kind === 'debit-credit' && isColumn(value.debit, width) && isColumn(value.credit, width)) {
    return { kind: 'debit-credit', debit: value.debit, credit: value.credit };
  }
  return undefined;
}

/**
 * A stored mapping read back for a table `width` columns wide; undefined when it is not a mapping
 * of such a table (written by an older Tally, or by hand), so a bad entry is guessed anew.
 */
export function readMapping(value: unknown, width: number): CsvMapping | undefined {
  if (!isFields(value)) return undefined;
  const { headerRow, date, dateFormat, decimal, payee, memo } = value;
  const amount = amountColumns(value.amount, width);
  if (typeof headerRow !== 'number' || !Number.isInteger(headerRow) || headerRow < 0) return undefined;
  if (
    !isColumn(date, width) ||
    !isDateFormat(dateFormat) ||
    !isDecimalMark(decimal) ||
    !isColumn(payee, width) ||
    !amount
  )
    return undefined;
  if (memo !== null && !isColumn(memo, width)) return undefined;
  return { headerRow, date, dateFormat, amount, decimal, payee, memo };
}

/**
 * The mapping the user confirmed for each bank's CSV layout, kept on this device only (it says
 * nothing about the ledger, so it does not sync): the next file of the same layout starts from it.
 */
export class MappingMemory {
  constructor(private readonly db: TallyDatabase) {}

  async recall(signature: string, width: number): Promise<CsvMapping | undefined> {
    const entry = await this.db.settings.get(KEY_PREFIX + signature);
    return readMapping(entry?.value, width);
  }

  async remember(signature: string, mapping: CsvMapping): Promise<void> {
    await this.db.settings.put({ key: KEY_PREFIX + signature, value: mapping });
  }
}
