export { guessDecimalMark, parseAmountText, type DecimalMark } from './amount-text.js';
export { applyMapping, guessMapping, layoutSignature, type AmountColumns, type CsvMapping } from './csv-mapping.js';
export { readCsv, type CsvRow, type CsvTable, type Delimiter } from './csv-reader.js';
export { DATE_FORMATS, guessDateFormats, parseDateText, type DateFormat } from './date-text.js';
export { decodeText } from './decode-text.js';
export { importKeys, matchDuplicates, payeeSimilarity, type KnownTransaction, type Match } from './duplicates.js';
export { parseOfx } from './ofx.js';
export { parseQif } from './qif.js';
export {
  detectFormat,
  readCsvStatement,
  readStatement,
  type ReadResult,
  type StatementFormat,
} from './read-statement.js';
export { batchOf, importIdOf, lineKeyOf } from './import-id.js';
export { ImportScreen } from './ImportScreen.js';
export { MappingMemory } from './mapping-memory.js';
export { RecentImports, type RecentImport } from './recent-imports.js';
export {
  IMPORT_ERROR_CODES,
  ImportError,
  type ImportErrorCode,
  type Statement,
  type StatementLine,
} from './statement.js';
