import { defineMessages } from '../../i18n/index.js';

/** What the checkout step, the payment history and a relay without payments say. */
export const paymentMessages = defineMessages({
  en: {
    checkoutTitle: 'Pay for this session',
    amount: 'Price',
    holdEnds: 'Time held for you until',
    refundPolicy:
      'Refunds: if the advisor cancels, or you cancel at least {hours} hours before the session starts, you get the full amount back. If you cancel later, you do not.',
    pay: 'Pay {amount}',
    paying: 'Opening the payment page…',
    payFailed: 'The payment page could not be opened. Try again in a moment.',
    waitingForPayment:
      'Back from paying? This page shows the booking as the relay sees it: it turns to confirmed once the payment has arrived.',
    paymentsOff: 'This relay takes no payments, so priced sessions cannot be booked on it.',
    historyTitle: 'Payments',
    'payment.open': 'Started, not paid',
    'payment.paid': 'Paid',
    'payment.mismatched': 'Wrong amount paid, being refunded',
    'payment.late': 'Paid too late, being refunded',
    'payment.expired': 'Not paid in time',
    'payment.failed': 'Payment failed',
    'payment.refunding': 'Refund under way',
    'payment.refunded': 'Refunded',
  },
  es: {
    checkoutTitle: 'Paga esta sesión',
    amount: 'Precio',
    holdEnds: 'Hora reservada para ti hasta',
    refundPolicy:
      'Reembolsos: si el asesor cancela, o si cancelas al menos {hours} horas antes de que empiece la sesión, se te devuelve el importe completo. Si cancelas más tarde, no.',
    pay: 'Pagar {amount}',
    paying: 'Abriendo la página de pago…',
    payFailed: 'No se ha podido abrir la página de pago. Vuelve a intentarlo en un momento.',
    waitingForPayment:
      '¿Vuelves de pagar? Esta página muestra la reserva tal como la ve el relay: pasa a confirmada cuando llega el pago.',
    paymentsOff: 'Este relay no acepta pagos, así que en él no se pueden reservar sesiones de pago.',
    historyTitle: 'Pagos',
    'payment.open': 'Iniciado, sin pagar',
    'payment.paid': 'Pagado',
    'payment.mismatched': 'Importe equivocado, se está reembolsando',
    'payment.late': 'Pagado tarde, se está reembolsando',
    'payment.expired': 'No pagado a tiempo',
    'payment.failed': 'El pago ha fallado',
    'payment.refunding': 'Reembolso en curso',
    'payment.refunded': 'Reembolsado',
  },
  de: {
    checkoutTitle: 'Diese Sitzung bezahlen',
    amount: 'Preis',
    holdEnds: 'Termin für dich reserviert bis',
    refundPolicy:
      'Erstattung: Sagt die Beraterin oder der Berater ab, oder sagst du mindestens {hours} Stunden vor Beginn ab, bekommst du den vollen Betrag zurück. Bei einer späteren Absage nicht.',
    pay: '{amount} bezahlen',
    paying: 'Die Zahlungsseite wird geöffnet…',
    payFailed: 'Die Zahlungsseite ließ sich nicht öffnen. Versuche es gleich noch einmal.',
    waitingForPayment:
      'Zurück vom Bezahlen? Diese Seite zeigt die Buchung so, wie das Relay sie sieht: Sie wird bestätigt, sobald die Zahlung angekommen ist.',
    paymentsOff:
      'Dieses Relay nimmt keine Zahlungen an, daher lassen sich kostenpflichtige Sitzungen hier nicht buchen.',
    historyTitle: 'Zahlungen',
    'payment.open': 'Begonnen, nicht bezahlt',
    'payment.paid': 'Bezahlt',
    'payment.mismatched': 'Falscher Betrag bezahlt, wird erstattet',
    'payment.late': 'Zu spät bezahlt, wird erstattet',
    'payment.expired': 'Nicht rechtzeitig bezahlt',
    'payment.failed': 'Zahlung fehlgeschlagen',
    'payment.refunding': 'Erstattung läuft',
    'payment.refunded': 'Erstattet',
  },
});
