// The S3 client, created once per module. Its endpoint comes from AWS_ENDPOINT_URL_S3 like the other clients;
// the local S3 server needs path-style addressing, which the local platform asks for.
import { S3Client } from '@aws-sdk/client-s3';

export const s3Client = new S3Client({ forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true' });
