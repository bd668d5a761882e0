import { useEffect, useState } from 'react';
import { type PaymentTerms, paymentApi, RelayApiError } from '../../sync/index.js';
import { useTally } from '../../tally/index.js';

/** Which provider the relay takes payment through, and its refund notice; undefined until it answers. */
export function usePaymentTerms(): PaymentTerms | undefined {
  const tally = useTally();
  const [terms, setTerms] = useState<PaymentTerms | undefined>();
  useEffect(() => {
    let current = true;
    tally.sync
      .relayCall((api) => paymentApi.terms(api))
      .then(
        (answered) => current && setTerms(answered),
        (error: unknown) => {
          // Unreachable or refused: nothing is said about payments, and paying is left to the relay to refuse.
          if (!(error instanceof RelayApiError)) throw error;
        },
      );
    return () => {
      current = false;
    };
  }, [tally]);
  return terms;
}
