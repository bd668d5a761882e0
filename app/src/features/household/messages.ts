import { defineMessages } from '../../i18n/index.js';

export const householdMessages = defineMessages({
  en: {
    addPerson: 'Add a person',
    addPersonHint: 'Someone who does not use Tally, a child or a flatmate, can be one of the people too.',
    savePerson: 'Save person',
    nameInvalid: 'Give the person a name of up to 100 characters.',
    personDeleted:
      'This person was deleted on another device while you were editing them. Your changes are still here.',
    personRestoreSave: 'Save them again as a restored person',
    left: 'has left',
    intro: 'Who paid what in this ledger, and who owes whom.',
    noPeople:
      'No one shares this ledger yet. Share it from Ledgers: each member who opens it becomes one of its people.',
    noCurrency: 'Add an account, or choose the home currency in Currencies, to see balances.',
    inCurrency: 'Balances in {currency}.',
    peopleTitle: 'People',
    you: 'that is you',
    owed: 'is owed {amount}',
    owes: 'owes {amount}',
    square: 'is square',
    transfersTitle: 'To settle up',
    transfer: '{from} owes {to} {amount}',
    allSquare: 'Everyone is square.',
    settleUp: 'Settle up',
    settleUpHint: 'Records these payments as made today, so every balance is zero.',
    unbalanced:
      '{count} shared transactions do not add up: two devices changed them at once. Open them to mend their shares.',
    missingPayer:
      '{count} shared transactions have no payer after edits on two devices; they count for nobody until one is chosen.',
    unconverted: '{count} transactions or settlements have no exchange rate for their day and are left out.',
  },
  es: {
    addPerson: 'Añadir una persona',
    addPersonHint: 'Alguien que no usa Tally, un hijo o un compañero de piso, también puede ser una de las personas.',
    savePerson: 'Guardar persona',
    nameInvalid: 'Ponle a la persona un nombre de hasta 100 caracteres.',
    personDeleted: 'Esta persona se eliminó en otro dispositivo mientras la editabas. Tus cambios siguen aquí.',
    personRestoreSave: 'Guardarla de nuevo como persona recuperada',
    left: 'se fue',
    intro: 'Quién pagó qué en este libro, y quién debe a quién.',
    noPeople:
      'Nadie comparte este libro todavía. Compártelo desde Libros: cada miembro que lo abre pasa a ser una de sus personas.',
    noCurrency: 'Añade una cuenta, o elige la divisa principal en Divisas, para ver los saldos.',
    inCurrency: 'Saldos en {currency}.',
    peopleTitle: 'Personas',
    you: 'tú',
    owed: 'le deben {amount}',
    owes: 'debe {amount}',
    square: 'está en paz',
    transfersTitle: 'Para saldar cuentas',
    transfer: '{from} debe a {to} {amount}',
    allSquare: 'Todos están en paz.',
    settleUp: 'Saldar cuentas',
    settleUpHint: 'Anota estos pagos como hechos hoy, para que todos los saldos queden a cero.',
    unbalanced:
      '{count} movimientos compartidos no cuadran: dos dispositivos los cambiaron a la vez. Ábrelos para corregir su reparto.',
    missingPayer:
      '{count} movimientos compartidos se quedaron sin pagador tras cambios en dos dispositivos; no cuentan hasta que se elija uno.',
    unconverted: '{count} movimientos o pagos no tienen tipo de cambio para su día y quedan fuera.',
  },
  de: {
    addPerson: 'Person hinzufügen',
    addPersonHint: 'Auch jemand ohne Tally, ein Kind oder ein Mitbewohner, kann eine der Personen sein.',
    savePerson: 'Person speichern',
    nameInvalid: 'Gib der Person einen Namen mit höchstens 100 Zeichen.',
    personDeleted:
      'Diese Person wurde auf einem anderen Gerät gelöscht, während du sie bearbeitet hast. Deine Änderungen sind noch da.',
    personRestoreSave: 'Als wiederhergestellte Person erneut speichern',
    left: 'ausgetreten',
    intro: 'Wer in diesem Buch was bezahlt hat, und wer wem etwas schuldet.',
    noPeople:
      'Noch teilt niemand dieses Buch. Teile es unter Bücher: Jedes Mitglied, das es öffnet, wird eine seiner Personen.',
    noCurrency: 'Lege ein Konto an oder wähle unter Währungen die Hauptwährung, um Salden zu sehen.',
    inCurrency: 'Salden in {currency}.',
    peopleTitle: 'Personen',
    you: 'du',
    owed: 'bekommt {amount}',
    owes: 'schuldet {amount}',
    square: 'ist quitt',
    transfersTitle: 'Zum Ausgleichen',
    transfer: '{from} schuldet {to} {amount}',
    allSquare: 'Alle sind quitt.',
    settleUp: 'Ausgleichen',
    settleUpHint: 'Trägt diese Zahlungen als heute geleistet ein, sodass jeder Saldo null ist.',
    unbalanced:
      '{count} geteilte Buchungen gehen nicht auf: Zwei Geräte haben sie gleichzeitig geändert. Öffne sie, um die Anteile zu korrigieren.',
    missingPayer:
      '{count} geteilte Buchungen haben nach Änderungen auf zwei Geräten keinen Zahler; sie zählen erst, wenn einer gewählt ist.',
    unconverted: '{count} Buchungen oder Zahlungen haben keinen Wechselkurs für ihren Tag und bleiben außen vor.',
  },
});
