import { defineMessages } from '../../i18n/index.js';

export const updateMessages = defineMessages({
  en: {
    ready: 'A new version of Tally is ready.',
    offlineReady: 'Tally is ready to work offline: every screen now opens without a network.',
    dismiss: 'OK',
  },
  es: {
    ready: 'Hay una versión nueva de Tally lista.',
    offlineReady: 'Tally está listo para funcionar sin conexión: todas las pantallas se abren ya sin red.',
    dismiss: 'Vale',
  },
  de: {
    ready: 'Eine neue Version von Tally ist bereit.',
    offlineReady: 'Tally ist bereit für die Offline-Nutzung: Jede Ansicht öffnet sich jetzt auch ohne Netz.',
    dismiss: 'OK',
  },
});
