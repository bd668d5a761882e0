import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { isAttachmentHash } from '@tally/schema';
import type { BlobStore, BlobWrite } from './blob-store.js';
import { WrittenBytes } from './written-bytes.js';

/** S3 refuses parts of a multipart upload under 5 MiB (but the last); 8 MiB keeps a 100 MiB file to 13 parts. */
const DEFAULT_PART_BYTES = 8 * 1024 * 1024;
/** Where a file sent in parts waits, under a random name, until its hash is known. */
const INCOMING_PREFIX = 'incoming/';

/** How the relay reaches an S3-compatible bucket (the `BLOB_S3_*` settings). */
export interface S3BlobStoreSettings {
  /** Another host than AWS's own, such as MinIO's `http://minio:9000`; null: AWS S3 for `region`. */
  readonly endpoint: string | null;
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** `http://host/bucket/key` rather than `http://bucket.host/key`, as MinIO and most stand-ins want. */
  readonly forcePathStyle: boolean;
}

/**
 * Files in an S3-compatible bucket, each under the SHA-256 of its bytes (BLOB1), for relays that share
 * one database and so must share their files too. A file of up to one part is kept in memory while it
 * is hashed and written with one `PutObject` once its hash is checked; a larger one goes up in parts
 * under `incoming/<random>` and is copied under its hash (a server-side copy) only when the hash
 * matches. Either way an object appears under a hash whole or not at all, and what was never
 * finished is deleted, so no bytes are readable that do not hash to their name.
 */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(
    settings: S3BlobStoreSettings,
    private readonly partBytes: number = DEFAULT_PART_BYTES,
  ) {
    this.bucket = settings.bucket;
    this.client = new S3Client({
      ...(settings.endpoint === null ? {} : { endpoint: settings.endpoint }),
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // Checksums only where S3 requires them: several S3-compatible servers refuse the SDK's
      // default trailing checksums, and each file's SHA-256 is checked by the relay itself.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /** Throws unless the bucket exists and these credentials reach it: checked once at start. */
  async checkBucket(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  async begin(): Promise<BlobWrite> {
    return new S3BlobWrite(this.client, this.bucket, this.partBytes);
  }

  async has(hash: string): Promise<boolean> {
    if (!isAttachmentHash(hash)) return false;
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: hash }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async read(hash: string): Promise<Readable | null> {
    if (!isAttachmentHash(hash)) return null;
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: hash }));
      if (!(object.Body instanceof Readable)) throw new Error(`the bucket's reply for ${hash} has no body to stream`);
      return object.Body;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async remove(hash: string): Promise<void> {
    if (!isAttachmentHash(hash)) return;
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: hash }));
  }

  /** Closes the client's connections. */
  close(): void {
    this.client.destroy();
  }
}

/** S3 says "no such object" as 404 on HEAD and as `NoSuchKey` on GET. */
function isMissing(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NoSuchKey');
}

/** A multipart upload under `incoming/`, started once the bytes outgrow one part. */
interface PartsUpload {
  readonly key: string;
  readonly uploadId: string;
  readonly parts: { readonly ETag: string; readonly PartNumber: number }[];
}

class S3BlobWrite implements BlobWrite {
  private readonly bytes = new WrittenBytes();
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private upload: PartsUpload | null = null;
  private done = false;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly partBytes: number,
  ) {}

  get size(): number {
    return this.bytes.size;
  }

  get head(): Uint8Array {
    return this.bytes.head;
  }

  async write(chunk: Uint8Array): Promise<void> {
    this.bytes.add(chunk);
    this.pending.push(new Uint8Array(chunk));
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= this.partBytes) await this.sendPart();
  }

  async finish(expectedHash: string): Promise<'kept' | 'hash-mismatch'> {
    this.done = true;
    if (!this.bytes.hashIs(expectedHash) || !isAttachmentHash(expectedHash)) {
      await this.discard();
      return 'hash-mismatch';
    }
    if (this.upload === null) {
      const body = this.takePending();
      await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: expectedHash, Body: body }));
      return 'kept';
    }
    if (this.pendingBytes > 0) await this.sendPart();
    const { key, uploadId, parts } = this.upload;
    await this.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
    try {
      // Copying over the same bytes kept before changes nothing a reader could notice.
      await this.client.send(
        new CopyObjectCommand({ Bucket: this.bucket, Key: expectedHash, CopySource: `${this.bucket}/${key}` }),
      );
    } finally {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    }
    return 'kept';
  }

  async abandon(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.discard();
  }

  private async sendPart(): Promise<void> {
    const upload = this.upload ?? (await this.startUpload());
    const partNumber = upload.parts.length + 1;
    const sent = await this.client.send(
      new UploadPartCommand({
        Bucket: this.bucket,
        Key: upload.key,
        UploadId: upload.uploadId,
        PartNumber: partNumber,
        Body: this.takePending(),
      }),
    );
    if (sent.ETag === undefined) throw new Error(`the bucket gave part ${partNumber} of ${upload.key} no ETag`);
    upload.parts.push({ ETag: sent.ETag, PartNumber: partNumber });
  }

  private async startUpload(): Promise<PartsUpload> {
    const key = `${INCOMING_PREFIX}${randomBytes(12).toString('hex')}`;
    const started = await this.client.send(new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: key }));
    if (started.UploadId === undefined) throw new Error(`the bucket started no multipart upload for ${key}`);
    this.upload = { key, uploadId: started.UploadId, parts: [] };
    return this.upload;
  }

  private takePending(): Buffer {
    const bytes = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    return bytes;
  }

  /**
   * Throws away what was written. Parts already sent are completed into their `incoming/` object and
   * that object deleted, which every S3-compatible server does (some, test servers among them, have
   * no `AbortMultipartUpload`); parts left by a relay that died mid-upload are for the bucket's
   * lifecycle rule (relay/README.md).
   */
  private async discard(): Promise<void> {
    this.pending = [];
    this.pendingBytes = 0;
    if (this.upload === null) return;
    const { key, uploadId, parts } = this.upload;
    this.upload = null;
    await this.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
