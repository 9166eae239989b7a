// The signer of the convocations' evidence (the platform's ES256 key pattern) and the timestamping authority: none
// is configured on this platform, so tokens say `none`; a deployment with an RFC 3161 authority adds its adapter here.
import { signerFor } from '../../shared/signing/jws-signer.ts';
import type { EvidenceSigner, TimestampAuthority } from '../application/councils.ports.ts';
import { CONVOCATION_SIGNING_KEY_ID } from './councils-keys.ts';

export const convocationSigner: EvidenceSigner = signerFor(CONVOCATION_SIGNING_KEY_ID);

export const noTimestampAuthority: TimestampAuthority = { stamp: async () => ({ authority: 'none' }) };
