// E-mail notifications over HTTP on the local platform, whose SES v2 server keeps what it received: a citizen
// declares an address, reads the code in the e-mail it got, verifies it (a wrong code first refused), files a permit
// whose documents are then requested, and finds that notification in the mailbox, in French then Arabic, once.
import { describe, expect, it } from 'vitest';
import { emailsTo } from '../../lib/local/ses-local.ts';
import { request, settle, tokenFor } from './http-client.ts';

const unique = `${Date.now()}`;
const citizen = () => tokenFor({ sub: `mailer-${unique}`, roles: ['citizen'] });
const agent = () => tokenFor({ sub: `agent-${unique}`, roles: ['agent'], commune: 'rabat' });
const address = `salma-${unique}@example.ma`;

async function sesEndpoint(): Promise<string> {
  const health = await request('GET', '/health');
  return (health.json.components as { email: { endpoint: string } }).email.endpoint;
}

describe('e-mail notifications to a verified address', () => {
  it('sends the code, verifies it, then e-mails the notifications the person is sent', async () => {
    const endpoint = await sesEndpoint();
    const token = await citizen();

    const declared = await request('PUT', '/v1/notifications/contact', { token, body: { email: address, language: 'fr' }, headers: { 'idempotency-key': `contact-${unique}` } });
    expect(declared.status).toBe(200);
    expect(declared.json).toMatchObject({ email: address, verified: false });
    const [codeMail, ...others] = await emailsTo(address, endpoint);
    expect(others).toEqual([]);
    const code = /\d{6}/.exec(codeMail!.subject)![0];
    expect(codeMail!.body.text).toContain(code);

    const wrong = await request('POST', '/v1/notifications/contact/verification', { token, body: { code: code === '000000' ? '000001' : '000000' } });
    expect(wrong.status).toBe(422);
    expect(wrong.json.code).toBe('verification-code-wrong');
    const verified = await request('POST', '/v1/notifications/contact/verification', { token, body: { code } });
    expect(verified.status).toBe(200);
    expect((await request('GET', '/v1/notifications/contact', { token })).json).toMatchObject({ email: address, language: 'fr', verified: true });

    const filed = await request('POST', '/v1/permits', {
      token,
      body: { procedure: 'building-small', commune: 'rabat', project: { title: 'Maison familiale', address: '12 rue Oued Ziz, Rabat' } },
      headers: { 'idempotency-key': `file-${unique}` },
    });
    expect(filed.status).toBe(201);
    const suspended = await request('POST', `/v1/permits/${String(filed.json.id)}/suspensions`, { token: await agent(), body: { documents: ['plan de masse'], note: 'Le plan de masse manque' } });
    expect(suspended.status).toBe(200);
    await settle();

    const mails = (await emailsTo(address, endpoint)).slice(1);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Notification documents-requested — ${String(filed.json.receiptNumber)}`);
    const [french, arabic] = mails[0]!.body.text!.split('\n\n');
    expect(french).toContain(String(filed.json.receiptNumber));
    expect(arabic).toMatch(/[\u0600-\u06FF]/);
  });

  it('sends nothing to an address not verified', async () => {
    const endpoint = await sesEndpoint();
    const other = `other-${unique}@example.ma`;
    const token = await tokenFor({ sub: `unverified-${unique}`, roles: ['citizen'] });
    expect((await request('PUT', '/v1/notifications/contact', { token, body: { email: other, language: 'ar' } })).status).toBe(200);

    const filed = await request('POST', '/v1/permits', {
      token,
      body: { procedure: 'building-small', commune: 'rabat', project: { title: 'Garage', address: '3 rue Fès, Rabat' } },
      headers: { 'idempotency-key': `file-unverified-${unique}` },
    });
    await request('POST', `/v1/permits/${String(filed.json.id)}/suspensions`, { token: await agent(), body: { documents: ['plan'], note: 'Le plan manque' } });
    await settle();

    // Only the code's e-mail.
    expect(await emailsTo(other, endpoint)).toHaveLength(1);
  });
});
