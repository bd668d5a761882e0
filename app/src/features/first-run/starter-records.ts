import { STARTER_CATEGORY_SLOTS, type StarterCategorySlot, type StarterRecords } from '@tally/schema';
import type { Text } from '../../i18n/index.js';

/** The words of the starter categories (`starterMessages`); the first account's name is the shared word for cash. */
export type StarterWords = Text<`category.${StarterCategorySlot}`>;

/** What "Start on this device" creates (SPEC REC10), named in the person's language. */
export function starterRecords(currency: string, accountName: string, text: StarterWords): StarterRecords {
  const categoryNames = {} as Record<StarterCategorySlot, string>;
  for (const slot of STARTER_CATEGORY_SLOTS) categoryNames[slot] = text(`category.${slot}`);
  return { currency, accountName, categoryNames };
}
