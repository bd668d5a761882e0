import type pg from 'pg';
import type { PaymentEvent, PaymentProviderName } from '../../payments/payment-event.js';
import { type Sql, transaction } from '../postgres-database.js';
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

const placeholders = paymentColumns
  .split(',')
  .map((_, index) => `$${index + 1}`)
  .join(', ');
const assignments = changingColumns.map((column, index) => `${column} = $${index + 1}`).join(', ');
const keyAt = changingColumns.length;

/**
 * The payment store in PostgreSQL. A checkout's row is locked (`FOR UPDATE`) while an event is
 * applied to it, so two relays given the same or crossing events apply them one after the other.
 */
export class PostgresPaymentStore implements PaymentStore {
  constructor(private readonly pool: pg.Pool) {}

  async openCheckout(checkout: NewCheckout): Promise<void> {
    await this.pool.query(
      `INSERT INTO payments (${paymentColumns}) VALUES (${placeholders}) ON CONFLICT DO NOTHING`,
      rowValues(openedPayment(checkout)),
    );
  }

  async checkoutsOf(bookingId: string): Promise<readonly PaymentRecord[]> {
    const result = await this.pool.query<PaymentRow>(
      `SELECT ${paymentColumns} FROM payments WHERE booking_id = $1 ORDER BY attempt`,
      [bookingId],
    );
    return result.rows.map(toPayment);
  }

  async fulfil(event: PaymentEvent, at: number): Promise<Fulfilment> {
    return transaction(this.pool, (tx) => this.fulfilIn(tx, event, at));
  }

  /** `fulfil` inside the caller's transaction (where the booking changes too). */
  async fulfilIn(tx: Sql, event: PaymentEvent, at: number): Promise<Fulfilment> {
    const inserted = await tx.query(
      `INSERT INTO payment_events (provider, event_id, kind, received_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [event.provider, event.eventId, event.kind, at],
    );
    if (inserted.rowCount === 0) return { outcome: 'duplicate', payment: null };
    const lookup =
      event.checkoutId !== null
        ? { column: 'checkout_id', value: event.checkoutId }
        : event.paymentId !== null
          ? { column: 'payment_id', value: event.paymentId }
          : null;
    if (lookup === null) return { outcome: 'unknown', payment: null };
    const found = await tx.query<PaymentRow>(
      `SELECT ${paymentColumns} FROM payments WHERE provider = $1 AND ${lookup.column} = $2 FOR UPDATE`,
      [event.provider, lookup.value],
    );
    const row = found.rows[0];
    if (row === undefined) return { outcome: 'unknown', payment: null };
    const { outcome, next } = decideFulfilment(toPayment(row), event, at);
    await save(tx, next);
    return { outcome, payment: next };
  }

  async markLate(provider: PaymentProviderName, checkoutId: string, at: number): Promise<void> {
    await transaction(this.pool, (tx) => this.markLateIn(tx, provider, checkoutId, at));
  }

  async markLateIn(
    tx: Sql,
    provider: PaymentProviderName,
    checkoutId: string,
    at: number,
  ): Promise<PaymentRecord | null> {
    const payment = await locked(tx, provider, checkoutId);
    const late = payment === null ? null : lateOf(payment, at);
    if (late !== null) await save(tx, late);
    return late;
  }

  async oweRefund(provider: PaymentProviderName, checkoutId: string, at: number): Promise<PaymentRecord | null> {
    return transaction(this.pool, async (tx) => {
      const payment = await locked(tx, provider, checkoutId);
      const owed = payment === null ? null : owedOf(payment, at);
      if (owed !== null) await save(tx, owed);
      return owed;
    });
  }

  async deferRefund(provider: PaymentProviderName, checkoutId: string, dueAt: number): Promise<void> {
    await transaction(this.pool, async (tx) => {
      const payment = await locked(tx, provider, checkoutId);
      const deferred = payment === null ? null : deferredOf(payment, dueAt);
      if (deferred !== null) await save(tx, deferred);
    });
  }

  async refundsDue(at: number, limit: number): Promise<readonly PaymentRecord[]> {
    const result = await this.pool.query<PaymentRow>(
      `SELECT ${paymentColumns} FROM payments
       WHERE refund_due_at <= $1 AND status IN ('paid', 'late', 'mismatched')
       ORDER BY refund_due_at, checkout_id LIMIT $2`,
      [at, limit],
    );
    return result.rows.map(toPayment);
  }

  async startRefund(provider: PaymentProviderName, checkoutId: string, refund: RefundStarted): Promise<boolean> {
    return transaction(this.pool, async (tx) => {
      const payment = await locked(tx, provider, checkoutId);
      const refunding = payment === null ? null : refundingOf(payment, refund);
      if (refunding === null) return false;
      await save(tx, refunding);
      return true;
    });
  }

  async historyOf(userId: string, limit: number): Promise<readonly PaymentRecord[]> {
    const result = await this.pool.query<PaymentRow>(
      `SELECT ${paymentColumns} FROM payments WHERE client_id = $1 OR advisor_id = $1
       ORDER BY created_at DESC, checkout_id LIMIT $2`,
      [userId, limit],
    );
    return result.rows.map(toPayment);
  }
}

async function locked(tx: Sql, provider: PaymentProviderName, checkoutId: string): Promise<PaymentRecord | null> {
  const result = await tx.query<PaymentRow>(
    `SELECT ${paymentColumns} FROM payments WHERE provider = $1 AND checkout_id = $2 FOR UPDATE`,
    [provider, checkoutId],
  );
  const row = result.rows[0];
  return row === undefined ? null : toPayment(row);
}

async function save(tx: Sql, payment: PaymentRecord): Promise<void> {
  await tx.query(`UPDATE payments SET ${assignments} WHERE provider = $${keyAt + 1} AND checkout_id = $${keyAt + 2}`, [
    ...changedValues(payment),
    payment.provider,
    payment.checkoutId,
  ]);
}
