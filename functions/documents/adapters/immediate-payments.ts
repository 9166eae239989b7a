// The payment provider that confirms at once: the local platform's, and any deployment's until a commune
// signs with a payment gateway. A real provider implements PaymentProvider (authorize and capture, or throw).
import { randomUUID } from 'node:crypto';
import type { PaymentProvider } from '../application/documents.ports.ts';

export const immediatePayments: PaymentProvider = {
  async charge() {
    return { paymentId: `PAY-${randomUUID()}`, status: 'confirmed' };
  },
};
