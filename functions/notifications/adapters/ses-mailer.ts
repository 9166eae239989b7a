// E-mail through Amazon SES (v2 SendEmail), from the platform's sender address. The endpoint comes from the
// standard AWS_ENDPOINT_URL_SESV2 variable, which the local platform points at its SES v2 server.
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { EMAIL_FROM_ENV } from '../../shared/service-description.ts';
import type { Mailer } from '../application/notifications.ports.ts';

export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly from: string,
  ) {}

  async send(mail: { readonly to: string; readonly subject: string; readonly text: string }): Promise<void> {
    try {
      await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: this.from,
          Destination: { ToAddresses: [mail.to] },
          Content: { Simple: { Subject: { Data: mail.subject, Charset: 'UTF-8' }, Body: { Text: { Data: mail.text, Charset: 'UTF-8' } } } },
        }),
      );
    } catch (error) {
      // SES names the addresses it refused in its messages (`MessageRejected: ... failed the check: <address>`), and
      // errors are logged: only the error's name goes on, never its message or the original as a cause.
      throw new Error(`SES SendEmail failed: ${error instanceof Error ? error.name : 'unknown error'}`);
    }
  }
}

/** The mailer of this deployment, or none where no sender address is configured (the stack's CDK context value `emailFromAddress`). */
export function configuredMailer(): Mailer | undefined {
  const from = process.env[EMAIL_FROM_ENV];
  return from ? new SesMailer(new SESv2Client({}), from) : undefined;
}
