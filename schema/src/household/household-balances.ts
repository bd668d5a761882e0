import {
  allocate,
  Converter,
  type CurrencyCode,
  type Money,
  MoneyError,
  money,
  type RateTable,
} from '../money/index.js';
import { isExactShares, type Settlement, type Transaction } from '../records/index.js';
import { sharesAddUp } from './shares-add-up.js';

/** What a balance needs of a transaction. */
export type SharedTransaction = Pick<
  Transaction,
  'date' | 'amount' | 'currency' | 'paidBy' | 'shares' | 'transferId'
> & {
  readonly id: string;
};

/** What a balance needs of a settlement. */
export type SettlementEntry = Pick<Settlement, 'fromPersonId' | 'toPersonId' | 'amount' | 'currency' | 'date'> & {
  readonly id: string;
};

export interface HouseholdInput {
  /** Balances are in this currency (the ledger's home currency), each amount converted at the rate of its day. */
  readonly currency: CurrencyCode;
  readonly rates: RateTable;
  /** Live transactions; only shared ones count. */
  readonly transactions: readonly SharedTransaction[];
  /** Live settlements. */
  readonly settlements: readonly SettlementEntry[];
}

export interface HouseholdBalances {
  readonly currency: CurrencyCode;
  /**
   * Every person a counted transaction or settlement names, whatever became of their record:
   * above zero they are owed money, below zero they owe it. The balances add up to exactly zero.
   */
  readonly balances: ReadonlyMap<string, Money>;
  /** Transactions whose exact shares no longer add up to the amount after concurrent edits (SHR3): the UI should say so. */
  readonly unbalanced: readonly string[];
  /** Shared transactions left without a payer by concurrent edits (SHR3): counted for nobody until someone is named. */
  readonly missingPayer: readonly string[];
  /** Transactions and settlements left out for want of an exchange rate. */
  readonly unconverted: number;
}

/**
 * What each person of a shared ledger is owed or owes (SPEC OWE1): every person owes the payer
 * of a shared transaction their share of it, and a settlement raises the balance of the one who
 * paid it and lowers that of the one who received it. A transaction's amount is converted once, at the rate of
 * its day, and divided among its shares as SHR2 divides it, so the shares add up to the
 * converted amount and the balances always add up to zero. Transfers between accounts are
 * nobody's expense and never count.
 */
export function householdBalances(input: HouseholdInput): HouseholdBalances {
  const converter = new Converter(input.rates, input.currency);
  const totals = new RunningBalances();
  const unbalanced: string[] = [];
  const missingPayer: string[] = [];
  let unconverted = 0;

  for (const transaction of input.transactions) {
    const { paidBy, shares } = transaction;
    if (transaction.transferId !== null || shares.length === 0) continue;
    if (paidBy === null) {
      missingPayer.push(transaction.id);
      continue;
    }
    const parts = convertedShares(transaction, converter);
    if (!parts) {
      unconverted += 1;
      continue;
    }
    if (!sharesAddUp(transaction)) unbalanced.push(transaction.id);
    // A share of money out is negative: its person owes it to the payer. Of money in, the payer owes it to them.
    shares.forEach((share, i) => {
      const part = parts[i] ?? 0;
      totals.add(share.personId, part);
      totals.add(paidBy, -part);
    });
  }

  for (const settlement of input.settlements) {
    const amount = converter.minorUnits(settlement.amount, settlement.currency, settlement.date);
    if (amount === undefined) unconverted += 1;
    else {
      totals.add(settlement.fromPersonId, amount);
      totals.add(settlement.toPersonId, -amount);
    }
  }

  return {
    currency: input.currency,
    balances: totals.inMoney(input.currency),
    unbalanced,
    missingPayer,
    unconverted,
  };
}

/**
 * What each share of a transaction comes to in the balance currency, in the order of its shares:
 * the amount converted once, at the rate of its day, and divided as SHR2 divides it — by the
 * weights, or in proportion to the exact amounts (whose own total is converted, should they not
 * add up). Undefined when no rate converts it.
 */
function convertedShares(transaction: SharedTransaction, converter: Converter): number[] | undefined {
  const { shares, currency, date } = transaction;
  if (!isExactShares(shares)) {
    const total = converter.minorUnits(transaction.amount, currency, date);
    return total === undefined
      ? undefined
      : allocate(
          total,
          shares.map((share) => share.weight),
        );
  }
  if (currency === converter.currency) return shares.map((share) => share.amount);
  const sum = shares.reduce((all, share) => all + share.amount, 0);
  if (Number.isSafeInteger(sum) && shares.every((share) => share.amount < 0 === sum < 0)) {
    const total = converter.minorUnits(sum, currency, date);
    return total === undefined
      ? undefined
      : allocate(
          total,
          shares.map((share) => Math.abs(share.amount)),
        );
  }
  // Shares of both signs, which no Tally writes but a broken peer could: each converted on its own.
  const converted: number[] = [];
  for (const share of shares) {
    const amount = converter.minorUnits(share.amount, currency, date);
    if (amount === undefined) return undefined;
    converted.push(amount);
  }
  return converted;
}

/** Each person's balance so far in minor units: in floating point while that is exact, beyond ±2^53 in BigInt. */
class RunningBalances {
  private readonly exact = new Map<string, number>();
  private readonly large = new Map<string, bigint>();

  add(person: string, amount: number): void {
    const large = this.large.size > 0 ? this.large.get(person) : undefined;
    if (large !== undefined) {
      this.large.set(person, large + BigInt(amount));
      return;
    }
    const before = this.exact.get(person) ?? 0;
    const total = before + amount;
    if (Number.isSafeInteger(total)) this.exact.set(person, total);
    else {
      this.exact.delete(person);
      this.large.set(person, BigInt(before) + BigInt(amount));
    }
  }

  /** The balances as money; one still beyond ±2^53 is refused, as money() refuses any such amount. */
  inMoney(currency: CurrencyCode): Map<string, Money> {
    const balances = new Map<string, Money>();
    for (const [person, total] of this.exact) balances.set(person, money(total, currency));
    for (const [person, total] of this.large) {
      if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < BigInt(Number.MIN_SAFE_INTEGER)) {
        throw new MoneyError('overflow', `a balance of ${total} minor units is beyond ±${Number.MAX_SAFE_INTEGER}`);
      }
      balances.set(person, money(Number(total), currency));
    }
    return balances;
  }
}
