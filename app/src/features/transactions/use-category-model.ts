import { useEffect, useState } from 'react';
import type { TransactionRow } from '../../storage/index.js';
import { whenIdle } from '../../ui/index.js';
import { CategoryModel, examplesOf } from '../categorise/index.js';

/** How long training waits for an idle moment once the editor wants the model. */
const TRAINING_PATIENCE_MS = 1_000;

/** One model per state of the ledger, so opening the editor again costs nothing. */
const trained = new WeakMap<readonly TransactionRow[], CategoryModel>();

/**
 * The category model, trained on this device from the user's own history once it is wanted and
 * the page is idle, so the editor opens and takes typing at once; undefined until then.
 */
export function useCategoryModel(rows: readonly TransactionRow[], wanted: boolean): CategoryModel | undefined {
  const [model, setModel] = useState<CategoryModel | undefined>(() => trained.get(rows));
  useEffect(() => {
    if (!wanted) return undefined;
    const cached = trained.get(rows);
    if (cached) {
      setModel(cached);
      return undefined;
    }
    return whenIdle(() => {
      const fresh = CategoryModel.train(examplesOf(rows));
      trained.set(rows, fresh);
      setModel(fresh);
    }, TRAINING_PATIENCE_MS);
  }, [rows, wanted]);
  return model;
}
