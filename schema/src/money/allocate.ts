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
  let sum = 0;
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight <= 0) {
      throw new MoneyError('invalid-allocation', `weights must be positive whole numbers, got ${weights.join(', ')}`);
    }
    sum += weight;
  }
  if (weights.length === 0) throw new MoneyError('invalid-allocation', 'an amount cannot be divided among nobody');
  const size = Math.abs(total);
  const { parts, remainders } =
    Number.isSafeInteger(sum) && size * sum <= Number.MAX_SAFE_INTEGER
      ? roundedDown(size, weights, sum)
      : roundedDownInBigInt(size, weights);
  let left = size;
  for (const part of parts) left -= part;
  if (left > 0) {
    const byRemainder = parts
      .map((_, index) => index)
      .sort((a, b) => {
        const [first, second] = [remainders[a] ?? 0, remainders[b] ?? 0];
        return first > second ? -1 : first < second ? 1 : a - b;
      });
    for (let i = 0; i < left; i += 1) {
      const index = byRemainder[i] ?? 0;
      parts[index] = (parts[index] ?? 0) + 1;
    }
  }
  if (total < 0) for (let i = 0; i < parts.length; i += 1) parts[i] = -(parts[i] ?? 0) || 0;
  return parts;
}

interface RoundedDown {
  /** Each weight's share of the size, rounded down: at most the size, so a safe integer. */
  readonly parts: number[];
  /** What rounding down left of each, in units of 1 / the sum of the weights. */
  readonly remainders: readonly (number | bigint)[];
}

/** When size × sum is a safe integer, so is every product here, and floating point is exact. */
function roundedDown(size: number, weights: readonly number[], sum: number): RoundedDown {
  const parts: number[] = [];
  const remainders: number[] = [];
  for (const weight of weights) {
    const remainder = (size * weight) % sum;
    // Dividing what divides exactly, so no rounding of the quotient can carry it up a unit.
    parts.push((size * weight - remainder) / sum);
    remainders.push(remainder);
  }
  return { parts, remainders };
}

function roundedDownInBigInt(size: number, weights: readonly number[]): RoundedDown {
  const sum = weights.reduce((all, weight) => all + BigInt(weight), 0n);
  const products = weights.map((weight) => BigInt(size) * BigInt(weight));
  return {
    parts: products.map((product) => Number(product / sum)),
    remainders: products.map((product) => product % sum),
  };
}
