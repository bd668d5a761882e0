import { defineMessages } from '../../i18n/index.js';

export const dashboardMessages = defineMessages({
  en: {
    balances: 'Balances',
    noAccounts: 'No accounts yet.',
    addAccount: 'Add your first account',
    spending: 'Spending in {month}',
    nothingSpent: 'Nothing spent this month.',
    'spendingUnconverted.one': '{count} payment in another currency is not counted: no exchange rate converts it.',
    'spendingUnconverted.other':
      '{count} payments in other currencies are not counted: no exchange rate converts them.',
    recent: 'Recent transactions',
    noTransactions: 'No transactions yet.',
    allTransactions: 'All transactions',
  },
  es: {
    balances: 'Saldos',
    noAccounts: 'Aún no hay cuentas.',
    addAccount: 'Añade tu primera cuenta',
    spending: 'Gastos de {month}',
    nothingSpent: 'Este mes no has gastado nada.',
    'spendingUnconverted.one': '{count} pago en otra divisa no se cuenta: ningún tipo de cambio lo convierte.',
    'spendingUnconverted.other': '{count} pagos en otras divisas no se cuentan: ningún tipo de cambio los convierte.',
    recent: 'Movimientos recientes',
    noTransactions: 'Aún no hay movimientos.',
    allTransactions: 'Todos los movimientos',
  },
  de: {
    balances: 'Kontostände',
    noAccounts: 'Noch keine Konten.',
    addAccount: 'Erstes Konto anlegen',
    spending: 'Ausgaben im {month}',
    nothingSpent: 'Diesen Monat noch keine Ausgaben.',
    'spendingUnconverted.one':
      '{count} Zahlung in einer anderen Währung ist nicht mitgezählt: Kein Wechselkurs rechnet sie um.',
    'spendingUnconverted.other':
      '{count} Zahlungen in anderen Währungen sind nicht mitgezählt: Kein Wechselkurs rechnet sie um.',
    recent: 'Letzte Buchungen',
    noTransactions: 'Noch keine Buchungen.',
    allTransactions: 'Alle Buchungen',
  },
});
