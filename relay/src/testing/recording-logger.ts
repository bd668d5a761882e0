import type { LogFields, RelayLogger } from '../relay-logger.js';

export interface LogEntry {
  readonly level: 'error' | 'warn' | 'info';
  readonly fields: LogFields;
  readonly message: string;
}

/** A logger that keeps what it is told, for tests to read. */
export class RecordingLogger implements RelayLogger {
  readonly entries: LogEntry[] = [];

  error(fields: LogFields, message: string): void {
    this.entries.push({ level: 'error', fields, message });
  }

  warn(fields: LogFields, message: string): void {
    this.entries.push({ level: 'warn', fields, message });
  }

  info(fields: LogFields, message: string): void {
    this.entries.push({ level: 'info', fields, message });
  }

  errors(): LogEntry[] {
    return this.entries.filter((entry) => entry.level === 'error');
  }
}
