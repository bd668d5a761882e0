import { describe, expect, it } from 'vitest';
import { currencyCode, RateTable } from '../money/index.js';
import type { Shares } from '../records/index.js';
import {
  type HouseholdInput,
  householdBalances,
  type SettlementEntry,
  type SharedTransaction,
} from './household-balances.js';

const EUR = currencyCode('EUR');
const USD = currencyCode('USD');
const [ALEX, SAM, KIM] = ['alex', 'sam', 'kim'];

let nextId = 0;
function shared(
  amount: number,
  paidBy: string | null,
  shares: Shares,
  extra: Partial<SharedTransaction> = {},
): SharedTransaction {
  nextId += 1;
  return { id: `t${nextId}`, date: '2026-03-01', amount, currency: EUR, paidBy, shares, transferId: null, ...extra };
}

function equally(...people: string[]): Shares {
  return people.map((personId) => ({ personId, weight: 1 }));
}

function settlement(from: string, to: string, amount: number, extra: Partial<SettlementEntry> = {}): SettlementEntry {
  nextId += 1;
  return { id: `s${nextId}`, fromPersonId: from, toPersonId: to, amount, currency: EUR, date: '2026-03-02', ...extra };
}

function balancesOf(input: Partial<HouseholdInput>): Record<string, number> {
  const result = householdBalances({
    currency: EUR,
    rates: new RateTable([{ date: '2026-01-01', from: USD, to: EUR, rate: '0.9' }]),
    transactions: [],
    settlements: [],
    ...input,
  });
  return Object.fromEntries([...result.balances].map(([person, balance]) => [person, balance.amount]));
}

