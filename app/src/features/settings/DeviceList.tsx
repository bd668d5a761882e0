import { useCallback, useEffect, useState } from 'react';
import { useTally } from '../../app/tally-context.js';
import { RelayApiError, type RelayDevice } from '../../sync/index.js';

function when(time: string | null): string {
  return time === null ? 'never' : new Date(time).toLocaleString();
}

/** The account's devices, this one marked; any other can be revoked. */
export function DeviceList() {
  const { sync } = useTally();
  const [devices, setDevices] = useState<readonly RelayDevice[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  const load = useCallback(async () => {
    try {
      setDevices(await sync.devices());
      setProblem(undefined);
    } catch (error) {
      if (!(error instanceof RelayApiError)) throw error;
      setProblem(error.unreachable ? 'The relay cannot be reached right now.' : error.message);
    }
  }, [sync]);

  useEffect(() => {
    void load();
  }, [load]);

  const revoke = async (device: RelayDevice) => {
    if (!window.confirm(`Remove “${device.name}”? It stops syncing at once and keeps what it already has.`)) return;
    try {
      await sync.revokeDevice(device.id);
    } catch (error) {
      if (!(error instanceof RelayApiError)) throw error;
      setProblem(error.message);
    }
    await load();
  };

  return (
    <div className="card" data-testid="device-list">
      <div className="screen__head">
        <h2>Devices</h2>
        <button type="button" className="button" data-testid="refresh-devices" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      {problem && (
        <p className="form__error" role="alert">
          {problem}
        </p>
      )}
      {devices === undefined && !problem && <p className="hint">Loading…</p>}
      <ul className="list">
        {devices?.map((device) => (
          <li key={device.id} className="list__row list__row--static" data-testid="device-row" data-id={device.id} data-current={device.current}>
            <span>
              <span className="list__title">
                {device.name}
                {device.current && <span className="tag"> This device</span>}
              </span>
              <span className="list__detail">
                Added {when(device.createdAt)} · last synced {when(device.lastSyncedAt)}
              </span>
            </span>
            {!device.current && (
              <button type="button" className="button button--danger" data-testid="revoke-device" onClick={() => void revoke(device)}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
