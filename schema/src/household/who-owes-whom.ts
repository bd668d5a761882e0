import { type CurrencyCode, type Money, MoneyError, money } from '../money/index.js';

/** One payment that settles debts: `from` pays `to` the amount. */
export interface Transfer {
  readonly from: string;
  readonly to: string;
  readonly amount: Money;
}

/**
 * Up to this many people with something owed or owing, the transfers are the fewest possible;
 * beyond it (2^16 groups of people to weigh) they are at most one fewer than the people.
 */
export const FEWEST_TRANSFERS_UP_TO = 16;

interface Party {
  readonly id: string;
  /** Minor units: above zero owed, below zero owing. */
  readonly amount: number;
}

/**
 * Who owes whom (SPEC OWE2): transfers that bring every balance to zero. The people who owe or
 * are owed are split into the most groups that square among themselves (an exact search over
 * groups of up to 16 people), and within each group the one who owes most pays the one owed
 * most until the group is square. A group of k people needs k − 1 transfers and no fewer, so the
 * total is the fewest possible: never more than one fewer than the people involved. The same
 * balances give the same transfers on every device: people are taken in order of their ids.
 */
export function whoOwesWhom(balances: ReadonlyMap<string, Money>): Transfer[] {
  const currency = commonCurrency(balances);
  if (currency === undefined) return [];
  const parties = [...balances]
    .filter(([, balance]) => balance.amount !== 0)
    .map(([id, balance]) => ({ id, amount: balance.amount }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const total = parties.reduce((sum, party) => sum + BigInt(party.amount), 0n);
  if (total !== 0n) {
    throw new MoneyError('unbalanced', `balances that add up to ${total} minor units, not zero, cannot all be settled`);
  }
  const exact =
    parties.length <= FEWEST_TRANSFERS_UP_TO &&
    parties.reduce((sum, party) => sum + Math.abs(party.amount), 0) <= Number.MAX_SAFE_INTEGER;
  const transfers = (exact ? squareGroups(parties) : [parties]).flatMap(settleGroup);
  return transfers
    .sort((a, b) => b.amount - a.amount || compareIds(a.from, b.from) || compareIds(a.to, b.to))
    .map((transfer) => ({ from: transfer.from, to: transfer.to, amount: money(transfer.amount, currency) }));
}

/** The one currency of all the balances; undefined when there are none. */
function commonCurrency(balances: ReadonlyMap<string, Money>): CurrencyCode | undefined {
  const currencies = new Set([...balances.values()].map((balance) => balance.currency));
  if (currencies.size > 1) {
    throw new MoneyError(
      'currency-mismatch',
      `balances in ${[...currencies].join(' and ')} cannot be settled together`,
    );
  }
  return [...currencies][0];
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The parties split into the most groups whose balances add up to zero. `most[set]` is the most
 * zero groups any ordering of the set can be cut into at its zero prefix sums: the best over its
 * last member of the set without it, plus one when the set itself adds up to zero.
 */
function squareGroups(parties: readonly Party[]): Party[][] {
  const count = parties.length;
  const full = (1 << count) - 1;
  const sums = new Float64Array(full + 1);
  const most = new Uint8Array(full + 1);
  for (let set = 1; set <= full; set += 1) {
    const lowest = set & -set;
    sums[set] = (sums[set ^ lowest] ?? 0) + (parties[31 - Math.clz32(lowest)]?.amount ?? 0);
    let best = 0;
    for (let rest = set; rest !== 0; rest &= rest - 1) {
      best = Math.max(best, most[set ^ (rest & -rest)] ?? 0);
    }
    most[set] = best + (sums[set] === 0 ? 1 : 0);
  }
  // Walk back from the full set, taking off the lowest member that keeps the best count: that
  // member comes last in an ordering whose zero prefixes are the groups.
  const ordering: number[] = [];
  for (let set = full; set !== 0; ) {
    const gain = sums[set] === 0 ? 1 : 0;
    let member = set & -set;
    for (let rest = set; rest !== 0; rest &= rest - 1) {
      const candidate = rest & -rest;
      if ((most[set ^ candidate] ?? 0) + gain === most[set]) {
        member = candidate;
        break;
      }
    }
    ordering.unshift(31 - Math.clz32(member));
    set ^= member;
  }
  const groups: Party[][] = [];
  let group: Party[] = [];
  let sum = 0;
  for (const index of ordering) {
    const party = parties[index] as Party;
    group.push(party);
    sum += party.amount;
    if (sum === 0) {
      groups.push(group);
      group = [];
    }
  }
  return groups;
}

/** Settles a group whose balances add up to zero: the one owing most pays the one owed most, until all are square. */
function settleGroup(group: readonly Party[]): { from: string; to: string; amount: number }[] {
  const owing = group.filter((party) => party.amount < 0).map((party) => ({ id: party.id, left: -party.amount }));
  const owed = group.filter((party) => party.amount > 0).map((party) => ({ id: party.id, left: party.amount }));
  const transfers: { from: string; to: string; amount: number }[] = [];
  const largest = (list: { id: string; left: number }[]): { id: string; left: number } | undefined =>
    list.reduce<{ id: string; left: number } | undefined>(
      (best, party) => (party.left > 0 && (!best || party.left > best.left) ? party : best),
      undefined,
    );
  for (
    let payer = largest(owing), payee = largest(owed);
    payer && payee;
    payer = largest(owing), payee = largest(owed)
  ) {
    const amount = Math.min(payer.left, payee.left);
    transfers.push({ from: payer.id, to: payee.id, amount });
    payer.left -= amount;
    payee.left -= amount;
  }
  return transfers;
}
