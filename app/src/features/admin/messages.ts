import { defineMessages } from '../../i18n/index.js';

export const adminMessages = defineMessages({
  en: {
    title: 'Accounts on this relay',
    intro: 'You administer this relay. A disabled account can no longer sign in or sync until you enable it again.',
    'role.user': 'user',
    'role.advisor': 'advisor',
    'role.admin': 'admin',
    disabled: 'Disabled',
    you: 'You',
    'devices.one': '{count} device',
    'devices.other': '{count} devices',
    storage: '{size} stored',
    disable: 'Disable',
    disableAccount: 'Disable {email}',
    enable: 'Enable',
    enableAccount: 'Enable {email}',
    confirmDisable: 'Disable “{email}”? Its devices stop syncing at once; nothing it stored is removed.',
  },
  es: {
    title: 'Cuentas en este relay',
    intro:
      'Administras este relay. Una cuenta desactivada ya no puede iniciar sesión ni sincronizar hasta que la vuelvas a activar.',
    'role.user': 'usuario',
    'role.advisor': 'asesor',
    'role.admin': 'administrador',
    disabled: 'Desactivada',
    you: 'Tú',
    'devices.one': '{count} dispositivo',
    'devices.other': '{count} dispositivos',
    storage: '{size} guardados',
    disable: 'Desactivar',
    disableAccount: 'Desactivar {email}',
    enable: 'Activar',
    enableAccount: 'Activar {email}',
    confirmDisable:
      '¿Desactivar «{email}»? Sus dispositivos dejan de sincronizar al instante; no se borra nada de lo que guardó.',
  },
  de: {
    title: 'Konten auf diesem Relay',
    intro:
      'Du verwaltest dieses Relay. Ein deaktiviertes Konto kann sich nicht mehr anmelden oder synchronisieren, bis du es wieder aktivierst.',
    'role.user': 'Benutzer',
    'role.advisor': 'Berater',
    'role.admin': 'Administrator',
    disabled: 'Deaktiviert',
    you: 'Du',
    'devices.one': '{count} Gerät',
    'devices.other': '{count} Geräte',
    storage: '{size} gespeichert',
    disable: 'Deaktivieren',
    disableAccount: '{email} deaktivieren',
    enable: 'Aktivieren',
    enableAccount: '{email} aktivieren',
    confirmDisable:
      '„{email}“ deaktivieren? Seine Geräte hören sofort auf zu synchronisieren; nichts Gespeichertes wird gelöscht.',
  },
});
