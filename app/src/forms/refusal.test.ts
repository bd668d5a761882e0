import { currencyCode, LedgerError } from '@tally/schema';
import { describe, expect, test } from 'vitest';
import { textOf } from '../i18n/index.js';
import { readAmount } from '../ui/index.js';
import { refusalMessages } from './messages.js';
import { amountRefusal, refusalOf } from './refusal.js';
import { refusalText } from './use-refusal-text.js';

const spanish = textOf(refusalMessages, 'es', 'es-ES');
const german = textOf(refusalMessages, 'de', 'de-DE');

function amountError(text: string, currency: string, locale: string): ReturnType<typeof amountRefusal> {
  const read = readAmount(text, currencyCode(currency), locale);
  if (read.ok) throw new Error(`${text} was read as an amount`);
  return amountRefusal(read.problem);
}

describe('a refusal reaches the person in their language, with its values', () => {
  test('a USD amount with three decimals says in Spanish that USD allows at most 2', () => {
    expect(refusalText(spanish, amountError('12.345', 'USD', 'en-US'))).toBe('USD admite como máximo 2 decimales.');
    expect(refusalText(german, amountError('1,2345', 'KWD', 'de-DE'))).toBe(
      'KWD erlaubt höchstens 3 Nachkommastellen.',
    );
  });

  test('what is not part of an amount is named, in the currency of the field', () => {
    expect(refusalText(spanish, amountError('doce', 'EUR', 'es-ES'))).toBe(
      '«doce» no forma parte de un importe en EUR.',
    );
  });

  test('a rule of the form and a refusal of the ledger are worded the same way', () => {
    expect(refusalText(spanish, amountRefusal({ code: 'zero', values: {} }))).toBe(
      'Escribe un importe distinto de cero.',
    );
    const readOnly = refusalOf(new LedgerError('read-only', 'this ledger was written by a newer Tally'));
    expect(refusalText(german, readOnly)).toBe(
      'Dieses Haushaltsbuch stammt von einer neueren Tally-Version: Es lässt sich hier lesen, aber nicht ändern.',
    );
  });
});
