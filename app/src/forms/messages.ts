import { defineMessages } from '../i18n/index.js';

/**
 * A refusal's words, by its code (`Refusal`): the schema's reasons for not reading an amount, the
 * forms' own rules for amounts, and the ledger's reasons for not writing. `{digits}` is counted.
 */
export const refusalMessages = defineMessages({
  en: {
    'money.empty': 'Enter an amount.',
    'money.stray-text': '“{text}” is not part of an amount in {currency}.',
    'money.no-digits': 'There are no digits in the amount.',
    'money.several-numbers': 'The amount holds more than one number.',
    'money.several-currencies': 'The currency is written more than once.',
    'money.several-signs': 'The amount has more than one sign.',
    'money.parentheses': 'Parentheses must enclose the whole amount.',
    'money.sign-and-parentheses': 'Write a negative amount with parentheses or a minus sign, not both.',
    'money.several-decimal-separators': 'The amount has more than one decimal separator “{separator}”.',
    'money.misplaced-grouping': 'Decimals come after “{decimal}”; other marks only group thousands.',
    'money.no-minor-unit': '{currency} has no minor unit, so the amount cannot have decimals.',
    'money.too-many-decimals.one': '{currency} allows at most {count} decimal.',
    'money.too-many-decimals.other': '{currency} allows at most {count} decimals.',
    'money.too-large': 'The amount is too large: at most {largest} {currency} can be recorded.',
    'amount.is-negative': 'Enter an amount of zero or more.',
    'amount.is-zero': 'Enter an amount other than zero.',
    'ledger.invalid-record': 'The ledger refused this change, so nothing was saved.',
    'ledger.not-found': 'This was deleted on another device, so nothing was saved.',
    'ledger.read-only': 'This ledger was written by a newer Tally: it can be read here but not changed.',
    'ledger.overruled': 'A device whose clock is ahead changed this later, so this change was not saved.',
  },
  es: {
    'money.empty': 'Escribe un importe.',
    'money.stray-text': '«{text}» no forma parte de un importe en {currency}.',
    'money.no-digits': 'El importe no tiene cifras.',
    'money.several-numbers': 'El importe contiene más de un número.',
    'money.several-currencies': 'La divisa está escrita más de una vez.',
    'money.several-signs': 'El importe tiene más de un signo.',
    'money.parentheses': 'Los paréntesis deben rodear todo el importe.',
    'money.sign-and-parentheses': 'Escribe un importe negativo con paréntesis o con un signo menos, no con ambos.',
    'money.several-decimal-separators': 'El importe tiene más de un separador decimal «{separator}».',
    'money.misplaced-grouping': 'Los decimales van después de «{decimal}»; los demás signos solo agrupan los millares.',
    'money.no-minor-unit': '{currency} no tiene subunidad, así que el importe no puede llevar decimales.',
    'money.too-many-decimals.one': '{currency} admite como máximo {count} decimal.',
    'money.too-many-decimals.other': '{currency} admite como máximo {count} decimales.',
    'money.too-large': 'El importe es demasiado grande: se pueden anotar como mucho {largest} {currency}.',
    'amount.is-negative': 'Escribe un importe de cero o más.',
    'amount.is-zero': 'Escribe un importe distinto de cero.',
    'ledger.invalid-record': 'El libro rechazó este cambio, así que no se guardó nada.',
    'ledger.not-found': 'Esto se eliminó en otro dispositivo, así que no se guardó nada.',
    'ledger.read-only':
      'Este libro lo escribió una versión más reciente de Tally: aquí se puede leer, pero no modificar.',
    'ledger.overruled': 'Un dispositivo con el reloj adelantado cambió esto después, así que este cambio no se guardó.',
  },
  de: {
    'money.empty': 'Gib einen Betrag ein.',
    'money.stray-text': '„{text}“ gehört nicht zu einem Betrag in {currency}.',
    'money.no-digits': 'Der Betrag enthält keine Ziffern.',
    'money.several-numbers': 'Der Betrag enthält mehr als eine Zahl.',
    'money.several-currencies': 'Die Währung steht mehr als einmal da.',
    'money.several-signs': 'Der Betrag hat mehr als ein Vorzeichen.',
    'money.parentheses': 'Klammern müssen den ganzen Betrag umschließen.',
    'money.sign-and-parentheses':
      'Schreib einen negativen Betrag mit Klammern oder mit Minuszeichen, nicht mit beidem.',
    'money.several-decimal-separators': 'Der Betrag hat mehr als ein Dezimaltrennzeichen „{separator}“.',
    'money.misplaced-grouping': 'Nachkommastellen stehen nach „{decimal}“; andere Zeichen gliedern nur Tausender.',
    'money.no-minor-unit': '{currency} hat keine Untereinheit, der Betrag kann also keine Nachkommastellen haben.',
    'money.too-many-decimals.one': '{currency} erlaubt höchstens {count} Nachkommastelle.',
    'money.too-many-decimals.other': '{currency} erlaubt höchstens {count} Nachkommastellen.',
    'money.too-large': 'Der Betrag ist zu groß: Höchstens {largest} {currency} lassen sich erfassen.',
    'amount.is-negative': 'Gib einen Betrag von null oder mehr ein.',
    'amount.is-zero': 'Gib einen Betrag ungleich null ein.',
    'ledger.invalid-record': 'Das Haushaltsbuch hat diese Änderung abgelehnt, es wurde nichts gespeichert.',
    'ledger.not-found': 'Das wurde auf einem anderen Gerät gelöscht, es wurde nichts gespeichert.',
    'ledger.read-only':
      'Dieses Haushaltsbuch stammt von einer neueren Tally-Version: Es lässt sich hier lesen, aber nicht ändern.',
    'ledger.overruled':
      'Ein Gerät mit vorgehender Uhr hat das später geändert, daher wurde diese Änderung nicht gespeichert.',
  },
});
