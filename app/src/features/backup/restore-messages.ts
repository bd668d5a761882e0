import type { BackupFileProblem } from './backup-contents.js';
import type { backupMessages } from './messages.js';
import type { RestoreProblem } from './restore-backup.js';

type BackupMessageKey = keyof (typeof backupMessages)['en'];

/** The message a person reads for each reason a backup was not restored. */
export const PROBLEM_MESSAGES: Readonly<Record<BackupFileProblem | RestoreProblem, BackupMessageKey>> = {
  unreadable: 'unreadable',
  'not-a-backup': 'notABackup',
  'other-version': 'otherVersion',
  'no-records': 'noRecords',
  'not-empty': 'notEmpty',
  damaged: 'damaged',
};
