import { type ExportKind, exportFileName, exportFileType } from './backup-files.js';

/** Hands text to the browser as a download named for today. */
export function saveFile(kind: ExportKind, day: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: exportFileType(kind) }));
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(kind, day);
  link.click();
  // The download has started reading the blob by the next task; revoking sooner can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
