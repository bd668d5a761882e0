import type Database from 'better-sqlite3';
import type { PaymentEvent, PaymentProviderName } from '../../payments/payment-event.js';
import {
  changedValues,
  changingColumns,
  openedPayment,
  type PaymentRow,
  paymentColumns,
  rowValues,
  toPayment,
} from './payment-rows.js';
import {
  decideFulfilment,
  deferredOf,
  type Fulfilment,
  lateOf,
  type NewCheckout,
  owedOf,
  type PaymentRecord,
  type PaymentStore,
  type RefundStarted,
  refundingOf,
} from './payment-store.js';

/** The payment store in the `payments` and `payment_events` tables of the relay's SQLite database. */
export class SqlitePaymentStore implements PaymentStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO payments (${paymentColumns}) VALUES (${paymentColumns
          .split(',')
          .map(() => '?')
          .join(', ')}) ON CONFLICT DO NOTHING`,
      ),
      update: db.prepare(
        `UPDATE payments SET ${changingColumns.map((column) => `${column} = ?`).join(', ')}
         WHERE provider = ? AND checkout_id = ?`,
      ),
      byCheckout: db.prepare(`SELECT ${paymentColumns} FROM payments WHERE provider = ? AND checkout_id = ?`),
      byPayment: db.prepare(`SELECT ${paymentColumns} FROM payments WHERE provider = ? AND payment_id = ?`),
      ofBooking: db.prepare(`SELECT ${paymentColumns} FROM payments WHERE booking_id = ? ORDER BY attempt`),
      history: db.prepare(
        `SELECT ${paymentColumns} FROM payments WHERE client_id = ? OR advisor_id = ?
         ORDER BY created_at DESC, checkout_id LIMIT ?`,
      ),
      due: db.prepare(
        `SELECT ${paymentColumns} FROM payments
         WHERE refund_due_at <= ? AND status IN ('paid', 'late', 'mismatched')
         ORDER BY refund_due_at, checkout_id LIMIT ?`,
      ),
      insertEvent: db.prepare(
        `INSERT INTO payment_events (provider, event_id, kind, received_at) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      ),
    };
  }

  async openCheckout(checkout: NewCheckout): Promise<void> {
    this.statements.insert.run(...rowValues(openedPayment(checkout)));
  }

  async checkoutsOf(bookingId: string): Promise<readonly PaymentRecord[]> {
    return (this.statements.ofBooking.all(bookingId) as PaymentRow[]).map(toPayment);
  }

  async fulfil(event: PaymentEvent, at: number): Promise<Fulfilment> {
    return this.db.transaction(() => this.fulfilNow(event, at))();
  }

  /** `fulfil`, synchronously, inside the caller's transaction (where the booking changes too). */
  fulfilNow(event: PaymentEvent, at: number): Fulfilment {
    if (this.statements.insertEvent.run(event.provider, event.eventId, event.kind, at).changes === 0) {
      return { outcome: 'duplicate', payment: null };
    }
    const row = (
      event.checkoutId !== null
        ? this.statements.byCheckout.get(event.provider, event.checkoutId)
        : event.paymentId !== null
          ? this.statements.byPayment.get(event.provider, event.paymentId)
          : undefined
    ) as PaymentRow | undefined;
    if (row === undefined) return { outcome: 'unknown', payment: null };
    const { outcome, next } = decideFulfilment(toPayment(row), event, at);
    this.save(next);
    return { outcome, payment: next };
  }

  async markLate(provider: PaymentProviderName, checkoutId: string, at: number): Promise<void> {
    this.markLateNow(provider, checkoutId, at);
  }

  markLateNow(provider: PaymentProviderName, checkoutId: string, at: number): PaymentRecord | null {
    const payment = this.find(provider, checkoutId);
    const late = payment === null ? null : lateOf(payment, at);
    if (late !== null) this.save(late);
    return late;
  }

  async oweRefund(provider: PaymentProviderName, checkoutId: string, at: number): Promise<PaymentRecord | null> {
    return this.db.transaction(() => {
      const payment = this.find(provider, checkoutId);
      const owed = payment === null ? null : owedOf(payment, at);
      if (owed !== null) this.save(owed);
      return owed;
    })();
  }

  async deferRefund(provider: PaymentProviderName, checkoutId: string, dueAt: number): Promise<void> {
    this.db.transaction(() => {
      const payment = this.find(provider, checkoutId);
      const deferred = payment === null ? null : deferredOf(payment, dueAt);
      if (deferred !== null) this.save(deferred);
    })();
  }

  async refundsDue(at: number, limit: number): Promise<readonly PaymentRecord[]> {
    return (this.statements.due.all(at, limit) as PaymentRow[]).map(toPayment);
  }

  async startRefund(provider: PaymentProviderName, checkoutId: string, refund: RefundStarted): Promise<boolean> {
    return this.db.transaction(() => {
      const payment = this.find(provider, checkoutId);
      const refunding = payment === null ? null : refundingOf(payment, refund);
      if (refunding === null) return false;
      this.save(refunding);
      return true;
    })();
  }

  async historyOf(userId: string, limit: number): Promise<readonly PaymentRecord[]> {
    return (this.statements.history.all(userId, userId, limit) as PaymentRow[]).map(toPayment);
  }

  private find(provider: PaymentProviderName, checkoutId: string): PaymentRecord | null {
    const row = this.statements.byCheckout.get(provider, checkoutId) as PaymentRow | undefined;
    return row === undefined ? null : toPayment(row);
  }

  private save(payment: PaymentRecord): void {
    this.statements.update.run(...changedValues(payment), payment.provider, payment.checkoutId);
  }
}
