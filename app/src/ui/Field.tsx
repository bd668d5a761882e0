import type { ReactNode } from 'react';

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly error?: string | undefined;
  readonly children: ReactNode;
}

/** A labelled form control with its validation message right under it. */
export function Field({ id, label, error, children }: FieldProps) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <p className="field__error" id={`${id}-error`} data-testid={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Props that tie a control to its `Field` message for assistive technology. */
export function describedBy(id: string, error: unknown) {
  return error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};
}
