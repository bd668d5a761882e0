import { type SelectHTMLAttributes, useMemo } from 'react';
import { useLocale, useText } from '../../i18n/index.js';
import { formMessages } from '../../ui/index.js';
import { currencyChoices } from './currency-names.js';

interface CurrencySelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> {
  /** The words of an empty first option, offered while nothing is chosen. */
  readonly placeholder?: string | undefined;
}

/** The currencies people keep money in, by name in the reader's language and code ("Euro — EUR"). */
export function CurrencySelect({ placeholder, ...props }: CurrencySelectProps) {
  const words = useText(formMessages);
  const locale = useLocale();
  const kept = typeof props.value === 'string' && props.value !== '' ? props.value : undefined;
  const choices = useMemo(() => currencyChoices(locale, kept), [locale, kept]);
  return (
    <select {...props}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {choices.map(({ code, name }) => (
        <option key={code} value={code}>
          {words('currencyOption', { code, name })}
        </option>
      ))}
    </select>
  );
}
