export { CURRENCY_CODES, currencyCode, isCurrencyCode, minorUnitDigits, type CurrencyCode } from './currencies.js';
export { toDecimalString, type DecimalString } from './decimal-string.js';
export { formatAmount, formatMoney, type FormatAmountOptions, type FormatMoneyOptions } from './format.js';
export { addMoney, compareMoney, money, negateMoney, subtractMoney, sumMoney, type Money } from './money.js';
export { MONEY_ERROR_CODES, MoneyError, type MoneyErrorCode } from './money-error.js';
export { parseMoney, type ParsedMoney } from './parse.js';
export { convertMoney, parseRate, type ExchangeRate } from './exchange-rate.js';
export { Converter, RateTable, type Conversion, type DatedRate } from './rate-table.js';
