// An administrative procedure of the catalogue: its legal decision period and deemed-approval policy.
import type { BilingualName } from '../../shared/i18n/language.ts';

export type ProcedureCategory = 'urbanism' | 'economic';

/** What silence past the deadline gives: approval on the applicant's request, at once, or nothing. */
export type DeemedApprovalPolicy = 'on-request' | 'automatic' | 'none';

export interface Procedure {
  readonly code: string;
  readonly names: BilingualName;
  readonly category: ProcedureCategory;
  readonly period: { readonly days: number; readonly unit: 'calendar' | 'working' };
  readonly deemedApproval: DeemedApprovalPolicy;
  /** The text the period comes from; `default` when the law was not found and the period is ours. */
  readonly legalBasis: string;
}
