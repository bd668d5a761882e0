import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** An error an SMTP server answers with, as `smtp-server` takes it. */
function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package), keeping every mail it accepts,
 * parsed with `mailparser`. `answerNext` makes it refuse the next messages with chosen codes.
 */
export class SmtpInbox {
  readonly mails: ParsedMail[] = [];
  /** Every answer to a message's data, accepted (250) or refused, in order. */
  readonly answers: number[] = [];
  private readonly planned: number[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(port = 0): Promise<SmtpInbox> {
    let inbox: SmtpInbox | undefined;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (_auth, _session, callback) => callback(null, { user: 'relay' }),
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (inbox === undefined) return callback(smtpError(421, 'not ready'));
          const code = inbox.planned.shift() ?? 250;
          inbox.answers.push(code);
          if (code !== 250) return callback(smtpError(code, code >= 500 ? 'mailbox unavailable' : 'try again later'));
          simpleParser(Buffer.concat(chunks))
            .then((mail) => {
              inbox?.mails.push(mail);
              callback();
            })
            .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    inbox = new SmtpInbox(server, (server.server.address() as AddressInfo).port);
    return inbox;
  }

  /** The `SMTP_URL` of this server. */
  get url(): string {
    return `smtp://relay:secret@127.0.0.1:${this.port}`;
  }

  /** The next messages are answered with these codes, in order; then every message is accepted. */
  answerNext(...codes: number[]): void {
    this.planned.push(...codes);
  }

  /** Resolves with the `count`-th mail once it has arrived. */
  async mail(count = 1): Promise<ParsedMail> {
    for (;;) {
      const mail = this.mails[count - 1];
      if (mail !== undefined) return mail;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The token of the first link in a mail's text. */
export function linkToken(mail: ParsedMail): string {
  const token = /[?&]token=([A-Za-z0-9_.-]+)/.exec(mail.text ?? '')?.[1];
  if (token === undefined) throw new Error(`no link with a token in: ${mail.text}`);
  return token;
}
