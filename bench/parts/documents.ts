// Part 6: the documents window. Issuing: `POST /v1/documents/requests` for a digitized act, which reads the
// acts, signs the claims, renders the bilingual PDF, stores it and writes one transaction, timed at handler
// level. Verifying: `POST /v1/verify` with a genuine QR code (signature, then the revocation list), one after
// another and several at once, beside the offline check alone (the published key, no request).
import { randomUUID } from 'node:crypto';
import { verifyCompactJws, type PublicJwk } from '../../functions/shared/signing/compact-jws.ts';
import { decodeQrCode, pageOperators } from '../../test/fixtures/pdf/pdf-reading.ts';
import type { Caller, CallRoute } from '../core/bench-platform.ts';
import { numberFlag, type BenchPart, type Row } from '../core/results.ts';
import { percentile, round } from '../core/stats.ts';

async function expectOk(reply: Promise<{ status: number; json: any; bytes?: Uint8Array }>, step: string, status = 200) {
  const answered = await reply;
  if (answered.status !== status) throw new Error(`${step}: expected ${status}, got ${answered.status} ${JSON.stringify(answered.json)}`);
  return answered;
}

/** Calls per second of `work` run `count` times, `concurrency` at a time. */
async function throughput(count: number, concurrency: number, work: () => Promise<unknown>): Promise<number> {
  let started = 0;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < count) {
        started += 1;
        await work();
      }
    }),
  );
  return (count * 1000) / (performance.now() - begin);
}

function timings(label: string, samples: readonly number[]): Row {
  return { measure: label, samples: samples.length, 'p50 ms': round(percentile(samples, 50), 1), 'p95 ms': round(percentile(samples, 95), 1), 'max ms': round(Math.max(...samples), 1) };
}

export const documentsPart: BenchPart = {
  name: 'documents',
  description: 'issue time per document and verifications per second (--documents=50 --verifications=1000)',
  async run(context) {
    const documents = numberFlag(context, 'documents', 50);
    const verifications = numberFlag(context, 'verifications', 1000);
    const bench = await context.platform();
    const call: CallRoute = bench.caller();
    const runId = randomUUID().slice(0, 8);
    const registrar: Caller = { sub: `bench-registrar-${runId}`, roles: ['registrar'], office: 'RBT-HASSAN' };
    const registered = await expectOk(
      call('POST /v1/civil-status/acts', {
        body: {
          type: 'birth',
          legacy: { office: 'RBT-HASSAN', year: 1994, register: `DOC-${runId}`, number: 1 },
          person: {
            givenName: { ar: 'سلمى', latin: 'Salma' },
            familyName: { ar: 'العلوي', latin: 'El Alaoui' },
            sex: 'F',
            birthDate: '1994-05-06',
            birthPlace: { ar: 'الرباط', latin: 'Rabat' },
            father: { givenName: { ar: 'محمد', latin: 'Mohammed' }, familyName: { ar: 'العلوي', latin: 'El Alaoui' } },
          },
        },
        as: registrar,
      }),
      'register the act',
      201,
    );
    const person: Caller = { sub: `bench-person-${runId}`, roles: ['citizen'], civilId: String(registered.json.person.civilId) };
    const ask = () =>
      expectOk(
        call('POST /v1/documents/requests', {
          body: { kind: 'birth-extract', act: String(registered.json.id), relationship: 'self', delivery: 'digital' },
          headers: { 'idempotency-key': `bench-${randomUUID()}` },
          as: person,
        }),
        'request a document',
        201,
      );
    // The first issue loads the font and the PDF modules: timed apart, as a cold start would pay it.
    let begin = performance.now();
    const first = await ask();
    const firstIssueMs = performance.now() - begin;
    const issueTimes: number[] = [];
    for (let index = 0; index < documents; index++) {
      begin = performance.now();
      await ask();
      issueTimes.push(performance.now() - begin);
    }
    context.log(`documents: ${documents} issued`);

    const pdf = await expectOk(call('GET /v1/documents/{documentId}', { params: { documentId: String(first.json.documentId) }, as: person }), 'download');
    const qr = decodeQrCode(await pageOperators(pdf.bytes!, 0));
    if (!qr) throw new Error('download: no QR code could be read');
    const keys = (await expectOk(call('GET /.well-known/jwks.json'), 'keys')).json.keys as PublicJwk[];

    const verifyTimes: number[] = [];
    const verifyOnce = async () => {
      const started = performance.now();
      const reply = await expectOk(call('POST /v1/verify', { body: { qr } }), 'verify');
      verifyTimes.push(performance.now() - started);
      if (reply.json.status !== 'valid') throw new Error(`verify: ${reply.json.status}`);
    };
    const sequentialRate = await throughput(verifications, 1, verifyOnce);
    const concurrentRate = await throughput(verifications, 8, verifyOnce);
    const offlineRate = await throughput(verifications * 10, 1, async () => {
      if (verifyCompactJws(qr, keys).outcome !== 'valid') throw new Error('offline verification failed');
    });
    context.log(`documents: ${verifications * 2} verified online`);

    const perSecond = round(1000 / percentile(issueTimes, 50), 1);
    return {
      part: 'documents',
      method: `${documents} extracts of one digitized act issued one after another through POST /v1/documents/requests at handler level (acts read, claims signed with the local key file, PDF rendered and stored in s3rver, one DynamoDB Local transaction), after a first one timed apart; then POST /v1/verify with a genuine QR code ${verifications} times one at a time and ${verifications} times 8 at a time, and the offline check alone (${verifications * 10} times). In AWS, signing is one KMS Sign request instead of a local signature.`,
      rows: [
        { measure: 'first issue (modules and font loaded)', samples: 1, 'p50 ms': round(firstIssueMs, 1), 'p95 ms': null, 'max ms': round(firstIssueMs, 1) },
        timings('issue a document, end to end', issueTimes),
        timings('verify online (one call)', verifyTimes),
      ],
      budgets: [],
      summary: {
        'documents issued per second (one at a time)': perSecond,
        'verifications per second online, one at a time': round(sequentialRate, 0),
        'verifications per second online, 8 at a time': round(concurrentRate, 0),
        'verifications per second offline (signature only)': round(offlineRate, 0),
        'QR payload (characters)': qr.length,
        'PDF size (KB)': round(pdf.bytes!.length / 1024, 1),
      },
    };
  },
};
