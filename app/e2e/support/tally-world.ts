import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { RelayConfig } from '../../../relay/src/relay-config.js';
import { DataDir, RunningRelay } from '../../../relay/src/testing/relay-harness.js';
import { APP_ROOT } from './build-app.js';
import { launchChromium } from './chromium.js';
import { StaticServer } from './static-server.js';
import { type DeviceSetUp, TallyDevice } from './tally-device.js';

const APP_DIST = join(APP_ROOT, 'dist');

/** Where the built app is served from: a static host of its own (talking to the relay across origins), or the relay. */
export type AppHost = 'static' | 'relay';

/**
 * One browser, the built app, and a real relay over SQLite in a temporary data directory, each
 * on 127.0.0.1. Every device is a separate browser context: its own IndexedDB, its own service
 * worker.
 */
export class TallyWorld {
  private relay: RunningRelay | undefined;
  private relayPort = 0;
  private readonly dataDir = new DataDir();
  private readonly devices: TallyDevice[] = [];

  private constructor(
    private readonly browser: Browser,
    private staticHost: StaticServer | undefined,
  ) {}

  static async start(host: AppHost = 'static'): Promise<TallyWorld> {
    const [browser, staticHost] = await Promise.all([
      launchChromium(),
      host === 'static' ? StaticServer.start(APP_DIST) : undefined,
    ]);
    return new TallyWorld(browser, staticHost);
  }

  get appUrl(): string {
    return this.staticHost?.url ?? this.relayUrl;
  }

  get relayUrl(): string {
    return `http://127.0.0.1:${this.relayPort}`;
  }

  /** Starts the relay, on the port it had before when it is restarted. */
  async startRelay(config: Partial<RelayConfig> = {}): Promise<void> {
    const hosting = this.staticHost ? { allowedOrigins: [this.staticHost.url] } : { appDir: APP_DIST };
    this.relay = await RunningRelay.start(this.dataDir, { ...hosting, ...config }, this.relayPort);
    this.relayPort = this.relay.port;
  }

  /** Gives an account the advisor role, as the relay's admin does with `grant-advisor`. */
  async grantAdvisor(email: string): Promise<void> {
    const storage = this.relay?.storage;
    const user = await storage?.accounts.findUserByEmail(email);
    if (!storage || !user || !(await storage.accounts.setUserRole(user.id, 'advisor'))) {
      throw new Error(`no account ${email} to make an advisor`);
    }
  }

  async stopRelay(): Promise<void> {
    await this.relay?.stop();
    this.relay = undefined;
  }

  /** A new device; its first-run step is skipped unless `setUp.firstRun` is `offered`. */
  async device(setUp: DeviceSetUp = {}): Promise<TallyDevice> {
    const device = await TallyDevice.open(this.browser, this.appUrl, setUp);
    this.devices.push(device);
    return device;
  }

  async stop(): Promise<void> {
    for (const device of this.devices) await device.close();
    await this.browser.close();
    await this.relay?.stop();
    await this.staticHost?.stop();
    this.dataDir.remove();
  }
}
