import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startPostgresCluster } from '../src/testing/postgres-cluster.js';
import { RedisServer } from '../src/testing/redis-server.js';

/** A PostgreSQL server and a Redis for the several-relays case: a fresh database for each run. */
export class SharedServers {
  private constructor(
    private readonly postgres: Awaited<ReturnType<typeof startPostgresCluster>>,
    private readonly redis: RedisServer,
  ) {}

  static async start(): Promise<SharedServers> {
    return new SharedServers(await startPostgresCluster(), await RedisServer.start());
  }

  get redisUrl(): string {
    return this.redis.url;
  }

  /** The URL of a new, empty database on the server. */
  async newDatabase(): Promise<string> {
    const name = `tally_bench_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: this.postgres.url });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    const url = new URL(this.postgres.url);
    url.pathname = `/${name}`;
    return url.toString();
  }

  async stop(): Promise<void> {
    await this.redis.stop();
    this.postgres.stop();
  }
}
