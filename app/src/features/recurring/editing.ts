/** Which recurring item form is open: none, a new item's, or an existing item's. */
export type Editing =
  | { readonly kind: 'none' }
  | { readonly kind: 'new' }
  | { readonly kind: 'edit'; readonly id: string };

/** The id of the button that opens an item's form, to give focus back to when the form closes. */
export const editButtonId = (id: string): string => `edit-recurring-${id}`;
