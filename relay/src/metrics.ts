import { type FailureKind, failureKinds } from './failures.js';

const persistBucketsMs = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 1000] as const;

/** The relay's counters, rendered in the Prometheus text format for `GET /metrics`. */
export class RelayMetrics {
  connections = 0;
  docsLoaded = 0;
  updatesAccepted = 0;
  updatesRefused = 0;
  bytesIn = 0;
  bytesOut = 0;
  authFailures = 0;
  framesRefused = 0;
  silentPeersDropped = 0;
  expiredSockets = 0;
  mailsSent = 0;
  mailsRetried = 0;
  mailsFailed = 0;
  pushesSent = 0;
  pushesRetried = 0;
  pushesFailed = 0;
  blobsStored = 0;
  blobsRemoved = 0;
  private readonly failures = new Map<FailureKind, number>(failureKinds.map((kind) => [kind, 0]));
  private readonly persistBuckets: number[] = persistBucketsMs.map(() => 0);
  private persistCount = 0;
  private persistSumMs = 0;

  countFailure(kind: FailureKind): void {
    this.failures.set(kind, (this.failures.get(kind) ?? 0) + 1);
  }

  observePersist(ms: number): void {
    this.persistCount++;
    this.persistSumMs += ms;
    persistBucketsMs.forEach((bound, index) => {
      if (ms <= bound) this.persistBuckets[index] = (this.persistBuckets[index] ?? 0) + 1;
    });
  }

  render(): string {
    const lines = [
      ...metric('tally_relay_connections', 'gauge', 'Open sync sockets.', this.connections),
      ...metric('tally_relay_docs_loaded', 'gauge', 'Documents held in memory.', this.docsLoaded),
      ...metric('tally_relay_updates_total', 'counter', 'Updates accepted and persisted.', this.updatesAccepted),
      ...metric(
        'tally_relay_updates_refused_total',
        'counter',
        'Updates the ledger guard refused: not stored, not sent, their socket closed.',
        this.updatesRefused,
      ),
      ...metric('tally_relay_bytes_in_total', 'counter', 'Bytes received on sync sockets.', this.bytesIn),
      ...metric('tally_relay_bytes_out_total', 'counter', 'Bytes sent on sync sockets.', this.bytesOut),
      ...metric(
        'tally_relay_auth_failures_total',
        'counter',
        'Refused logins, tokens and upgrades.',
        this.authFailures,
      ),
      ...metric(
        'tally_relay_frames_refused_total',
        'counter',
        'Sync frames that closed their socket.',
        this.framesRefused,
      ),
      ...metric(
        'tally_relay_silent_peers_dropped_total',
        'counter',
        'Sync sockets dropped for not answering the heartbeat.',
        this.silentPeersDropped,
      ),
      ...metric(
        'tally_relay_expired_sockets_total',
        'counter',
        'Sync sockets closed because the access token they opened with expired.',
        this.expiredSockets,
      ),
      '# HELP tally_relay_mails_total Mail delivery attempts by outcome: sent, retried after a temporary failure, or failed for good.',
      '# TYPE tally_relay_mails_total counter',
      `tally_relay_mails_total{outcome="sent"} ${this.mailsSent}`,
      `tally_relay_mails_total{outcome="retried"} ${this.mailsRetried}`,
      `tally_relay_mails_total{outcome="failed"} ${this.mailsFailed}`,
      '# HELP tally_relay_pushes_total Web Push delivery attempts by outcome: sent, retried after a temporary failure, or failed for good.',
      '# TYPE tally_relay_pushes_total counter',
      `tally_relay_pushes_total{outcome="sent"} ${this.pushesSent}`,
      `tally_relay_pushes_total{outcome="retried"} ${this.pushesRetried}`,
      `tally_relay_pushes_total{outcome="failed"} ${this.pushesFailed}`,
      ...metric('tally_relay_blobs_stored_total', 'counter', 'Files kept for the first time.', this.blobsStored),
      ...metric(
        'tally_relay_blobs_removed_total',
        'counter',
        'Files removed after no ledger referenced them for the grace time.',
        this.blobsRemoved,
      ),
      '# HELP tally_relay_failures_total Failures the relay caught and logged, by what it was doing.',
      '# TYPE tally_relay_failures_total counter',
      ...failureKinds.map((kind) => `tally_relay_failures_total{kind="${kind}"} ${this.failures.get(kind) ?? 0}`),
      '# HELP tally_relay_persist_seconds Time to persist one accepted update.',
      '# TYPE tally_relay_persist_seconds histogram',
      ...persistBucketsMs.map(
        (bound, index) => `tally_relay_persist_seconds_bucket{le="${bound / 1000}"} ${this.persistBuckets[index] ?? 0}`,
      ),
      `tally_relay_persist_seconds_bucket{le="+Inf"} ${this.persistCount}`,
      `tally_relay_persist_seconds_sum ${this.persistSumMs / 1000}`,
      `tally_relay_persist_seconds_count ${this.persistCount}`,
    ];
    return `${lines.join('\n')}\n`;
  }
}

function metric(name: string, type: 'gauge' | 'counter', help: string, value: number): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`];
}
