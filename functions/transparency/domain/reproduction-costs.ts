// The costs of reproduction and sending a requester pays before delivery (Law 31-13, art. 5: access is free but
// for them): computed from the commune's tariff in force, shown to the requester, then paid. Pure.

/** An amount in centimes of dirham. */
export interface Amount {
  readonly amount: number;
  readonly currency: 'MAD';
}

export interface CostLine {
  readonly item: string;
  readonly quantity: number;
  readonly unitPrice: Amount;
  readonly total: Amount;
}

/** What the requester owes for the delivery, as computed from the tariff, and whether it is paid. */
export interface CostStatement {
  readonly lines: readonly CostLine[];
  readonly total: Amount;
  /** The commune's tariff version it was computed with. */
  readonly tariffVersion: number;
  readonly statedAt: string;
  /** `due` until paid; a statement of nothing is `paid` at once (nothing to pay). */
  readonly status: 'due' | 'paid';
  readonly payment?: { readonly paymentId: string; readonly at: string };
}
