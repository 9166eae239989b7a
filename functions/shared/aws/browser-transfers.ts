// What a browser needs to send a file straight to S3 with a presigned URL, and to fetch one back with a presigned
// link: the bucket must answer the CORS preflight. The CDK stack and the local S3 server both configure a bucket
// from this one rule, and the presigner signs exactly the headers it allows.

/** The request headers an upload URL is signed with; a browser sends them, so the preflight must allow them. */
export const SIGNED_UPLOAD_HEADERS = ['content-type', 'x-amz-checksum-sha256'] as const;

/** The CORS rule of a bucket that takes uploads from browsers. */
export const BROWSER_TRANSFER_CORS = {
  methods: ['PUT', 'GET', 'HEAD'],
  // The signed URL is the credential, not the page it is used from: any origin may use one it was handed.
  origins: ['*'],
  headers: [...SIGNED_UPLOAD_HEADERS],
  // The upload's answer carries the stored checksum and version, which a client may check or show.
  exposedHeaders: ['etag', 'x-amz-checksum-sha256', 'x-amz-version-id'],
  maxAgeSeconds: 3600,
} as const;
