import { addDays, formatMoney, Ledger, money } from '@tally/schema';
import { type FailureReporting, reportFailure } from '../failures.js';
import { rebuildDoc } from '../storage/documents/stored-doc.js';
import type { MailLanguage } from '../storage/mail/mail-store.js';
import type { RelayStorage } from '../storage/relay-storage.js';
import type { Notifier } from './notifier.js';
import { billReminderMessage } from './push-messages.js';

/** The local hour a reminder for tomorrow's bills is sent at (N4). */
export const reminderHour = 9;
const lookEveryMs = 60_000;

/** The calendar date and hour at `at` in an IANA time zone; null for a zone this runtime does not know. */
export function localDateAndHour(
  at: number,
  timeZone: string,
): { readonly date: string; readonly hour: number } | null {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(at);
  } catch {
    return null;
  }
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) };
}

/** A calendar date (`2026-03-30`) as the language writes it in full (`30 March 2026`). */
export function longDate(date: string, language: MailLanguage): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    Date.parse(`${date}T00:00:00Z`),
  );
}

/** Whether the relay's runtime knows the zone, so a person's reminders can be timed in it. */
export function isKnownTimeZone(timeZone: string): boolean {
  return localDateAndHour(0, timeZone) !== null;
}

export interface BillRemindersOptions {
  readonly storage: RelayStorage;
  readonly notifier: Notifier;
  readonly now: () => number;
  readonly reporting: FailureReporting;
}

/**
 * Looks every minute for recurring transactions due tomorrow in each person's time zone, and from
 * 09:00 there reminds the owner of their ledger once per occurrence (N4). The due dates come from
 * the stored ledger by the schema's own rules (schema RCR1); an occurrence already recorded or
 * skipped is not reminded of. The dedupe key is stored with the reminder's pushes and mail, so a
 * restart reminds no one twice, by either channel.
 */
export class BillReminders {
  private timer: NodeJS.Timeout | undefined;
  private looking: Promise<number> | null = null;

  constructor(private readonly options: BillRemindersOptions) {}

  start(): void {
    this.timer = setInterval(() => void this.look(), lookEveryMs);
    this.timer.unref();
    void this.look();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.looking;
  }

  /** One look at every account; how many reminders it made. A look already running is joined. */
  look(): Promise<number> {
    this.looking ??= this.lookNow().finally(() => {
      this.looking = null;
    });
    return this.looking;
  }

  private async lookNow(): Promise<number> {
    const { storage, notifier, now, reporting } = this.options;
    let made = 0;
    try {
      const at = now();
      for (const { userId, preferences } of await storage.push.accountsWithPreferences()) {
        if (preferences.timeZone === null) continue;
        const local = localDateAndHour(at, preferences.timeZone);
        if (local === null || local.hour < reminderHour) continue;
        const tomorrow = addDays(local.date, 1);
        const language = (await storage.mail.languageOf(userId)) ?? 'en';
        for (const docId of await storage.accounts.ownedDocs(userId)) {
          const ledger = new Ledger(rebuildDoc(await storage.documents.load(docId)));
          for (const occurrence of ledger.upcomingOccurrences(tomorrow, tomorrow)) {
            if (occurrence.transaction !== undefined) continue;
            const rule = ledger.recurring.get(occurrence.recurringId);
            if (rule === undefined) continue;
            const amount = formatMoney(money(Math.abs(rule.amount), rule.currency), language);
            const reminded = await notifier.notify({
              userId,
              kind: 'billReminders',
              dedupeKey: `bill-reminder:${docId}:${occurrence.recurringId}:${occurrence.date}`,
              language,
              message: billReminderMessage(language, { payee: rule.payee, amount }),
              mail: {
                kind: 'bill-reminder',
                values: { payee: rule.payee, amount, date: longDate(occurrence.date, language) },
              },
            });
            if (reminded) made++;
          }
          ledger.doc.destroy();
        }
      }
    } catch (error) {
      reportFailure(reporting, 'reminders', error);
    }
    return made;
  }
}
