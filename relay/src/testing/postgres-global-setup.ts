import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's PostgreSQL server (superuser connection): each storage opened in a test gets its own database on it. */
    postgresUrl: string;
  }
}

/** One PostgreSQL cluster per vitest run of the relay project, stopped when the run ends. */
export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
