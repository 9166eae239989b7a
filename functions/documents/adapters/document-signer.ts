// The documents' signing key: KMS in AWS, the local key file on the local platform.
import { signerFor } from '../../shared/signing/jws-signer.ts';
import { DOCUMENT_SIGNING_KEY_ID } from './documents-keys.ts';

export const documentSigner = signerFor(DOCUMENT_SIGNING_KEY_ID);
