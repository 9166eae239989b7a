// The idempotency record keeps a response with its body compressed, and gives it back byte for byte.
import { describe, expect, it } from 'vitest';
import { keptResponse, responseKept } from '../../../functions/shared/http/idempotency.ts';

const explanation = {
  ar: 'يبدأ احتساب الأجل يوم الثلاثاء 1 دجنبر 2026، ويحتسب 15 يوما، فينتهي يوم الأربعاء 16 دجنبر 2026 عند منتصف الليل.',
  fr: 'Le délai court à partir du mardi 1 décembre 2026, compte 15 jours et prend fin le mercredi 16 décembre 2026 à minuit.',
  en: 'The period starts on Tuesday, 1 December 2026, counts 15 days and ends on Wednesday, 16 December 2026 at midnight.',
};
const response = {
  statusCode: 201,
  headers: { 'content-type': 'application/json', location: '/v1/permits/p1' },
  body: JSON.stringify({ id: 'p1', status: 'filed', clock: { explanation, steps: [explanation, explanation] } }),
};

describe('the response an idempotency record keeps', () => {
  it('gives back the same status, headers and body', () => {
    expect(responseKept(keptResponse(response))).toEqual(response);
  });

  it('keeps a JSON body in far fewer bytes than it has', () => {
    const kept = keptResponse(response);

    expect(kept.compressed.byteLength).toBeLessThan(Buffer.byteLength(JSON.stringify(response)) / 2);
  });

  it('keeps a response without a body as it is', () => {
    expect(responseKept(keptResponse({ statusCode: 204 }))).toEqual({ statusCode: 204 });
  });
});
