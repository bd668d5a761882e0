import { defineMessages } from '../../i18n/index.js';

export const updateMessages = defineMessages({
  en: { ready: 'A new version of Tally is ready.', reload: 'Reload' },
  es: { ready: 'Hay una versión nueva de Tally lista.', reload: 'Recargar' },
  de: { ready: 'Eine neue Version von Tally ist bereit.', reload: 'Neu laden' },
});
