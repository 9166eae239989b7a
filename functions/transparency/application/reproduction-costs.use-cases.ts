// The reproduction and sending costs: each commune's tariff (public; set by an administrator, every version kept),
// the statement an agent makes from it for a request's delivery (shown to the requester, told in their inbox), and
// the requester's payment through the shared payment port. The documents are delivered once it is paid.
import type { Principal } from '../../shared/auth/principal.ts';
import { ForbiddenError } from '../../shared/errors/domain-errors.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import type { PaymentProvider } from '../../shared/payments/payment-provider.ts';
import type { InformationRequest } from '../domain/information-request.ts';
import { agentActing } from '../domain/request-access.ts';
import { withRequesterTold } from '../domain/request-clock.ts';
import { changedTariff, costStatement, recordPayment, requireCostsDue, stateCosts, type DeliveryQuantities, type Tariff } from '../domain/reproduction-costs.ts';
import { unknownCommune } from '../../shared/errors/unknown-commune.ts';
import { unknownRequest } from '../domain/transparency-errors.ts';
import { requestView, type RequestView } from './request-queries.use-cases.ts';
import type { TransparencyRepository } from './transparency.ports.ts';

export interface CostsRepository extends Pick<TransparencyRepository, 'get' | 'save'> {
  /** The commune's tariff (its defaults while none was set) and whether reference data knows the commune, in one read. */
  tariffSnapshot(commune: string): Promise<{ readonly communeExists: boolean; readonly tariff: Tariff }>;
  /** A request and the tariff of `commune`, in one read. */
  requestWithTariff(id: string, commune: string): Promise<{ readonly request?: InformationRequest; readonly tariff: Tariff }>;
  /** Writes the tariff over the version before it, with that version kept in its history (ConflictError otherwise). */
  saveTariff(tariff: Tariff): Promise<void>;
  /** The tariff's versions, newest first. */
  tariffHistory(commune: string, page: PageRequest): Promise<Page<Tariff>>;
}

export async function readTariff(repository: CostsRepository, commune: string): Promise<Tariff> {
  const { communeExists, tariff } = await repository.tariffSnapshot(commune);
  if (!communeExists) throw unknownCommune(commune);
  return tariff;
}

export async function setTariff(repository: CostsRepository, commune: string, given: Pick<Tariff, 'perPaperPage' | 'perMedium' | 'sending'>, principal: Principal, now: Date): Promise<Tariff> {
  const { communeExists, tariff } = await repository.tariffSnapshot(commune);
  if (!communeExists) throw unknownCommune(commune);
  const changed = changedTariff(tariff, given, { sub: principal.sub, role: 'admin' }, now);
  await repository.saveTariff(changed);
  return changed;
}

export async function tariffHistory(repository: CostsRepository, commune: string, principal: Principal, page: PageRequest): Promise<Page<Tariff>> {
  const allowed = principal.roles.includes('admin') || principal.roles.includes('auditor') || (principal.roles.includes('agent') && principal.commune === commune);
  if (!allowed) {
    throw new ForbiddenError({
      ar: `لا يطلع على تاريخ تعريفة ${commune} إلا أعوانها والمسيرون والمراقبون`,
      fr: `L'historique du tarif de ${commune} ne se lit que par ses agents, les administrateurs et les auditeurs`,
      en: `The tariff history of ${commune} is read only by its agents, administrators and auditors`,
    });
  }
  return repository.tariffHistory(commune, page);
}

const formatted = (centimes: number) => (centimes / 100).toFixed(2);

/** An agent states the costs of delivering the answer, from the commune's tariff in force; the requester is told the amount. */
export async function stateDeliveryCosts(repository: CostsRepository, id: string, quantities: DeliveryQuantities, principal: Principal, now: Date): Promise<RequestView> {
  // The agent's commune is the only one whose tariff may apply: read with the request, checked against it.
  const { request, tariff } = await repository.requestWithTariff(id, principal.commune ?? '');
  if (!request) throw unknownRequest(id);
  const by = agentActing(request.commune, principal);
  const statement = costStatement(tariff, quantities, now);
  const made = withRequesterTold(stateCosts(request, statement, by, now), 'information-request-costs-stated', {
    ar: `مصاريف النسخ والإرسال لطلبكم: ${formatted(statement.total.amount)} درهم${statement.status === 'due' ? '، تُؤدى قبل التسليم' : ''}`,
    fr: `Frais de reproduction et d'envoi de votre demande : ${formatted(statement.total.amount)} MAD${statement.status === 'due' ? ', à payer avant la communication' : ''}`,
    en: `Reproduction and sending costs of your request: MAD ${formatted(statement.total.amount)}${statement.status === 'due' ? ', payable before delivery' : ''}`,
  });
  await repository.save(made);
  return requestView(made.request, now);
}

/** The requester pays what is due: charged through the payment port, then recorded; a failed charge records nothing. */
export async function payDeliveryCosts(repository: CostsRepository, payments: PaymentProvider, id: string, principal: Principal, now: Date): Promise<RequestView> {
  const request = await repository.get(id);
  if (!request) throw unknownRequest(id);
  const due = requireCostsDue(request, principal);
  const payment = await payments.charge({ reference: `${request.id}/v${request.version}`, amount: due.total.amount, currency: 'MAD', payer: principal.sub });
  const made = recordPayment(request, payment.paymentId, { sub: principal.sub, role: 'citizen' }, now);
  await repository.save(made);
  return requestView(made.request, now);
}
