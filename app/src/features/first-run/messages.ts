import { defineMessages } from '../../i18n/index.js';

export const firstRunMessages = defineMessages({
  en: {
    title: 'Welcome to Tally',
    intro: 'Tally keeps your money on this device, with or without an account. How would you like to begin?',
    startText: 'You get a “{account}” account in your home currency and a set of categories. Change any of them later.',
    start: 'Start on this device',
    loginTitle: 'I already use Tally',
    loginText: 'Log in to your relay and your ledger comes to this device. Nothing is created here.',
    login: 'Log in to my relay',
    skip: 'Skip for now',
    notStarted: 'Tally could not start the ledger on this device. Try again.',
    readOnly: 'This ledger was written by a newer version of Tally. Update Tally to change it.',
  },
  es: {
    title: 'Te damos la bienvenida a Tally',
    intro: 'Tally guarda tu dinero en este dispositivo, con cuenta o sin ella. ¿Cómo quieres empezar?',
    startText:
      'Tendrás una cuenta «{account}» en tu divisa principal y un conjunto de categorías. Puedes cambiarlas cuando quieras.',
    start: 'Empezar en este dispositivo',
    loginTitle: 'Ya uso Tally',
    loginText: 'Inicia sesión en tu relay y tu libro llegará a este dispositivo. Aquí no se crea nada.',
    login: 'Iniciar sesión en mi relay',
    skip: 'Ahora no',
    notStarted: 'Tally no pudo empezar el libro en este dispositivo. Inténtalo de nuevo.',
    readOnly: 'Este libro lo escribió una versión más reciente de Tally. Actualiza Tally para cambiarlo.',
  },
  de: {
    title: 'Willkommen bei Tally',
    intro: 'Tally bewahrt dein Geld auf diesem Gerät auf, mit oder ohne Konto. Wie möchtest du beginnen?',
    startText:
      'Du bekommst ein Konto „{account}“ in deiner Hauptwährung und eine Reihe von Kategorien. Du kannst alles später ändern.',
    start: 'Auf diesem Gerät beginnen',
    loginTitle: 'Ich nutze Tally schon',
    loginText:
      'Melde dich bei deinem Relay an, dann kommt dein Haushaltsbuch auf dieses Gerät. Hier wird nichts angelegt.',
    login: 'Bei meinem Relay anmelden',
    skip: 'Später',
    notStarted: 'Tally konnte das Haushaltsbuch auf diesem Gerät nicht anlegen. Versuche es noch einmal.',
    readOnly: 'Dieses Haushaltsbuch stammt von einer neueren Tally-Version. Aktualisiere Tally, um es zu ändern.',
  },
});

/** The names of what a first run creates, in the person's language (SPEC REC10: the slots are the schema's). */
export const starterMessages = defineMessages({
  en: {
    'category.groceries': 'Groceries',
    'category.eatingOut': 'Eating out',
    'category.housing': 'Housing',
    'category.utilities': 'Utilities',
    'category.transport': 'Transport',
    'category.health': 'Health',
    'category.shopping': 'Shopping',
    'category.leisure': 'Leisure',
    'category.salary': 'Salary',
    'category.otherIncome': 'Other income',
  },
  es: {
    'category.groceries': 'Supermercado',
    'category.eatingOut': 'Restaurantes',
    'category.housing': 'Vivienda',
    'category.utilities': 'Suministros',
    'category.transport': 'Transporte',
    'category.health': 'Salud',
    'category.shopping': 'Compras',
    'category.leisure': 'Ocio',
    'category.salary': 'Nómina',
    'category.otherIncome': 'Otros ingresos',
  },
  de: {
    'category.groceries': 'Lebensmittel',
    'category.eatingOut': 'Essen gehen',
    'category.housing': 'Wohnen',
    'category.utilities': 'Nebenkosten',
    'category.transport': 'Mobilität',
    'category.health': 'Gesundheit',
    'category.shopping': 'Einkäufe',
    'category.leisure': 'Freizeit',
    'category.salary': 'Gehalt',
    'category.otherIncome': 'Sonstige Einnahmen',
  },
});

export const firstAccountMessages = defineMessages({
  en: {
    title: 'No account yet',
    text: 'A transaction belongs to an account. Create one here and carry on.',
    name: 'Account name',
    create: 'Add account',
    notSaved: 'The account could not be created. Try again.',
  },
  es: {
    title: 'Aún no hay cuentas',
    text: 'Cada movimiento pertenece a una cuenta. Crea una aquí y sigue.',
    name: 'Nombre de la cuenta',
    create: 'Añadir cuenta',
    notSaved: 'No se pudo crear la cuenta. Inténtalo de nuevo.',
  },
  de: {
    title: 'Noch kein Konto',
    text: 'Jede Buchung gehört zu einem Konto. Lege hier eines an und mach weiter.',
    name: 'Name des Kontos',
    create: 'Konto anlegen',
    notSaved: 'Das Konto konnte nicht angelegt werden. Versuche es noch einmal.',
  },
});
