import { useCallback, useEffect, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { RelayApiError, type RelayDevice } from '../../sync/index.js';
import { useTally } from '../../tally/index.js';
import { formMessages, wordMessages } from '../../ui/index.js';
import { settingsMessages } from './messages.js';
import { relayRefusal } from './relay-refusal.js';

/** The account's devices, this one marked; any other can be revoked. */
export function DeviceList() {
  const text = useText(settingsMessages);
  const words = useText(formMessages);
  const shared = useText(wordMessages);
  const { sync } = useTally();
  const when = (time: string | null): string =>
    time === null
      ? text('never')
      : new Date(time).toLocaleString(text.locale, { dateStyle: 'medium', timeStyle: 'short' });
  const [devices, setDevices] = useState<readonly RelayDevice[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  const load = useCallback(async () => {
    try {
      setDevices(await sync.devices());
      setProblem(undefined);
    } catch (error) {
      if (!(error instanceof RelayApiError)) throw error;
      setProblem(relayRefusal(error, text, shared));
    }
  }, [sync, text, shared]);

  useEffect(() => {
    void load();
  }, [load]);

  const revoke = async (device: RelayDevice) => {
    if (!window.confirm(text('confirmRemove', { name: device.name }))) return;
    try {
      await sync.revokeDevice(device.id);
    } catch (error) {
      if (!(error instanceof RelayApiError)) throw error;
      setProblem(relayRefusal(error, text, shared));
    }
    await load();
  };

  return (
    <div className="card" data-testid="device-list">
      <div className="screen__head">
        <h2>{text('devices')}</h2>
        <button type="button" className="button" data-testid="refresh-devices" onClick={() => void load()}>
          {shared('refresh')}
        </button>
      </div>
      {problem && (
        <p className="form__error" role="alert">
          {problem}
        </p>
      )}
      {devices === undefined && !problem && <p className="hint">{words('loading')}</p>}
      <ul className="list">
        {devices?.map((device) => (
          <li
            key={device.id}
            className="list__row list__row--static"
            data-testid="device-row"
            data-id={device.id}
            data-current={device.current}
          >
            <span>
              <span className="list__title">
                {device.name}
                {device.current && <span className="tag"> {text('thisDevice')}</span>}
              </span>
              <span className="list__detail">
                {text('deviceDates', { added: when(device.createdAt), synced: when(device.lastSyncedAt) })}
              </span>
            </span>
            {!device.current && (
              <button
                type="button"
                className="button button--danger"
                data-testid="revoke-device"
                aria-label={text('removeDevice', { name: device.name })}
                onClick={() => void revoke(device)}
              >
                {text('remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