describe('balances of a shared ledger', () => {
  it('[OWE1] 60.00 paid by Sam, shared equally with Alex: Alex owes Sam 30.00', () => {
    expect(balancesOf({ transactions: [shared(-6_000, SAM, equally(ALEX, SAM))] })).toEqual({
      alex: -3_000,
      sam: 3_000,
    });
  });

  it('[OWE1] money in shared: a 90.00 refund received by Alex owes Sam and Kim 30.00 each', () => {
    expect(balancesOf({ transactions: [shared(9_000, ALEX, equally(ALEX, SAM, KIM))] })).toEqual({
      alex: -6_000,
      sam: 3_000,
      kim: 3_000,
    });
  });

  it('[OWE1] paying for others only: Alex pays 50.00 shared by Sam and Kim and is owed all of it', () => {
    expect(balancesOf({ transactions: [shared(-5_000, ALEX, equally(SAM, KIM))] })).toEqual({
      alex: 5_000,
      sam: -2_500,
      kim: -2_500,
    });
  });

  it('[OWE1] a settlement moves money from the one who received it to the one who paid it', () => {
    expect(
      balancesOf({
        transactions: [shared(-6_000, SAM, equally(ALEX, SAM))],
        settlements: [settlement(ALEX, SAM, 3_000)],
      }),
    ).toEqual({ alex: 0, sam: 0 });
  });

  it('[OWE1] only shared transactions count: someone’s own payment and transfers between accounts move nothing', () => {
    const result = householdBalances({
      currency: EUR,
      rates: new RateTable([]),
      transactions: [
        shared(-1_000, ALEX, []),
        shared(-1_000, null, []),
        shared(-1_000, ALEX, equally(ALEX, SAM), { transferId: 'other-leg' }),
      ],
      settlements: [],
    });
    expect([...result.balances]).toEqual([]);
  });

  it('[OWE1][SHR2] a transaction is converted once at its day’s rate and divided like its amount, so balances add up to zero', () => {
    // 10.01 USD at 0.9 is 9.009, so 9.01 EUR: 3.01, 3.00 and 3.00 in the order listed. Kim paid and bears 3.00.
    const balances = balancesOf({
      transactions: [shared(-1_001, KIM, equally(ALEX, SAM, KIM), { currency: USD })],
    });
    expect(balances).toEqual({ alex: -301, sam: -300, kim: 601 });
    expect(Object.values(balances).reduce((sum, amount) => sum + amount, 0)).toBe(0);
  });

  it('[OWE1] exact shares in another currency divide the converted amount in proportion: 20.00 and 40.00 USD', () => {
    const balances = balancesOf({
      transactions: [
        shared(
          -6_001,
          SAM,
          [
            { personId: ALEX, amount: -2_000 },
            { personId: SAM, amount: -4_001 },
          ],
          { currency: USD },
        ),
      ],
    });
    // 60.01 USD at 0.9 is 54.009, so 54.01 EUR; Alex’s third of it is 18.0033…, so 18.00.
    expect(balances).toEqual({ alex: -1_800, sam: 1_800 });
  });

  it('[OWE1] exact shares of both signs, which only a broken peer writes, are each converted on their own', () => {
    const balances = balancesOf({
      transactions: [
        shared(
          -1_500,
          SAM,
          [
            { personId: ALEX, amount: -2_000 },
            { personId: KIM, amount: 500 },
          ],
          { currency: USD },
        ),
      ],
    });
    expect(balances).toEqual({ alex: -1_800, kim: 450, sam: 1_350 });
  });

  it('[OWE1] what no rate converts is left out and counted, never guessed', () => {
    const result = householdBalances({
      currency: EUR,
      rates: new RateTable([{ date: '2026-06-01', from: USD, to: EUR, rate: '0.9' }]),
      transactions: [
        shared(-6_000, SAM, equally(ALEX, SAM)),
        shared(-1_000, ALEX, equally(ALEX, SAM), { currency: USD, date: '2026-03-01' }),
      ],
      settlements: [settlement(ALEX, SAM, 500, { currency: USD, date: '2026-05-31' })],
    });
    expect(result.unconverted).toBe(2);
    expect(result.balances.get(ALEX)?.amount).toBe(-3_000);
  });

  it('[OWE1] a person whose record was deleted still has their balance: money is never dropped', () => {
    // The inputs name people by id alone; whatever became of Kim's record, her share counts.
    expect(balancesOf({ transactions: [shared(-900, ALEX, equally(ALEX, KIM))] })).toEqual({ alex: 450, kim: -450 });
  });

  it('[SHR3] exact shares left not adding up are counted as written, the difference staying with the payer, and listed', () => {
    // Amount changed to 70.00 on one device while another shared 60.00 as 20.00 + 40.00.
    const unbalanced = shared(-7_000, SAM, [
      { personId: ALEX, amount: -2_000 },
      { personId: SAM, amount: -4_000 },
    ]);
    const result = householdBalances({
      currency: EUR,
      rates: new RateTable([]),
      transactions: [unbalanced],
      settlements: [],
    });
    expect(result.unbalanced).toEqual([unbalanced.id]);
    expect(result.balances.get(ALEX)?.amount).toBe(-2_000);
    expect(result.balances.get(SAM)?.amount).toBe(2_000);
  });

  it('[OWE1] stays exact when a running balance passes 2^53 and comes back, and refuses one that stays beyond', () => {
    const MAX = Number.MAX_SAFE_INTEGER;
    const samBears = (amount: number): SharedTransaction => shared(amount, ALEX, [{ personId: SAM, amount }]);
    const out = [samBears(-MAX), samBears(-MAX)];
    expect(balancesOf({ transactions: [...out, samBears(MAX), samBears(MAX - 1)] })).toEqual({ alex: 1, sam: -1 });
    expect(() => balancesOf({ transactions: out })).toThrow(expect.objectContaining({ code: 'overflow' }));
  });

  it('[SHR3] shares left without a payer count for nobody and are listed', () => {
    const orphan = shared(-6_000, null, equally(ALEX, SAM));
    const result = householdBalances({
      currency: EUR,
      rates: new RateTable([]),
      transactions: [orphan],
      settlements: [],
    });
    expect(result.missingPayer).toEqual([orphan.id]);
    expect(result.balances.size).toBe(0);
  });
});
