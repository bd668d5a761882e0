import { useText } from '../../i18n/index.js';
import { useCanEdit, useSyncState } from '../../tally/index.js';
import { routeMessages, Sentence } from '../../ui/index.js';
import { AccountAdmin } from '../admin/index.js';
import { AttachmentStorage } from '../attachments/index.js';
import { DataSection } from '../backup/index.js';
import { ChangeEmailForm } from './ChangeEmailForm.js';
import { DeviceList } from './DeviceList.js';
import { LanguagePicker } from './LanguagePicker.js';
import { LedgerHistory } from './LedgerHistory.js';
import { LogOut } from './LogOut.js';
import { settingsMessages } from './messages.js';
import { NotificationSettings } from './NotificationSettings.js';
import { RelayConnectForm } from './RelayConnectForm.js';

export function SettingsScreen() {
  const text = useText(settingsMessages);
  const routes = useText(routeMessages);
  const { account } = useSyncState();
  const canEdit = useCanEdit();
  return (
    <section className="screen" aria-labelledby="settings-title">
      <h1 id="settings-title">{routes('settings')}</h1>
      {!account && <RelayConnectForm />}
      {account && (
        <div className="card" data-testid="relay-account">
          <h2>{text('relay')}</h2>
          <p>
            <Sentence
              parts={text.parts('signedInAs', {
                email: <strong data-testid="account-email">{account.email}</strong>,
                relay: <span data-testid="account-relay">{account.relayUrl}</span>,
              })}
            />
          </p>
          <p>
            <Sentence parts={text.parts('thisDeviceIs', { name: <strong>{account.deviceName}</strong> })} />
          </p>
        </div>
      )}
      {account && !account.revoked && <ChangeEmailForm />}
      {account && !account.revoked && <DeviceList />}
      {account && !account.revoked && <AccountAdmin ownEmail={account.email} />}
      {account && !account.revoked && canEdit && <LedgerHistory />}
      {account && !account.revoked && <NotificationSettings />}
      <LanguagePicker />
      <DataSection />
      <AttachmentStorage />
      {account && <LogOut />}
    </section>
  );
}
