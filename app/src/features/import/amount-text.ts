/** Which character separates the decimals in a file's amounts. */
export type DecimalMark = '.' | ',';

/**
 * Reads an amount as banks print it — "1,234.56", "1.234,56", "1,23,456.00", "-3,53", "(12.00)",
 * "12.00-", "12.00 DR", "€ 1 234,56", "1'234.56" — into signed minor units, using only string and integer
 * steps. `digits` is the currency's number of minor digits. Undefined when it is not an amount.
 */
export function parseAmountText(text: string, decimal: DecimalMark, digits = 2): number | undefined {
  let body = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (body === '') return undefined;
  let negative = false;
  if (/^\(.*\)$/.test(body)) {
    negative = true;
    body = body.slice(1, -1);
  }
  const marker = /(CR|DR)$/i.exec(body)?.[1]?.toUpperCase();
  if (marker === 'DR') negative = !negative;
  body = body.replace(/^[^\d\-+.,]+|[^\d\-+.,]+$/g, '');
  if (body.startsWith('-') || body.startsWith('+')) {
    negative = negative !== body.startsWith('-');
    body = body.slice(1);
  } else if (body.endsWith('-') || body.endsWith('+')) {
    negative = negative !== body.endsWith('-');
    body = body.slice(0, -1);
  }
  const group = decimal === '.' ? /[,']/g : /['.]/g;
  const [whole = '', fraction = '', ...rest] = body.replace(group, '').split(decimal);
  if (rest.length > 0 || !/^\d+$/.test(whole || '0') || !/^\d*$/.test(fraction) || (whole === '' && fraction === ''))
    return undefined;
  if (fraction.length > digits && !/^0*$/.test(fraction.slice(digits))) return undefined;
  const minor = Number(`${whole || '0'}${fraction.slice(0, digits).padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(minor)) return undefined;
  return negative && minor !== 0 ? -minor : minor;
}

/** Guesses the decimal mark from sample amounts: the last separator with one or two digits after it. */
export function guessDecimalMark(samples: readonly string[]): DecimalMark {
  let comma = 0;
  let point = 0;
  for (const sample of samples) {
    const match = /([.,])\d{1,2}\D*$/.exec(sample.trim());
    if (match?.[1] === ',') comma += 1;
    else if (match?.[1] === '.') point += 1;
  }
  return comma > point ? ',' : '.';
}
