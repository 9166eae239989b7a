// The payment port every context that takes a fee uses (the documents window's fees, the reproduction and sending
// costs of access to information), and the provider that confirms at once: the local platform's, and any
// deployment's until a commune signs with a payment gateway. A real provider (a bank's gateway) implements the same
// call: it authorizes and captures, or throws, and then the caller keeps nothing of the payment.
import { randomUUID } from 'node:crypto';

export interface PaymentProvider {
  charge(payment: { readonly reference: string; readonly amount: number; readonly currency: 'MAD'; readonly payer: string }): Promise<{ paymentId: string; status: 'confirmed' }>;
}

export const immediatePayments: PaymentProvider = {
  async charge() {
    return { paymentId: `PAY-${randomUUID()}`, status: 'confirmed' };
  },
};
