import { useEffect, useRef } from 'react';

/** A step's heading, focused when the step appears so keyboard and screen-reader users land on it. */
export function StepHeading({ id, children }: { readonly id: string; readonly children: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <h2 id={id} ref={heading} tabIndex={-1} className="import__heading">
      {children}
    </h2>
  );
}
