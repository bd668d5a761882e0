import { useEffect, useState } from 'react';
import { useTally } from './tally-context.js';

/** False until the ledger stored on this device has been read. */
export function useReady(): boolean {
  const { ready } = useTally();
  const [isReady, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void ready.then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [ready]);
  return isReady;
}
