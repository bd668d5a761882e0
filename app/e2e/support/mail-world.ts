import { expect } from 'vitest';
import { SmtpInbox } from '../../../relay/src/testing/smtp-inbox.js';
import { TallyWorld } from './tally-world.js';

const PATIENCE = { timeout: 60_000 };

/** The app served by a relay that sends its mail to a real SMTP server on 127.0.0.1. */
export interface MailWorld {
  readonly world: TallyWorld;
  readonly inbox: SmtpInbox;
}

/**
 * Starts the relay with mail on. Links in mail point to `PUBLIC_URL`, the relay's own address
 * here, so a first start finds its port and the second one mails links to it.
 */
export async function startMailWorld(): Promise<MailWorld> {
  const [world, inbox] = await Promise.all([TallyWorld.start('relay'), SmtpInbox.start()]);
  await world.startRelay();
  await world.stopRelay();
  await world.startRelay({ smtpUrl: inbox.url, publicUrl: world.relayUrl });
  return { world, inbox };
}

export async function stopMailWorld(mail: MailWorld | undefined): Promise<void> {
  await mail?.world.stop();
  await mail?.inbox.stop();
}

/** The link to the app's `screen` in the newest mail to `address`, once it has arrived. */
export async function linkMailedTo(inbox: SmtpInbox, address: string, screen: string): Promise<string> {
  const pattern = new RegExp(`https?://\\S+/#/${screen}\\?token=[A-Za-z0-9_.-]+`);
  const newest = () =>
    inbox.mails
      .filter((mail) => [mail.to ?? []].flat().some((to) => to.text.includes(address)))
      .map((mail) => pattern.exec(mail.text ?? '')?.[0])
      .findLast((link) => link !== undefined);
  await expect.poll(newest, PATIENCE).toBeDefined();
  const link = newest();
  if (link === undefined) throw new Error(`no ${screen} link mailed to ${address}`);
  return link;
}
