export { allocate } from './allocate.js';
export { CURRENCY_CODES, type CurrencyCode, currencyCode, isCurrencyCode, minorUnitDigits } from './currencies.js';
export { type DecimalString, toDecimalString } from './decimal-string.js';
export { convertMoney, type ExchangeRate, parseRate } from './exchange-rate.js';
export { type FormatAmountOptions, type FormatMoneyOptions, formatAmount, formatMoney } from './format.js';
export { addMoney, compareMoney, type Money, money, negateMoney, subtractMoney, sumMoney } from './money.js';
export { MONEY_ERROR_CODES, MoneyError, type MoneyErrorCode } from './money-error.js';
export { MONEY_TEXT_CODES, type MoneyTextCode, type MoneyTextProblem, type ParsedMoney, parseMoney } from './parse.js';
export { type Conversion, Converter, type DatedRate, RateTable } from './rate-table.js';
