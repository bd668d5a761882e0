import { useCallback, useEffect, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { type LedgerVersion, RelayApiError } from '../../sync/index.js';
import { useTally } from '../../tally/index.js';
import { formMessages, wordMessages } from '../../ui/index.js';
import { historyMessages } from './history-messages.js';

/** The versions the relay keeps of the ledger, newest first; any can be restored, after a confirmation. */
export function LedgerHistory() {
  const text = useText(historyMessages);
  const words = useText(wordMessages);
  const form = useText(formMessages);
  const { sync } = useTally();
  const [versions, setVersions] = useState<readonly LedgerVersion[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [restoring, setRestoring] = useState(false);

  const when = (time: string): string =>
    new Date(time).toLocaleString(text.locale, { dateStyle: 'medium', timeStyle: 'short' });
  const size = (bytes: number): string =>
    new Intl.NumberFormat(text.locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }).format(
      bytes / 1024,
    );
  const refusal = useCallback(
    (error: RelayApiError): string => {
      if (error.unreachable) return words('relayUnreachable');
      if (error.code === 'forbidden') return text('notOwner');
      return words('relayRefused', { reason: error.message });
    },
    [text, words],
  );

  const load = useCallback(async () => {
    try {
      setVersions(await sync.ledgerVersions());
      setProblem(undefined);
    } catch (error) {
      if (!(error instanceof RelayApiError)) throw error;
      setProblem(refusal(error));
    }
  }, [sync, refusal]);

  useEffect(() => {
    void load();
  }, [load]);

  const restore = async (version: LedgerVersion) => {
    if (!window.confirm(text('confirmRestore', { when: when(version.takenAt) }))) return;
    setRestoring(true);
    setDone(undefined);
    try {
      const records = await sync.restoreLedgerVersion(version.versionId);
      setDone(records === 0 ? text('restoredNothing') : text.count('restored', records));
      setProblem(undefined);
    } catch (error) {
      if (!(error instanceof RelayApiError)) throw error;
      setProblem(refusal(error));
    } finally {
      setRestoring(false);
    }
    await load();
  };

  return (
    <div className="card" data-testid="ledger-history">
      <div className="screen__head">
        <h2>{text('title')}</h2>
        <button type="button" className="button" data-testid="refresh-history" onClick={() => void load()}>
          {words('refresh')}
        </button>
      </div>
      <p className="hint">{text('hint')}</p>
      {problem && (
        <p className="form__error" role="alert">
          {problem}
        </p>
      )}
      <p role="status" data-testid="history-status">
        {done}
      </p>
      {versions === undefined && !problem && <p className="hint">{form('loading')}</p>}
      {versions?.length === 0 && (
        <p className="hint" data-testid="history-empty">
          {text('empty')}
        </p>
      )}
      <ul className="list">
        {versions?.map((version) => (
          <li
            key={version.versionId}
            className="list__row list__row--static"
            data-testid="version-row"
            data-id={version.versionId}
            data-taken-at={version.takenAt}
          >
            <span>
              <span className="list__title">{when(version.takenAt)}</span>
              <span className="list__detail">{size(version.bytes)}</span>
            </span>
            <button
              type="button"
              className="button"
              data-testid="restore-version"
              disabled={restoring}
              aria-label={text('restoreVersion', { when: when(version.takenAt) })}
              onClick={() => void restore(version)}
            >
              {words('restore')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
