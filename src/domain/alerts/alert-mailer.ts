/**
 * Sends an email (adapters/email/smtp-mailer.ts on nodemailer). The domain decides only whom
 * and the fixed words below.
 */
export interface AlertMailer {
  send(message: { readonly to: string; readonly subject: string; readonly text: string }): Promise<void>;
}

/**
 * The one email Tessera sends about an alert, the same for every alert: that there is
 * something to see, and where. Never a name, a kind of concern, an organisation or a date: an
 * email leaves Tessera's controls (it may be forwarded, read on a shared screen or held by a
 * mail provider), so it carries nothing about anyone (UK GDPR Art 5(1)(c) and (f); DESIGN.md).
 */
export function alertEmail(publicUrl: string): { subject: string; text: string } {
  const inbox = new URL('/alerts', publicUrl).toString();
  return {
    subject: 'Something to see in Tessera',
    text: [
      'There is something for you to see in Tessera.',
      '',
      `Sign in to read it: ${inbox}`,
      '',
      'This email says nothing more on purpose. Do not reply to it.',
    ].join('\n'),
  };
}
