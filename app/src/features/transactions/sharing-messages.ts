import { defineMessages } from '../../i18n/index.js';

/** The words of the paid-by and shares part of the transaction form. */
export const sharingMessages = defineMessages({
  en: {
    sharing: 'Shared by the household',
    paidBy: 'Paid by',
    receivedBy: 'Received by',
    nobody: 'Not shared',
    mode: 'Shared',
    'mode.equal': 'Equally',
    'mode.weights': 'By shares',
    'mode.exact': 'Exact amounts',
    includes: '{name} shares it',
    weightOf: 'Shares of {name}',
    amountOf: 'Amount of {name}',
    sharesLeft: '{amount} left to share',
    sharesOver: '{amount} more than the whole amount',
    sharesAll: 'All of it is shared',
    storedUnbalanced:
      'These shares add up to {assigned}, not to {total}: two devices changed them at the same time. The difference stays with who paid until you mend it.',
  },
  es: {
    sharing: 'Compartido en el hogar',
    paidBy: 'Pagado por',
    receivedBy: 'Recibido por',
    nobody: 'Sin compartir',
    mode: 'Reparto',
    'mode.equal': 'A partes iguales',
    'mode.weights': 'Por partes',
    'mode.exact': 'Importes exactos',
    includes: '{name} participa',
    weightOf: 'Partes de {name}',
    amountOf: 'Importe de {name}',
    sharesLeft: 'Quedan {amount} por repartir',
    sharesOver: '{amount} más que el movimiento',
    sharesAll: 'Está todo repartido',
    storedUnbalanced:
      'Estas partes suman {assigned}, no {total}: dos dispositivos las cambiaron a la vez. La diferencia queda a cargo de quien pagó hasta que lo corrijas.',
  },
  de: {
    sharing: 'Im Haushalt geteilt',
    paidBy: 'Bezahlt von',
    receivedBy: 'Erhalten von',
    nobody: 'Nicht geteilt',
    mode: 'Aufteilung',
    'mode.equal': 'Zu gleichen Teilen',
    'mode.weights': 'Nach Anteilen',
    'mode.exact': 'Genaue Beträge',
    includes: '{name} ist beteiligt',
    weightOf: 'Anteile von {name}',
    amountOf: 'Betrag von {name}',
    sharesLeft: 'Noch {amount} aufzuteilen',
    sharesOver: '{amount} mehr als die Buchung',
    sharesAll: 'Alles ist aufgeteilt',
    storedUnbalanced:
      'Diese Anteile ergeben {assigned}, nicht {total}: Zwei Geräte haben sie gleichzeitig geändert. Die Differenz bleibt beim Zahler, bis du es korrigierst.',
  },
});
