import { defineMessages } from '../../i18n/index.js';

export const syncMessages = defineMessages({
  en: {
    'state.local': 'On this device only',
    'state.offline': 'Offline',
    'state.syncing': 'Syncing…',
    'state.synced': 'Up to date',
    notSyncing: 'Not syncing',
    pending: '· changes not sent yet',
    settingsLink: 'Sync settings',
    syncedAgo: '· synced {ago}',
    justNow: 'just now',
    minutesAgo: '{minutes} min ago',
    hoursAgo: '{hours} h ago',
    revoked: 'This device was removed from your Tally account, so it no longer syncs. Everything on it is still here.',
    revokedAction: 'Log out or sign in again',
    'problem.too-large':
      'Your ledger is too large for this relay to accept in one piece, so this device is not syncing. Nothing is lost: everything stays on this device. The relay’s owner can raise its frame limit (MAX_FRAME_BYTES).',
  },
  es: {
    'state.local': 'Solo en este dispositivo',
    'state.offline': 'Sin conexión',
    'state.syncing': 'Sincronizando…',
    'state.synced': 'Al día',
    notSyncing: 'Sin sincronizar',
    pending: '· cambios aún sin enviar',
    settingsLink: 'Ajustes de sincronización',
    syncedAgo: '· sincronizado {ago}',
    justNow: 'ahora mismo',
    minutesAgo: 'hace {minutes} min',
    hoursAgo: 'hace {hours} h',
    revoked: 'Este dispositivo se quitó de tu cuenta de Tally, así que ya no sincroniza. Todo lo que tiene sigue aquí.',
    revokedAction: 'Cierra sesión o vuelve a iniciarla',
    'problem.too-large':
      'Tu libro es demasiado grande para que este relay lo acepte de una vez, así que este dispositivo no sincroniza. No se pierde nada: todo sigue en este dispositivo. Quien administra el relay puede subir su límite (MAX_FRAME_BYTES).',
  },
  de: {
    'state.local': 'Nur auf diesem Gerät',
    'state.offline': 'Offline',
    'state.syncing': 'Wird synchronisiert…',
    'state.synced': 'Aktuell',
    notSyncing: 'Keine Synchronisierung',
    pending: '· Änderungen noch nicht gesendet',
    settingsLink: 'Sync-Einstellungen',
    syncedAgo: '· synchronisiert {ago}',
    justNow: 'gerade eben',
    minutesAgo: 'vor {minutes} Min.',
    hoursAgo: 'vor {hours} Std.',
    revoked:
      'Dieses Gerät wurde aus deinem Tally-Konto entfernt und synchronisiert daher nicht mehr. Alles darauf ist noch da.',
    revokedAction: 'Abmelden oder erneut anmelden',
    'problem.too-large':
      'Dein Haushaltsbuch ist zu groß, um vom Relay in einem Stück angenommen zu werden, daher synchronisiert dieses Gerät nicht. Nichts geht verloren: Alles bleibt auf diesem Gerät. Wer das Relay betreibt, kann das Limit erhöhen (MAX_FRAME_BYTES).',
  },
});
