import nodemailer from 'nodemailer';

/** One mail as it leaves the relay. */
export interface OutgoingMail {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The same for every attempt at one mail, so a receiver can tell a resent copy (M1). */
  readonly messageId: string;
}

/** How mail leaves the relay: resolves once the mail server has accepted the mail. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Why an attempt failed: `temporary` for a 4xx answer or the network, `permanent` for a 5xx answer (M2). */
export interface DeliveryFailure {
  readonly permanent: boolean;
  readonly reason: string;
}

interface SmtpErrorFields {
  readonly responseCode?: unknown;
  readonly response?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
}

/** What a failed `send` means for the mail: a mail server's 5xx is final, anything else may pass. */
export function deliveryFailure(error: unknown): DeliveryFailure {
  const fields: SmtpErrorFields = typeof error === 'object' && error !== null ? error : {};
  const said = typeof fields.response === 'string' ? fields.response : undefined;
  if (typeof fields.responseCode === 'number') {
    return {
      permanent: fields.responseCode >= 500 && fields.responseCode < 600,
      reason: (said ?? String(fields.responseCode)).slice(0, 500),
    };
  }
  const code = typeof fields.code === 'string' ? `${fields.code}: ` : '';
  const message = typeof fields.message === 'string' ? fields.message : String(error);
  return { permanent: false, reason: `${code}${message}`.slice(0, 500) };
}

/** Mail through the server of `SMTP_URL` (`smtp://` with STARTTLS when offered, `smtps://` with TLS). */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      const info = await transporter.sendMail({ ...mail });
      if (info.rejected.length > 0) {
        throw Object.assign(new Error('the mail server refused the recipient'), info.rejectedErrors?.[0] ?? {});
      }
    },
    close: () => transporter.close(),
  };
}
