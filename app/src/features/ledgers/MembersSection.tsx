import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { type Checked, sendForm } from '../../forms/index.js';
import { useText } from '../../i18n/index.js';
import type { IssuedInvitation, LedgerMember, LedgerRole, PendingInvitation } from '../../sync/index.js';
import { type LedgerChoice, useTally } from '../../tally/index.js';
import { describedBy, Field } from '../../ui/index.js';
import { ResendVerification } from '../settings/index.js';
import { type LedgerFormIssues, ledgerFormRefusal, ledgerRefusal } from './ledger-refusal.js';
import { ledgerMessages } from './messages.js';
import { ledgerName } from './open-ledger.js';

const ROLES: readonly LedgerRole[] = ['owner', 'editor', 'viewer'];
const EXPIRIES = { day: 24, week: 7 * 24, month: 30 * 24 } as const;
type Expiry = keyof typeof EXPIRIES;

/**
 * The open ledger's members, as the relay lists them: its owner changes roles, removes members,
 * invites by email and revokes invitations; anyone else may leave.
 */
export function MembersSection({ ledger, ownEmail }: { readonly ledger: LedgerChoice; readonly ownEmail: string }) {
  const text = useText(ledgerMessages);
  const tally = useTally();
  const docId = ledger.docId ?? '';
  const owner = ledger.role === 'owner';
  const [members, setMembers] = useState<readonly LedgerMember[]>([]);
  const [pending, setPending] = useState<readonly PendingInvitation[]>([]);
  const [problem, setProblem] = useState<string | undefined>();

  const load = useCallback(async () => {
    try {
      setMembers(await tally.sync.members(docId));
      if (owner) setPending(await tally.sync.invitations(docId));
      setProblem(undefined);
    } catch (error) {
      setProblem(ledgerRefusal(error, text));
    }
  }, [tally, docId, owner, text]);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (action: () => Promise<void>) => {
    let refused: string | undefined;
    try {
      await action();
    } catch (error) {
      refused = ledgerRefusal(error, text);
    }
    await load();
    // Said after the list is read again, which would otherwise clear it.
    if (refused) setProblem(refused);
  };
  const remove = (member: LedgerMember) => {
    if (!window.confirm(text('confirmRemove', { email: member.email }))) return;
    void act(() => tally.sync.removeMember(docId, member.userId));
  };
  const leave = async (self: LedgerMember) => {
    if (!window.confirm(text('confirmLeave', { name: ledgerName(ledger, text) }))) return;
    try {
      await tally.sync.removeMember(docId, self.userId);
      await tally.ledgers.forget(ledger.key);
      await tally.switchLedger('personal');
      window.location.hash = '#/';
      window.location.reload();
    } catch (error) {
      setProblem(ledgerRefusal(error, text));
    }
  };
  const date = (iso: string) => new Date(iso).toLocaleDateString(text.locale, { dateStyle: 'medium' });
  const self = members.find((member) => member.email === ownEmail);

  return (
    <div className="card" data-testid="ledger-members">
      <div className="screen__head">
        <h2>{text('membersTitle')}</h2>
        <button type="button" className="button" data-testid="refresh-members" onClick={() => void load()}>
          {text('refresh')}
        </button>
      </div>
      {problem && (
        <p className="form__error" role="alert" data-testid="members-problem">
          {problem}
        </p>
      )}
      <ul className="list">
        {members.map((member) => {
          const own = member.email === ownEmail;
          return (
            <li
              key={member.userId}
              className="list__row list__row--static"
              data-testid="member-row"
              data-email={member.email}
              data-role={member.role}
            >
              <span className="list__title">
                {member.email}
                {own && <span className="tag"> {text('you')}</span>}
              </span>
              {owner && !own ? (
                <span className="ledgers__member-actions">
                  <select
                    data-testid="member-role"
                    aria-label={text('roleOf', { email: member.email })}
                    value={member.role}
                    onChange={(event) => {
                      const role = ROLES.find((known) => known === event.target.value);
                      if (role) void act(() => tally.sync.changeRole(docId, member.userId, role));
                    }}
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {text(`member.${role}`)}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="button button--danger"
                    data-testid="remove-member"
                    aria-label={text('removeMember', { email: member.email })}
                    onClick={() => remove(member)}
                  >
                    {text('remove')}
                  </button>
                </span>
              ) : (
                <span className="list__detail">{text(`member.${member.role}`)}</span>
              )}
            </li>
          );
        })}
      </ul>
      {self && !owner && (
        <button
          type="button"
          className="button button--danger"
          data-testid="leave-ledger"
          onClick={() => void leave(self)}
        >
          {text('leave')}
        </button>
      )}
      {owner && (
        <>
          <InviteForm docId={docId} onInvited={() => void load()} />
          <h3>{text('pendingTitle')}</h3>
          {pending.length === 0 && <p className="hint">{text('noInvitations')}</p>}
          <ul className="list">
            {pending.map((invitation) => (
              <li
                key={invitation.invitationId}
                className="list__row list__row--static"
                data-testid="pending-invitation"
                data-email={invitation.email}
              >
                <span>
                  <span className="list__title">{invitation.email}</span>
                  <span className="list__detail">
                    {text('pendingDetail', {
                      role: text(`member.${invitation.role}`),
                      date: date(invitation.expiresAt),
                    })}
                  </span>
                </span>
                <button
                  type="button"
                  className="button"
                  data-testid="revoke-invitation"
                  aria-label={text('revokeInvitation', { email: invitation.email })}
                  onClick={() => void act(() => tally.sync.revokeInvitation(docId, invitation.invitationId))}
                >
                  {text('revoke')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function InviteForm({ docId, onInvited }: { readonly docId: string; readonly onInvited: () => void }) {
  const text = useText(ledgerMessages);
  const tally = useTally();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'editor' | 'viewer'>('editor');
  const [expiry, setExpiry] = useState<Expiry>('week');
  const [problem, setProblem] = useState<string | undefined>();
  const [unverified, setUnverified] = useState(false);
  const [issued, setIssued] = useState<(IssuedInvitation & { readonly email: string }) | undefined>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sending = await sendForm({
      check: (): Checked<string, LedgerFormIssues> =>
        /^[^\s@]+@[^\s@]+$/.test(email.trim())
          ? { fields: email.trim() }
          : { issues: { problem: text('emailRequired'), unverified: false } },
      send: async (invited) => ({
        ...(await tally.sync.invite(docId, { email: invited, role, expiresInHours: EXPIRIES[expiry] })),
        email: invited,
      }),
      refused: (error) => ledgerFormRefusal(error, text),
    });
    if ('issues' in sending) {
      setProblem(sending.issues.problem);
      setUnverified(sending.issues.unverified);
      return;
    }
    setIssued(sending.sent);
    setEmail('');
    setProblem(undefined);
    setUnverified(false);
    onInvited();
  };
  const link =
    issued && `${window.location.origin}${window.location.pathname}#/accept?code=${encodeURIComponent(issued.code)}`;
  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <h3>{text('inviteTitle')}</h3>
      <Field id="invite-email" label={text('email')} error={problem}>
        <input
          id="invite-email"
          data-testid="invite-email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          {...describedBy('invite-email', problem)}
        />
      </Field>
      {unverified && <ResendVerification />}
      <Field id="invite-role" label={text('role')}>
        <select
          id="invite-role"
          data-testid="invite-role"
          value={role}
          onChange={(event) => setRole(event.target.value === 'viewer' ? 'viewer' : 'editor')}
        >
          <option value="editor">{text('member.editor')}</option>
          <option value="viewer">{text('member.viewer')}</option>
        </select>
      </Field>
      <Field id="invite-expiry" label={text('expiry')}>
        <select
          id="invite-expiry"
          data-testid="invite-expiry"
          value={expiry}
          onChange={(event) => {
            const chosen = (Object.keys(EXPIRIES) as Expiry[]).find((known) => known === event.target.value);
            if (chosen) setExpiry(chosen);
          }}
        >
          {(Object.keys(EXPIRIES) as Expiry[]).map((known) => (
            <option key={known} value={known}>
              {text(`expiry.${known}`)}
            </option>
          ))}
        </select>
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--primary" data-testid="send-invitation">
          {text('invite')}
        </button>
      </div>
      {issued && link && (
        <div className="ledgers__issued" role="status" data-testid="invitation-issued">
          <p>
            {text(issued.mailed ? 'mailed' : 'issued', {
              email: issued.email,
              date: new Date(issued.expiresAt).toLocaleDateString(text.locale, { dateStyle: 'medium' }),
            })}
          </p>
          <code data-testid="issued-code">{issued.code}</code>
          <p>{text('link')}</p>
          <code className="ledgers__link" data-testid="issued-link">
            {link}
          </code>
        </div>
      )}
    </form>
  );
}
