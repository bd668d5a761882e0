/**
 * Ties a control to the hint under it and, when there is one, its `Field` error message; what
 * `describedBy` from `ui/Field` does for a control without a hint.
 */
export function describedWith(id: string, error: string | undefined, hint: string) {
  return {
    'aria-describedby': error ? `${hint} ${id}-error` : hint,
    ...(error && { 'aria-invalid': true }),
  };
}
