// What the applicant's papers say: the filing receipt (their proof for invoking silence: the deadline and how
// it was counted) and the deemed-approval certificate, and the few claims each signs in its QR code. Both are
// drawn from the permit as it stands when they are issued, once.
import { createHash } from 'node:crypto';
import type { PaperKind } from '../../documents/public.ts';
import type { BilingualName } from '../../shared/i18n/language.ts';
import type { StatutoryPeriod } from '../../shared/statutory-clock/statutory-clock.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import { clockExplanation, type Permit } from './permit.ts';

/** What a permit issues: the filing receipt and the deemed-approval certificate. */
export type PermitPaperKind = Extract<PaperKind, 'permit-receipt' | 'permit-certificate'>;

export interface PermitPaperContent {
  readonly kind: PermitPaperKind;
  /** The paper's number: the receipt number, or the certificate number. */
  readonly number: string;
  readonly receiptNumber: string;
  readonly issuedAt: string;
  readonly commune: { readonly code: string; readonly names: BilingualName };
  readonly procedure: BilingualName;
  readonly applicant: string;
  readonly project: Permit['project'];
  readonly receiptDate: string;
  readonly period: StatutoryPeriod;
  readonly dueDate: string;
  /** How the deadline was counted, step by step, in French and Arabic. */
  readonly explanation: readonly { readonly fr: string; readonly ar: string }[];
  /** The certificate's: when the deadline passed, and whether approval followed by law or on the applicant's request. */
  readonly deemedApproval?: { readonly lapsedOn?: string; readonly invokedOn: string; readonly automatic: boolean };
}

/** The claims of the QR code besides the version, number and kind, which the register of signed documents adds. */
export interface PaperClaims {
  readonly [claim: string]: string;
  /** The file's receipt number. */
  readonly rn: string;
  /** The commune's code. */
  readonly cm: string;
  /** The legal deadline as the paper prints it, `YYYY-MM-DD`. */
  readonly due: string;
  /** Issue date in Morocco, `YYYY-MM-DD`. */
  readonly iat: string;
  /** SHA-256 (base64url) of the paper's data as printed. */
  readonly dg: string;
}

function content(permit: Permit, kind: PermitPaperKind, number: string, issuedAt: Date): Omit<PermitPaperContent, 'deemedApproval'> {
  const { project } = permit;
  return {
    kind,
    number,
    receiptNumber: permit.receiptNumber,
    issuedAt: issuedAt.toISOString(),
    commune: permit.commune,
    procedure: permit.procedure.names,
    applicant: permit.applicant,
    project: { title: project.title, address: project.address, ...(project.parcelReference && { parcelReference: project.parcelReference }) },
    receiptDate: permit.clock.receiptDate,
    period: permit.clock.period,
    dueDate: permit.clock.dueDate,
    explanation: clockExplanation(permit.clock).map((step) => ({ fr: step.text.fr, ar: step.text.ar })),
  };
}

/** The receipt of a filed permit, with the deadline as counted on filing. */
export function receiptOf(permit: Permit, issuedAt: Date): PermitPaperContent {
  return content(permit, 'permit-receipt', permit.receiptNumber, issuedAt);
}

/** The certificate of a permit approved by silence; undefined for any other permit. */
export function certificateOf(permit: Permit, issuedAt: Date): PermitPaperContent | undefined {
  const approval = permit.deemedApproval;
  if (permit.status !== 'deemed-approved' || !approval) return undefined;
  return {
    ...content(permit, 'permit-certificate', approval.certificateNumber, issuedAt),
    deemedApproval: {
      ...(permit.lapsedAt && { lapsedOn: moroccanDate(new Date(permit.lapsedAt)) }),
      invokedOn: moroccanDate(new Date(approval.invokedAt)),
      automatic: approval.automatic,
    },
  };
}

export function paperClaims(paper: PermitPaperContent): PaperClaims {
  return {
    rn: paper.receiptNumber,
    cm: paper.commune.code,
    due: paper.dueDate,
    iat: moroccanDate(new Date(paper.issuedAt)),
    // The content is built field by field in a fixed order, so its JSON is canonical.
    dg: createHash('sha256').update(JSON.stringify(paper)).digest('base64url'),
  };
}
