import { defineMessages } from '../../i18n/index.js';

export const categoryMessages = defineMessages({
  en: {
    deleted: 'This category was deleted on another device while you were editing it. Your changes are still here.',
    restoreSave: 'Save it again as a restored category',
    newCategory: 'New category',
    empty: 'Categories sort your spending: groceries, rent, salary.',
    archived: 'archived',
    group: 'Group',
    groupExample: 'For example: Home, Food, Travel',
    save: 'Save category',
    nameInvalid: 'Give the category a name of up to 100 characters.',
    groupInvalid: 'Keep the group name to 100 characters.',
    kindInvalid: 'Choose expense or income.',
  },
  es: {
    deleted: 'Esta categoría se eliminó en otro dispositivo mientras la editabas. Tus cambios siguen aquí.',
    restoreSave: 'Guardarla de nuevo como categoría recuperada',
    newCategory: 'Nueva categoría',
    empty: 'Las categorías ordenan tus gastos: supermercado, alquiler, nómina.',
    archived: 'archivada',
    group: 'Grupo',
    groupExample: 'Por ejemplo: Casa, Comida, Viajes',
    save: 'Guardar categoría',
    nameInvalid: 'Ponle a la categoría un nombre de hasta 100 caracteres.',
    groupInvalid: 'El nombre del grupo admite hasta 100 caracteres.',
    kindInvalid: 'Elige gasto o ingreso.',
  },
  de: {
    deleted:
      'Diese Kategorie wurde auf einem anderen Gerät gelöscht, während du sie bearbeitet hast. Deine Änderungen sind noch da.',
    restoreSave: 'Als wiederhergestellte Kategorie erneut speichern',
    newCategory: 'Neue Kategorie',
    empty: 'Kategorien ordnen deine Ausgaben: Lebensmittel, Miete, Gehalt.',
    archived: 'archiviert',
    group: 'Gruppe',
    groupExample: 'Zum Beispiel: Wohnen, Essen, Reisen',
    save: 'Kategorie speichern',
    nameInvalid: 'Gib der Kategorie einen Namen mit höchstens 100 Zeichen.',
    groupInvalid: 'Der Gruppenname darf höchstens 100 Zeichen lang sein.',
    kindInvalid: 'Wähle Ausgabe oder Einnahme.',
  },
});
