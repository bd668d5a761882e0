import type { ButtonHTMLAttributes } from 'react';

interface RowButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** False on a ledger that cannot be changed: the row shows what it holds and opens no form. */
  readonly opens: boolean;
}

/**
 * A list row that opens its record's form, or, on a ledger this device may not change, the same
 * row as plain content — never a button that does nothing.
 */
export function RowButton({ opens, children, className, ...button }: RowButtonProps) {
  if (!opens) return <div className={className}>{children}</div>;
  return (
    <button type="button" className={className} {...button}>
      {children}
    </button>
  );
}
