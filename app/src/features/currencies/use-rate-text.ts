import type { ExchangeRate } from '@tally/schema';
import { useCallback } from 'react';
import { useText } from '../../i18n/index.js';
import { rateMessages } from './rate-messages.js';
import { formatRateNumber } from './rate-number.js';

/** Writes a rate the way it was entered, in the reader's language: "1 EUR = 1.0842 USD". */
export function useRateText(): (rate: ExchangeRate) => string {
  const text = useText(rateMessages);
  return useCallback(
    (rate) => text('rate', { from: rate.from, to: rate.to, rate: formatRateNumber(rate.rate, text.locale) }),
    [text],
  );
}
