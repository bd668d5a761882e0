import { Fragment, type ReactNode } from 'react';

/** A translated sentence with some of its words marked up (see `Text.parts`). */
export function Sentence({ parts }: { readonly parts: readonly ReactNode[] }) {
  return parts.map((part, index) => <Fragment key={index}>{part}</Fragment>);
}
