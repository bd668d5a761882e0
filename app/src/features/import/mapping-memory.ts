import type { DeviceStores, KeyedStore } from '../../storage/index.js';
import type { DecimalMark } from './amount-text.js';
import type { AmountColumns, CsvMapping } from './csv-mapping.js';
import { DATE_FORMATS, type DateFormat } from './date-text.js';

type Fields = Readonly<Record<string, unknown>>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isColumn(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isDateFormat(value: unknown): value is DateFormat {
  return DATE_FORMATS.some((format) => format === value);
}

function isDecimalMark(value: unknown): value is DecimalMark {
  return value === '.' || value === ',';
}

function amountColumns(value: unknown): AmountColumns | undefined {
  if (!isFields(value)) return undefined;
  if (value.kind === 'signed' && isColumn(value.column)) return { kind: 'signed', column: value.column };
  if (value.kind === 'debit-credit' && isColumn(value.debit) && isColumn(value.credit)) {
    return { kind: 'debit-credit', debit: value.debit, credit: value.credit };
  }
  return undefined;
}

/**
 * A stored mapping read back; undefined when it is not a mapping (written by an older Tally, or
 * by hand), so a bad entry is guessed anew.
 */
export function readMapping(value: unknown): CsvMapping | undefined {
  if (!isFields(value)) return undefined;
  const { headerRow, date, dateFormat, decimal, payee, memo } = value;
  const amount = amountColumns(value.amount);
  if (!isColumn(headerRow) || !isColumn(date) || !isDateFormat(dateFormat) || !isDecimalMark(decimal)) return undefined;
  if (!isColumn(payee) || !amount || (memo !== null && !isColumn(memo))) return undefined;
  return { headerRow, date, dateFormat, amount, decimal, payee, memo };
}

/** Whether every column a mapping names is in a table `width` columns wide. */
export function fitsTable(mapping: CsvMapping, width: number): boolean {
  const { date, payee, memo, amount } = mapping;
  const amounts = amount.kind === 'signed' ? [amount.column] : [amount.debit, amount.credit];
  return [date, payee, ...(memo === null ? [] : [memo]), ...amounts].every((column) => column < width);
}

/**
 * The mapping the user confirmed for each bank's CSV layout, kept on this device only (it says
 * nothing about the ledger, so it does not sync): the next file of the same layout starts from it.
 */
export class MappingMemory {
  private readonly mappings: KeyedStore<CsvMapping>;

  constructor(stores: DeviceStores) {
    this.mappings = stores.csvMappings(readMapping);
  }

  /** The mapping remembered for this layout, if it fits a table `width` columns wide. */
  async recall(signature: string, width: number): Promise<CsvMapping | undefined> {
    const mapping = await this.mappings.get(signature);
    return mapping && fitsTable(mapping, width) ? mapping : undefined;
  }

  async remember(signature: string, mapping: CsvMapping): Promise<void> {
    await this.mappings.put(signature, mapping);
  }
}
