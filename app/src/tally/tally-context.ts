import { createContext, useContext } from 'react';
import type { Tally } from './tally.js';

export const TallyContext = createContext<Tally | undefined>(undefined);

export function useTally(): Tally {
  const tally = useContext(TallyContext);
  if (!tally) throw new Error('useTally is used outside <TallyContext>');
  return tally;
}
