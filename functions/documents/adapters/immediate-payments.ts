// The payment provider that confirms at once, now shared by every context that takes a fee (functions/shared/payments).
export { immediatePayments } from '../../shared/payments/payment-provider.ts';
