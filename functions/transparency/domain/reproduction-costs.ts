// The costs of reproduction and sending a requester pays before delivery (Law 31-13, art. 5: access is free but
// for them): each commune's tariff, data its administrator edits with every version kept (no text we found sets an
// amount: until one is set, nothing is charged); the amount an agent states from it for an answer, shown to the
// requester before delivery; then paid. Pure.
import type { Principal } from '../../shared/auth/principal.ts';
import { ForbiddenError, InvalidStateError } from '../../shared/errors/domain-errors.ts';
import { change, OPEN_STATUSES, type Actor, type InformationRequest, type RequestChange, type RequestStatus } from './information-request.ts';

/** An amount in centimes of dirham. */
export interface Amount {
  readonly amount: number;
  readonly currency: 'MAD';
}

export const SENDING_MODES = ['none', 'post', 'email'] as const;
export type SendingMode = (typeof SENDING_MODES)[number];

/** A commune's prices, each in centimes of dirham. */
export interface Tariff {
  readonly commune: string;
  /** One page copied on paper (A4, black and white). */
  readonly perPaperPage: number;
  /** One file copied onto a medium the body provides (USB key, disc). */
  readonly perMedium: number;
  /** Sending, by mode; `none` is collection at the counter. */
  readonly sending: Readonly<Record<Exclude<SendingMode, 'none'>, number>>;
  /** 0 while no administrator set any (nothing is charged); each change adds one. */
  readonly version: number;
  readonly updatedAt?: string;
  readonly updatedBy?: Actor;
}

export function defaultTariff(commune: string): Tariff {
  return { commune, perPaperPage: 0, perMedium: 0, sending: { post: 0, email: 0 }, version: 0 };
}

export function changedTariff(current: Tariff, given: Pick<Tariff, 'perPaperPage' | 'perMedium' | 'sending'>, by: Actor, now: Date): Tariff {
  return { commune: current.commune, ...given, version: current.version + 1, updatedAt: now.toISOString(), updatedBy: by };
}

export interface CostLine {
  readonly item: 'paper-pages' | 'media' | 'sending';
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

/** What the delivery takes: pages copied, media, and how it is sent. */
export interface DeliveryQuantities {
  readonly paperPages: number;
  readonly media: number;
  readonly sending: SendingMode;
}

const mad = (amount: number): Amount => ({ amount, currency: 'MAD' });

export function costStatement(tariff: Tariff, quantities: DeliveryQuantities, now: Date): CostStatement {
  const line = (item: CostLine['item'], quantity: number, unitPrice: number): CostLine => ({ item, quantity, unitPrice: mad(unitPrice), total: mad(quantity * unitPrice) });
  const lines = [
    ...(quantities.paperPages > 0 ? [line('paper-pages', quantities.paperPages, tariff.perPaperPage)] : []),
    ...(quantities.media > 0 ? [line('media', quantities.media, tariff.perMedium)] : []),
    ...(quantities.sending !== 'none' ? [line('sending', 1, tariff.sending[quantities.sending])] : []),
  ];
  const total = lines.reduce((sum, { total: { amount } }) => sum + amount, 0);
  return { lines, total: mad(total), tariffVersion: tariff.version, statedAt: now.toISOString(), status: total === 0 ? 'paid' : 'due' };
}

/** Costs are stated before delivery: while the request is open, or answered in full or in part. */
const STATING_STATUSES: readonly RequestStatus[] = [...OPEN_STATUSES, 'answered-full', 'answered-partial'];

/** An agent states the costs of the delivery; a statement not paid yet may be stated again, a paid one stays. */
export function stateCosts(request: InformationRequest, statement: CostStatement, by: Actor, now: Date): RequestChange {
  if (!STATING_STATUSES.includes(request.status)) {
    throw new InvalidStateError({
      ar: `لا تُحدد مصاريف التسليم إلا لطلب مفتوح أو أجيب عنه كليا أو جزئيا؛ الطلب ${request.id} في حالة ${request.status}`,
      fr: `Les frais de communication ne s'établissent que pour une demande ouverte ou satisfaite en tout ou en partie ; la demande ${request.id} est ${request.status}`,
      en: `Delivery costs are stated only for an open request or one answered in full or in part; request ${request.id} is ${request.status}`,
    });
  }
  if (request.costs?.status === 'paid' && request.costs.total.amount > 0) {
    throw new InvalidStateError({ ar: 'سبق أداء المصاريف', fr: 'Les frais sont déjà payés', en: 'The costs are paid already' });
  }
  return change(request, { costs: statement }, 'costs-stated', by, now, { total: statement.total.amount, tariffVersion: statement.tariffVersion });
}

/** The requester who filed online pays what is due; nothing else is charged. */
export function requireCostsDue(request: InformationRequest, principal: Principal): CostStatement {
  if (!(request.filedBy !== undefined && request.filedBy === principal.sub && principal.roles.includes('citizen'))) {
    throw new ForbiddenError({ ar: 'لا يؤدي المصاريف إلا صاحب الطلب', fr: 'Seul le demandeur paie les frais', en: 'Only the requester pays the costs' });
  }
  if (!request.costs || request.costs.status !== 'due') {
    throw new InvalidStateError({ ar: 'لا توجد مصاريف مستحقة', fr: "Aucun frais n'est dû", en: 'No costs are due' });
  }
  return request.costs;
}

export function recordPayment(request: InformationRequest, paymentId: string, by: Actor, now: Date): RequestChange {
  const costs: CostStatement = { ...request.costs!, status: 'paid', payment: { paymentId, at: now.toISOString() } };
  return change(request, { costs }, 'costs-paid', by, now, { total: costs.total.amount, paymentId });
}
