import { useSyncState } from '../../app/use-sync-state.js';
import { DataSection } from '../backup/DataSection.js';
import { DeviceList } from './DeviceList.js';
import { LogOut } from './LogOut.js';
import { RelayConnectForm } from './RelayConnectForm.js';

export function SettingsScreen() {
  const { account } = useSyncState();
  return (
    <section className="screen" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      {!account && <RelayConnectForm />}
      {account && (
        <div className="card" data-testid="relay-account">
          <h2>Relay</h2>
          <p>
            Signed in as <strong data-testid="account-email">{account.email}</strong> on <span data-testid="account-relay">{account.relayUrl}</span>.
          </p>
          <p>
            This device: <strong>{account.deviceName}</strong>
          </p>
        </div>
      )}
      {account && !account.revoked && <DeviceList />}
      <DataSection />
      {account && <LogOut />}
    </section>
  );
}
