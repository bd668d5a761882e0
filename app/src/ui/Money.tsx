import { formatMoney, money } from '@tally/schema';
import { useLocale } from '../i18n/index.js';

interface MoneyProps {
  readonly amount: number;
  readonly currency: string;
  readonly testId?: string;
}

/** An amount in its currency, coloured by direction. */
export function Money({ amount, currency, testId }: MoneyProps) {
  const locale = useLocale();
  const tone = amount < 0 ? 'money money--out' : amount > 0 ? 'money money--in' : 'money';
  return (
    <span className={tone} data-testid={testId}>
      {formatMoney(money(amount, currency), locale)}
    </span>
  );
}
