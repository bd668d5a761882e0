import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { S3BlobStoreSettings } from '../blobs/s3-blob-store.js';

const BUCKET = 'tally-blobs';

/**
 * A throwaway S3-compatible server (`s3rver`) on 127.0.0.1, keeping its objects in a temporary
 * directory, with one bucket. It checks request signatures against its fixed key pair, as S3 does.
 */
export class S3Server {
  private constructor(
    private readonly server: S3rver,
    private readonly directory: string,
    private readonly port: number,
  ) {}

  static async start(): Promise<S3Server> {
    const directory = mkdtempSync(join(tmpdir(), 'tally-s3-'));
    const server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      directory,
      silent: true,
      configureBuckets: [{ name: BUCKET }],
    });
    const { port } = await server.run();
    return new S3Server(server, directory, port);
  }

  /** What a relay's `BLOB_S3_*` settings would say to reach this server. */
  get settings(): S3BlobStoreSettings {
    return {
      endpoint: `http://127.0.0.1:${this.port}`,
      bucket: BUCKET,
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    };
  }

  /** The files the server keeps for the bucket's objects, whole or in parts of an unfinished upload. */
  files(): string[] {
    return readdirSync(this.directory, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  }

  /** Forgets every object and unfinished upload in the bucket, as if it were new. */
  empty(): void {
    const bucket = join(this.directory, BUCKET);
    for (const entry of readdirSync(bucket)) rmSync(join(bucket, entry), { recursive: true, force: true });
  }

  async stop(): Promise<void> {
    await this.server.close();
    rmSync(this.directory, { recursive: true, force: true });
  }
}
