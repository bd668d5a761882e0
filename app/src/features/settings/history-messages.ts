import { defineMessages } from '../../i18n/index.js';

export const historyMessages = defineMessages({
  en: {
    title: 'Ledger history',
    hint: 'The relay keeps earlier versions of your ledger for 30 days. Restoring one puts back what it held on all your devices: deleted records return and changed ones take their old values. Records added since stay. To undo a restore, restore the version taken just before it.',
    empty: 'No earlier versions yet. While your ledger changes, the relay keeps one at most every hour.',
    restoreVersion: 'Restore the version of {when}',
    confirmRestore:
      'Restore your ledger as it was on {when}? All your devices will show it. Records added since stay, and you can undo this by restoring the version taken just before.',
    'restored.one': 'Restored: {count} record written back. Your devices receive it now.',
    'restored.other': 'Restored: {count} records written back. Your devices receive them now.',
    restoredNothing: 'Nothing to restore: your ledger already reads as it did then.',
    notOwner: 'Only the ledger’s owner can see and restore its history.',
  },
  es: {
    title: 'Historial del libro',
    hint: 'El relay guarda versiones anteriores de tu libro durante 30 días. Restaurar una devuelve lo que contenía en todos tus dispositivos: los registros borrados vuelven y los cambiados recuperan sus valores anteriores. Los registros añadidos después se quedan. Para deshacer una restauración, restaura la versión guardada justo antes.',
    empty: 'Aún no hay versiones anteriores. Mientras tu libro cambia, el relay guarda una como mucho cada hora.',
    restoreVersion: 'Restaurar la versión del {when}',
    confirmRestore:
      '¿Restaurar tu libro tal como estaba el {when}? Todos tus dispositivos lo mostrarán. Los registros añadidos después se quedan, y puedes deshacerlo restaurando la versión guardada justo antes.',
    'restored.one': 'Restaurado: se ha recuperado {count} registro. Tus dispositivos lo reciben ahora.',
    'restored.other': 'Restaurado: se han recuperado {count} registros. Tus dispositivos los reciben ahora.',
    restoredNothing: 'No hay nada que restaurar: tu libro ya está como entonces.',
    notOwner: 'Solo quien es dueño del libro puede ver y restaurar su historial.',
  },
  de: {
    title: 'Verlauf des Haushaltsbuchs',
    hint: 'Das Relay bewahrt frühere Versionen deines Haushaltsbuchs 30 Tage lang auf. Eine Version wiederherzustellen bringt auf all deinen Geräten zurück, was sie enthielt: Gelöschte Einträge kehren zurück, geänderte erhalten ihre alten Werte. Seitdem hinzugefügte Einträge bleiben. Um eine Wiederherstellung rückgängig zu machen, stelle die Version von direkt davor wieder her.',
    empty:
      'Noch keine früheren Versionen. Solange sich dein Haushaltsbuch ändert, bewahrt das Relay höchstens stündlich eine auf.',
    restoreVersion: 'Version vom {when} wiederherstellen',
    confirmRestore:
      'Dein Haushaltsbuch so wiederherstellen, wie es am {when} war? All deine Geräte zeigen es dann. Seitdem hinzugefügte Einträge bleiben, und du kannst es rückgängig machen, indem du die Version von direkt davor wiederherstellst.',
    'restored.one': 'Wiederhergestellt: {count} Eintrag zurückgeschrieben. Deine Geräte erhalten ihn jetzt.',
    'restored.other': 'Wiederhergestellt: {count} Einträge zurückgeschrieben. Deine Geräte erhalten sie jetzt.',
    restoredNothing: 'Nichts wiederherzustellen: Dein Haushaltsbuch ist schon so wie damals.',
    notOwner: 'Nur wem das Haushaltsbuch gehört, kann seinen Verlauf sehen und wiederherstellen.',
  },
});
