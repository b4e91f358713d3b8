/** Sends one email over SMTP. Without an SMTP_URL there is no mailer and emails wait in the outbox. */
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';

export interface OutgoingEmail {
  to: string;
  toName: string | null;
  subject: string;
  text: string;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

export function createMailer(mail: Config['mail']): Mailer | null {
  if (!mail.smtpUrl) return null;
  const transport = nodemailer.createTransport({
    url: mail.smtpUrl,
    // A slow server must fail the attempt, not hold the delivery loop.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(email) {
      const info = await transport.sendMail({
        from: mail.from,
        to: email.toName ? { name: email.toName, address: email.to } : email.to,
        subject: email.subject,
        text: email.text,
      });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
