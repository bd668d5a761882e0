import { LANGUAGES, useI18n, useText } from '../../i18n/index.js';
import { Field } from '../../ui/index.js';
import { settingsMessages } from './messages.js';

/** Each language named in itself, so a person who cannot read the current one still finds theirs. */
const NATIVE_NAMES = { en: 'English', es: 'Español', de: 'Deutsch' } as const;

export function LanguagePicker() {
  const text = useText(settingsMessages);
  const { language, setLanguage } = useI18n();
  return (
    <div className="card form">
      <Field id="language" label={text('language')}>
        <select
          id="language"
          data-testid="language"
          value={language}
          aria-describedby="language-hint"
          onChange={(event) => {
            const chosen = LANGUAGES.find((option) => option === event.target.value);
            if (chosen) setLanguage(chosen);
          }}
        >
          {LANGUAGES.map((option) => (
            <option key={option} value={option} lang={option}>
              {NATIVE_NAMES[option]}
            </option>
          ))}
        </select>
      </Field>
      <p className="hint" id="language-hint">
        {text('languageHint')}
      </p>
    </div>
  );
}
