import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { RelayConfig } from '../../../relay/src/relay-config.js';
import { DataDir, RunningRelay } from '../../../relay/src/testing/relay-harness.js';
import { APP_ROOT } from './build-app.js';
import { launchChromium } from './chromium.js';
import { StaticServer } from './static-server.js';
import { TallyDevice } from './tally-device.js';

/**
 * One browser, the built app on a static host, and a real relay over SQLite in a temporary data
 * directory, each on 127.0.0.1. Every device is a separate browser context: its own IndexedDB,
 * its own service worker.
 */
export class TallyWorld {
  private relay: RunningRelay | undefined;
  private relayPort = 0;
  private readonly dataDir = new DataDir();
  private readonly devices: TallyDevice[] = [];

  private constructor(
    private readonly browser: Browser,
    private app: StaticServer,
  ) {}

  static async start(): Promise<TallyWorld> {
    const [browser, app] = await Promise.all([launchChromium(), StaticServer.start(join(APP_ROOT, 'dist'))]);
    return new TallyWorld(browser, app);
  }

  get appUrl(): string {
    return this.app.url;
  }

  get relayUrl(): string {
    return `http://127.0.0.1:${this.relayPort}`;
  }

  /** Starts the relay, on the port it had before when it is restarted. */
  async startRelay(config: Partial<RelayConfig> = {}): Promise<void> {
    this.relay = await RunningRelay.start(this.dataDir, { allowedOrigins: [this.app.url], ...config }, this.relayPort);
    this.relayPort = this.relay.port;
  }

  async stopRelay(): Promise<void> {
    await this.relay?.stop();
    this.relay = undefined;
  }

  /** Takes the app's host down too, as when the whole server is unreachable. */
  async stopAppHost(): Promise<void> {
    await this.app.stop();
  }

  async startAppHost(): Promise<void> {
    this.app = await StaticServer.start(join(APP_ROOT, 'dist'), this.app.port);
  }

  async device(): Promise<TallyDevice> {
    const device = await TallyDevice.open(this.browser, this.app.url);
    this.devices.push(device);
    return device;
  }

  async stop(): Promise<void> {
    for (const device of this.devices) await device.close();
    await this.browser.close();
    await this.relay?.stop();
    await this.app.stop().catch(() => undefined);
    this.dataDir.remove();
  }
}
