const KIB = 1024;
const MIB = 1024 * KIB;

/** A file size limit as a person reads it: `15 MB` for 15 × 1,048,576 bytes, `100 B` for 100, in the locale's way. */
export function fileSizeLimit(locale: string, bytes: number): string {
  const [unit, size] =
    bytes >= MIB ? ['megabyte', bytes / MIB] : bytes >= KIB ? ['kilobyte', bytes / KIB] : ['byte', bytes];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(
    size,
  );
}
