import { defineMessages } from '../../i18n/index.js';

export const startFailureMessages = defineMessages({
  en: {
    'title.unavailable': 'Tally cannot store anything in this browser',
    'what.unavailable':
      'The browser refused Tally its storage (IndexedDB). This happens in some private windows, or when site data is blocked. Open Tally in a normal window, or allow this site to store data in the browser’s settings, then reload.',
    'title.storage-full': 'This device’s storage is full',
    'what.storage-full':
      'Tally could not open its data because the browser has no room left. Free some space — delete files or other sites’ data — then reload. Nothing of yours has been removed.',
    'title.newer-format': 'This ledger was written by a newer Tally',
    'what.newer-format':
      'Another device saved your ledger in a newer format than this version of Tally knows. Reload to get the newest version. Until then you can look at your data, but not change it.',
    'title.failed': 'Tally could not start',
    'what.failed': 'Something went wrong while opening your data. Your data is safe; reload to try again.',
    readOnly: 'Look without changing',
  },
  es: {
    'title.unavailable': 'Tally no puede guardar nada en este navegador',
    'what.unavailable':
      'El navegador ha negado a Tally su almacenamiento (IndexedDB). Ocurre en algunas ventanas privadas o cuando los datos de sitios están bloqueados. Abre Tally en una ventana normal, o permite a este sitio guardar datos en los ajustes del navegador, y recarga.',
    'title.storage-full': 'El almacenamiento de este dispositivo está lleno',
    'what.storage-full':
      'Tally no pudo abrir sus datos porque el navegador no tiene espacio. Libera espacio — borra archivos o datos de otros sitios — y recarga. No se ha borrado nada tuyo.',
    'title.newer-format': 'Este libro lo escribió un Tally más nuevo',
    'what.newer-format':
      'Otro dispositivo guardó tu libro en un formato más nuevo del que conoce esta versión de Tally. Recarga para obtener la versión más reciente. Mientras tanto puedes ver tus datos, pero no cambiarlos.',
    'title.failed': 'Tally no pudo iniciarse',
    'what.failed': 'Algo falló al abrir tus datos. Tus datos están a salvo; recarga para intentarlo de nuevo.',
    readOnly: 'Ver sin cambiar nada',
  },
  de: {
    'title.unavailable': 'Tally kann in diesem Browser nichts speichern',
    'what.unavailable':
      'Der Browser verweigert Tally seinen Speicher (IndexedDB). Das passiert in manchen privaten Fenstern oder wenn Websitedaten blockiert sind. Öffne Tally in einem normalen Fenster oder erlaube dieser Website in den Browsereinstellungen, Daten zu speichern, und lade dann neu.',
    'title.storage-full': 'Der Speicher dieses Geräts ist voll',
    'what.storage-full':
      'Tally konnte seine Daten nicht öffnen, weil der Browser keinen Platz mehr hat. Schaffe Platz — lösche Dateien oder Daten anderer Websites — und lade dann neu. Von deinen Daten wurde nichts entfernt.',
    'title.newer-format': 'Dieses Kassenbuch stammt von einem neueren Tally',
    'what.newer-format':
      'Ein anderes Gerät hat dein Kassenbuch in einem neueren Format gespeichert, als diese Tally-Version kennt. Lade neu, um die neueste Version zu erhalten. Bis dahin kannst du deine Daten ansehen, aber nicht ändern.',
    'title.failed': 'Tally konnte nicht starten',
    'what.failed':
      'Beim Öffnen deiner Daten ist etwas schiefgegangen. Deine Daten sind sicher; lade neu, um es erneut zu versuchen.',
    readOnly: 'Nur ansehen',
  },
});
