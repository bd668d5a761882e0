import type { RelaySettings } from '../settings/relay-settings.js';
import type { S3BlobStoreSettings } from './s3-blob-store.js';

type BlobStoreOptions = Pick<
  RelaySettings,
  | 'blobStore'
  | 'blobS3Endpoint'
  | 'blobS3Bucket'
  | 'blobS3Region'
  | 'blobS3AccessKeyId'
  | 'blobS3SecretAccessKey'
  | 'blobS3ForcePathStyle'
>;

/** Where the relay keeps receipts' files (BLOB1). */
export type BlobStoreChoice = { readonly kind: 'disk' } | { readonly kind: 's3'; readonly s3: S3BlobStoreSettings };

export type BlobStoreReading =
  | { readonly ok: true; readonly choice: BlobStoreChoice }
  | { readonly ok: false; readonly problems: readonly string[] };

/** The chosen blob store's settings, or a problem naming each `BLOB_S3_*` key that is missing. */
export function readBlobStoreSettings(options: BlobStoreOptions): BlobStoreReading {
  if (options.blobStore === 'disk') return { ok: true, choice: { kind: 'disk' } };
  const { blobS3Bucket: bucket, blobS3AccessKeyId: accessKeyId, blobS3SecretAccessKey: secretAccessKey } = options;
  if (bucket === null || accessKeyId === null || secretAccessKey === null) {
    const missing = Object.entries({
      BLOB_S3_BUCKET: bucket,
      BLOB_S3_ACCESS_KEY_ID: accessKeyId,
      BLOB_S3_SECRET_ACCESS_KEY: secretAccessKey,
    })
      .filter(([, value]) => value === null)
      .map(([env]) => `${env} must be set when BLOB_STORE is s3`);
    return { ok: false, problems: missing };
  }
  return {
    ok: true,
    choice: {
      kind: 's3',
      s3: {
        endpoint: options.blobS3Endpoint,
        bucket,
        region: options.blobS3Region,
        accessKeyId,
        secretAccessKey,
        forcePathStyle: options.blobS3ForcePathStyle,
      },
    },
  };
}
