import { checkedAmount } from './money.js';
import { MoneyError } from './money-error.js';

/**
 * Divides `total` minor units in proportion to `weights`, exactly (SPEC SHR2): each part is its
 * exact proportion of the total's size rounded down, and the minor units left over go one each to
 * the parts with the largest remainders, ties to the one listed first. Every part carries the
 * total's sign, so -10.00 in three equal parts is -3.34, -3.33, -3.33 as 10.00 is 3.34, 3.33,
 * 3.33. The parts always add up to the total, and the same input gives the same parts everywhere.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  checkedAmount(total);
  if (weights.length === 0) throw new MoneyError('invalid-allocation', 'an amount cannot be divided among nobody');
  if (!weights.every((weight) => Number.isSafeInteger(weight) && weight > 0)) {
    throw new MoneyError('invalid-allocation', `weights must be positive whole numbers, got ${weights.join(', ')}`);
  }
  const size = BigInt(Math.abs(total));
  const sum = weights.reduce((all, weight) => all + BigInt(weight), 0n);
  const parts = weights.map((weight) => (size * BigInt(weight)) / sum);
  const remainders = weights.map((weight) => (size * BigInt(weight)) % sum);
  let left = size - parts.reduce((all, part) => all + part, 0n);
  const byRemainder = weights
    .map((_, index) => index)
    .sort((a, b) => {
      const difference = (remainders[b] ?? 0n) - (remainders[a] ?? 0n);
      return difference > 0n ? 1 : difference < 0n ? -1 : a - b;
    });
  for (const index of byRemainder) {
    if (left === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((part) => Number(total < 0 ? -part : part));
}
