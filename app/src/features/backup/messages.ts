import { defineMessages } from '../../i18n/index.js';

export const backupMessages = defineMessages({
  en: {
    title: 'Your data',
    intro: 'Your ledger lives on your devices. Keep a copy of it, or take your transactions to a spreadsheet.',
    exportTitle: 'Export',
    exportBackup: 'Back up the whole ledger (JSON)',
    exportBackupHint: 'Every account, transaction, category, budget, goal and rule, in one file you can restore later.',
    exportCsv: 'Export transactions (CSV)',
    exportCsvHintLoading: 'Your transactions, for a spreadsheet or another app.',
    'exportCsvHint.one': '{count} transaction, for a spreadsheet or another app.',
    'exportCsvHint.other': '{count} transactions, for a spreadsheet or another app.',
    restoreTitle: 'Restore from a backup',
    restoreIntro:
      'Choose a backup file. Before anything is written you will see what it holds and choose how to restore it.',
    restoreFile: 'Backup file',
    confirmTitle: 'What this backup holds',
    homeCurrency: 'Home currency: {currency}',
    'count.categories.one': '{count} category',
    'count.categories.other': '{count} categories',
    'count.budgets.one': '{count} budget',
    'count.budgets.other': '{count} budgets',
    'count.goals.one': '{count} goal',
    'count.goals.other': '{count} goals',
    'count.contributions.one': '{count} goal contribution',
    'count.contributions.other': '{count} goal contributions',
    'count.recurring.one': '{count} recurring transaction',
    'count.recurring.other': '{count} recurring transactions',
    'count.rules.one': '{count} category rule',
    'count.rules.other': '{count} category rules',
    'count.rates.one': '{count} exchange rate',
    'count.rates.other': '{count} exchange rates',
    modeLegend: 'How to restore',
    intoEmpty: 'Restore into an empty ledger',
    intoEmptyHint: 'This device will hold exactly what the backup holds, deleted records included.',
    intoEmptyBlocked: 'Not possible here: this device already holds records.',
    intoEmptyHowLoggedIn:
      'To restore into an empty ledger, export a backup first, then log out below choosing “Remove my data from this device”, and restore afterwards.',
    intoEmptyHowLocal:
      'To restore into an empty ledger, export a backup first, then erase the data on this device below, and restore afterwards.',
    merge: 'Merge into this ledger',
    mergeHint: 'Adds the records this device does not have yet. Records it already has stay as they are.',
    restoring: 'Restoring…',
    restored: 'Restored. Records added: {added}. Already on this device and kept: {kept}.',
    unreadable: 'This file could not be read as a Tally backup: it is not a JSON file. Nothing was changed.',
    notABackup:
      'This file is not a Tally backup. Choose a file made with “Back up the whole ledger”. Nothing was changed.',
    otherVersion:
      'This backup was made by a different version of Tally, which this one cannot read. Nothing was changed.',
    noRecords: 'This backup holds no records. Nothing was changed.',
    notEmpty:
      'This device already holds records, so the backup cannot be restored into an empty ledger. Nothing was changed.',
    damaged:
      'This backup is damaged: some of its records are not valid, so none of it was restored and nothing was changed.',
    eraseTitle: 'Erase the data on this device',
    eraseIntro:
      'Removes every account, transaction and setting from this device. It cannot be undone: export a backup first.',
    erase: 'Erase this device',
    eraseConfirm: 'Yes, erase everything on this device',
  },
  es: {
    title: 'Tus datos',
    intro:
      'Tu libro de cuentas vive en tus dispositivos. Guarda una copia o lleva tus movimientos a una hoja de cálculo.',
    exportTitle: 'Exportar',
    exportBackup: 'Hacer una copia de seguridad completa (JSON)',
    exportBackupHint:
      'Todas las cuentas, movimientos, categorías, presupuestos, metas y reglas, en un archivo que podrás restaurar más tarde.',
    exportCsv: 'Exportar movimientos (CSV)',
    exportCsvHintLoading: 'Tus movimientos, para una hoja de cálculo u otra aplicación.',
    'exportCsvHint.one': '{count} movimiento, para una hoja de cálculo u otra aplicación.',
    'exportCsvHint.other': '{count} movimientos, para una hoja de cálculo u otra aplicación.',
    restoreTitle: 'Restaurar una copia de seguridad',
    restoreIntro:
      'Elige un archivo de copia de seguridad. Antes de escribir nada verás lo que contiene y elegirás cómo restaurarlo.',
    restoreFile: 'Archivo de copia de seguridad',
    confirmTitle: 'Lo que contiene esta copia',
    homeCurrency: 'Moneda principal: {currency}',
    'count.categories.one': '{count} categoría',
    'count.categories.other': '{count} categorías',
    'count.budgets.one': '{count} presupuesto',
    'count.budgets.other': '{count} presupuestos',
    'count.goals.one': '{count} meta',
    'count.goals.other': '{count} metas',
    'count.contributions.one': '{count} aportación a metas',
    'count.contributions.other': '{count} aportaciones a metas',
    'count.recurring.one': '{count} movimiento periódico',
    'count.recurring.other': '{count} movimientos periódicos',
    'count.rules.one': '{count} regla de categoría',
    'count.rules.other': '{count} reglas de categoría',
    'count.rates.one': '{count} tipo de cambio',
    'count.rates.other': '{count} tipos de cambio',
    modeLegend: 'Cómo restaurar',
    intoEmpty: 'Restaurar en un libro vacío',
    intoEmptyHint: 'Este dispositivo tendrá exactamente lo que contiene la copia, incluidos los registros eliminados.',
    intoEmptyBlocked: 'No es posible aquí: este dispositivo ya tiene registros.',
    intoEmptyHowLoggedIn:
      'Para restaurar en un libro vacío, exporta antes una copia de seguridad, cierra la sesión más abajo eligiendo «Eliminar mis datos de este dispositivo» y restaura después.',
    intoEmptyHowLocal:
      'Para restaurar en un libro vacío, exporta antes una copia de seguridad, borra los datos de este dispositivo más abajo y restaura después.',
    merge: 'Combinar con este libro',
    mergeHint: 'Añade los registros que este dispositivo aún no tiene. Los que ya tiene se quedan como están.',
    restoring: 'Restaurando…',
    restored: 'Restaurado. Registros añadidos: {added}. Ya estaban en este dispositivo y se conservan: {kept}.',
    unreadable:
      'Este archivo no se puede leer como copia de seguridad de Tally: no es un archivo JSON. No se ha cambiado nada.',
    notABackup:
      'Este archivo no es una copia de seguridad de Tally. Elige un archivo creado con «Hacer una copia de seguridad completa». No se ha cambiado nada.',
    otherVersion: 'Esta copia la hizo otra versión de Tally que esta no sabe leer. No se ha cambiado nada.',
    noRecords: 'Esta copia de seguridad no contiene ningún registro. No se ha cambiado nada.',
    notEmpty:
      'Este dispositivo ya tiene registros, así que la copia no se puede restaurar en un libro vacío. No se ha cambiado nada.',
    damaged:
      'Esta copia de seguridad está dañada: algunos de sus registros no son válidos, así que no se ha restaurado nada y no se ha cambiado nada.',
    eraseTitle: 'Borrar los datos de este dispositivo',
    eraseIntro:
      'Elimina de este dispositivo todas las cuentas, movimientos y ajustes. No se puede deshacer: exporta antes una copia de seguridad.',
    erase: 'Borrar este dispositivo',
    eraseConfirm: 'Sí, borrar todo lo de este dispositivo',
  },
  de: {
    title: 'Deine Daten',
    intro:
      'Dein Haushaltsbuch liegt auf deinen Geräten. Bewahre eine Kopie auf oder nimm deine Buchungen in eine Tabellenkalkulation mit.',
    exportTitle: 'Exportieren',
    exportBackup: 'Ganzes Haushaltsbuch sichern (JSON)',
    exportBackupHint:
      'Alle Konten, Buchungen, Kategorien, Budgets, Sparziele und Regeln in einer Datei, die du später wiederherstellen kannst.',
    exportCsv: 'Buchungen exportieren (CSV)',
    exportCsvHintLoading: 'Deine Buchungen, für eine Tabellenkalkulation oder eine andere App.',
    'exportCsvHint.one': '{count} Buchung, für eine Tabellenkalkulation oder eine andere App.',
    'exportCsvHint.other': '{count} Buchungen, für eine Tabellenkalkulation oder eine andere App.',
    restoreTitle: 'Aus einer Sicherung wiederherstellen',
    restoreIntro:
      'Wähle eine Sicherungsdatei. Bevor etwas geschrieben wird, siehst du, was sie enthält, und wählst, wie sie wiederhergestellt wird.',
    restoreFile: 'Sicherungsdatei',
    confirmTitle: 'Was diese Sicherung enthält',
    homeCurrency: 'Hauptwährung: {currency}',
    'count.categories.one': '{count} Kategorie',
    'count.categories.other': '{count} Kategorien',
    'count.budgets.one': '{count} Budget',
    'count.budgets.other': '{count} Budgets',
    'count.goals.one': '{count} Sparziel',
    'count.goals.other': '{count} Sparziele',
    'count.contributions.one': '{count} Einzahlung auf Sparziele',
    'count.contributions.other': '{count} Einzahlungen auf Sparziele',
    'count.recurring.one': '{count} wiederkehrende Buchung',
    'count.recurring.other': '{count} wiederkehrende Buchungen',
    'count.rules.one': '{count} Kategorieregel',
    'count.rules.other': '{count} Kategorieregeln',
    'count.rates.one': '{count} Wechselkurs',
    'count.rates.other': '{count} Wechselkurse',
    modeLegend: 'Wie wiederherstellen',
    intoEmpty: 'In ein leeres Haushaltsbuch wiederherstellen',
    intoEmptyHint:
      'Dieses Gerät enthält danach genau das, was die Sicherung enthält, gelöschte Einträge eingeschlossen.',
    intoEmptyBlocked: 'Hier nicht möglich: Auf diesem Gerät sind schon Einträge.',
    intoEmptyHowLoggedIn:
      'Um in ein leeres Haushaltsbuch wiederherzustellen, exportiere zuerst eine Sicherung, melde dich dann unten mit „Meine Daten von diesem Gerät entfernen“ ab und stelle danach wieder her.',
    intoEmptyHowLocal:
      'Um in ein leeres Haushaltsbuch wiederherzustellen, exportiere zuerst eine Sicherung, lösche dann unten die Daten auf diesem Gerät und stelle danach wieder her.',
    merge: 'Mit diesem Haushaltsbuch zusammenführen',
    mergeHint:
      'Fügt die Einträge hinzu, die dieses Gerät noch nicht hat. Einträge, die es schon hat, bleiben, wie sie sind.',
    restoring: 'Wird wiederhergestellt…',
    restored: 'Wiederhergestellt. Hinzugefügte Einträge: {added}. Schon auf diesem Gerät und behalten: {kept}.',
    unreadable:
      'Diese Datei lässt sich nicht als Tally-Sicherung lesen: Sie ist keine JSON-Datei. Es wurde nichts geändert.',
    notABackup:
      'Diese Datei ist keine Tally-Sicherung. Wähle eine Datei, die mit „Ganzes Haushaltsbuch sichern“ erstellt wurde. Es wurde nichts geändert.',
    otherVersion:
      'Diese Sicherung stammt von einer anderen Tally-Version, die diese nicht lesen kann. Es wurde nichts geändert.',
    noRecords: 'Diese Sicherung enthält keine Einträge. Es wurde nichts geändert.',
    notEmpty:
      'Auf diesem Gerät sind schon Einträge, daher kann die Sicherung nicht in ein leeres Haushaltsbuch wiederhergestellt werden. Es wurde nichts geändert.',
    damaged:
      'Diese Sicherung ist beschädigt: Einige ihrer Einträge sind ungültig, daher wurde nichts davon wiederhergestellt und nichts geändert.',
    eraseTitle: 'Daten auf diesem Gerät löschen',
    eraseIntro:
      'Entfernt alle Konten, Buchungen und Einstellungen von diesem Gerät. Das lässt sich nicht rückgängig machen: Exportiere zuerst eine Sicherung.',
    erase: 'Dieses Gerät löschen',
    eraseConfirm: 'Ja, alles auf diesem Gerät löschen',
  },
});
