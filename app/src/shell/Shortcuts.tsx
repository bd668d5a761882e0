import { useText } from '../i18n/index.js';
import { FocusTrap } from '../ui/index.js';
import { appMessages } from './messages.js';

/** The keyboard shortcuts, listed on `?`. */
export function Shortcuts({ onClose }: { readonly onClose: () => void }) {
  const text = useText(appMessages);
  const keys = [
    ['n', text('shortcut.new')],
    ['/', text('shortcut.search')],
    ['?', text('shortcut.list')],
    ['Enter', text('shortcut.save')],
    ['Esc', text('shortcut.close')],
  ] as const;
  return (
    <FocusTrap>
      <div
        className="sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
        }}
      >
        <div className="sheet__body">
          <h2 id="shortcuts-title">{text('shortcuts')}</h2>
          <dl className="shortcuts">
            {keys.map(([key, what]) => (
              <div key={key} className="shortcuts__row">
                <dt>
                  <kbd>{key}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
          <div className="form__actions">
            <button type="button" className="button" data-testid="shortcuts-close" autoFocus onClick={onClose}>
              {text('shortcut.done')}
            </button>
          </div>
        </div>
      </div>
    </FocusTrap>
  );
}
