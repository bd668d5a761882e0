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
    'problem.account-disabled':
      'An administrator of this relay has disabled your account, so this device has stopped syncing. Everything on it is still here.',
    'problem.too-large':
      'Your ledger is too large for this relay to accept in one piece, so this device is not syncing. Nothing is lost: everything stays on this device. The relay’s owner can raise its frame limit (MAX_FRAME_BYTES).',
    'problem.refused-data':
      'This device sent data the relay refused, so it is not syncing. Nothing is lost: everything stays on this device. Updating Tally on this device may help.',
    'problem.storage-full':
      'This ledger takes as much space on the relay as it keeps for one account, so new changes are not syncing. Nothing is lost: everything stays on this device. The relay’s owner can raise the quota (ACCOUNT_QUOTA_BYTES).',
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
    'problem.account-disabled':
      'Un administrador de este relay ha desactivado tu cuenta, así que este dispositivo ha dejado de sincronizar. Todo lo que tiene sigue aquí.',
    'problem.too-large':
      'Tu libro es demasiado grande para que este relay lo acepte de una vez, así que este dispositivo no sincroniza. No se pierde nada: todo sigue en este dispositivo. Quien administra el relay puede subir su límite (MAX_FRAME_BYTES).',
    'problem.refused-data':
      'Este dispositivo envió datos que el relay rechazó, así que no sincroniza. No se pierde nada: todo sigue en este dispositivo. Actualizar Tally en este dispositivo puede ayudar.',
    'problem.storage-full':
      'Este libro ocupa en el relay todo el espacio que guarda para una cuenta, así que los cambios nuevos no se sincronizan. No se pierde nada: todo sigue en este dispositivo. Quien administra el relay puede subir la cuota (ACCOUNT_QUOTA_BYTES).',
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
    'problem.account-disabled':
      'Ein Administrator dieses Relays hat dein Konto deaktiviert, daher synchronisiert dieses Gerät nicht mehr. Alles darauf ist noch da.',
    'problem.too-large':
      'Dein Haushaltsbuch ist zu groß, um vom Relay in einem Stück angenommen zu werden, daher synchronisiert dieses Gerät nicht. Nichts geht verloren: Alles bleibt auf diesem Gerät. Wer das Relay betreibt, kann das Limit erhöhen (MAX_FRAME_BYTES).',
    'problem.refused-data':
      'Dieses Gerät hat Daten gesendet, die das Relay abgelehnt hat, daher synchronisiert es nicht. Nichts geht verloren: Alles bleibt auf diesem Gerät. Ein Update von Tally auf diesem Gerät kann helfen.',
    'problem.storage-full':
      'Dieses Haushaltsbuch belegt auf dem Relay so viel Platz, wie es für ein Konto vorhält, daher werden neue Änderungen nicht synchronisiert. Nichts geht verloren: Alles bleibt auf diesem Gerät. Wer das Relay betreibt, kann das Kontingent erhöhen (ACCOUNT_QUOTA_BYTES).',
  },
});
