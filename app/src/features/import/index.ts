export { type DecimalMark, guessDecimalMark, parseAmountText } from './amount-text.js';
export { type AmountColumns, applyMapping, type CsvMapping, guessMapping, layoutSignature } from './csv-mapping.js';
export { type CsvRow, type CsvTable, type Delimiter, readCsv } from './csv-reader.js';
export { DATE_FORMATS, type DateFormat, guessDateFormats, parseDateText } from './date-text.js';
export { decodeText } from './decode-text.js';
export { importKeys, type KnownTransaction, type Match, matchDuplicates, payeeSimilarity } from './duplicates.js';
export { ImportScreen } from './ImportScreen.js';
export { batchOf, importIdOf, lineKeyOf } from './import-id.js';
export { MappingMemory } from './mapping-memory.js';
export { parseOfx } from './ofx.js';
export { parseQif } from './qif.js';
export {
  detectFormat,
  type ReadResult,
  readCsvStatement,
  readStatement,
  type StatementFormat,
} from './read-statement.js';
export { type RecentImport, RecentImports } from './recent-imports.js';
export {
  IMPORT_ERROR_CODES,
  ImportError,
  type ImportErrorCode,
  type Statement,
  type StatementLine,
} from './statement.js';
