import { Fragment, type ReactNode } from 'react';

/** A translated sentence with some of its words marked up (see `Text.parts`). */
export function Sentence({ parts }: { readonly parts: readonly ReactNode[] }) {
  // biome-ignore lint/suspicious/noArrayIndexKey: a sentence's parts are known only by their place in it.
  return parts.map((part, index) => <Fragment key={index}>{part}</Fragment>);
}
