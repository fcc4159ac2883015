import nodemailer from 'nodemailer';
import type { AlertMailer } from '../../domain/alerts/alert-mailer.ts';

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** The sender address, such as tessera@northshire.example. */
  readonly from: string;
  /** Implicit TLS (port 465); otherwise STARTTLS is used when the server offers it. */
  readonly secure: boolean;
  readonly user?: string | undefined;
  readonly password?: string | undefined;
}

/**
 * Email over SMTP with nodemailer (DESIGN.md section 1: a real SMTP library, tested against a
 * local smtp-server). One connection per message, no pool: alerts are few and a pool would hold
 * sockets open in every process.
 */
export function smtpMailer(settings: SmtpSettings): AlertMailer & { close(): void } {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
  });
  return {
    async send(message) {
      await transport.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    },
    close: () => transport.close(),
  };
}
