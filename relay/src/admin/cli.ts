import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseServerEnv } from '../server-env.js';
import { PostgresStorage } from '../storage/postgres-storage.js';
import type { RelayStorage } from '../storage/relay-storage.js';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { AdminCommands } from './admin-commands.js';
import { copyToPostgres } from './copy-to-postgres-command.js';

const usage = `usage: node relay/dist/admin/cli.js <command>   (from the repo root, after npm start or npm run build -w relay)
  create-user <email>        the password is read from standard input
  invite <email>             an invitation code for them to create an account with in the app
  make-admin <email>         lets the account invite others and manage accounts from the app
  grant-advisor <email>      makes the account an advisor
  disable-user <email>       its tokens stop working; a running relay closes its open sockets within a second
  enable-user <email>        undoes disable-user
  list-users
  list-devices <email>
  revoke-device <device-id>  its tokens stop working; a running relay closes its open sockets within a second
  backup <file>              an online copy of the database, safe while the relay runs
  compact [doc-id]           fold update logs into snapshots
  versions <doc-id>          a ledger's versions, newest first: id, when taken, size
  restore <doc-id> <version-id>
                             write that version's values back as new edits; a running relay
                             carries it out and its open devices receive it at once
  copy-to-postgres           copies the SQLite data of DATA_DIR into the empty PostgreSQL database of
                             DATABASE_URL (and, with BLOB_STORE=s3, its files into the bucket), every
                             count and ledger checked; stop the relay first
DATA_DIR (default ./data) names the relay's data directory; with DATABASE_URL set, the commands
work on that PostgreSQL database instead (back it up with pg_dump).`;

async function readPassword(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) return line;
  return '';
}

async function run(args: readonly string[], admin: AdminCommands): Promise<number> {
  const [command, argument, second] = args;
  switch (command) {
    case 'create-user': {
      if (argument === undefined) break;
      const created = await admin.createUser(argument, await readPassword());
      if (created === null) {
        console.error(`an account for ${argument} already exists`);
        return 1;
      }
      console.log(`created user ${created.userId} with ledger ${created.docId}`);
      return 0;
    }
    case 'invite': {
      if (argument === undefined) break;
      const invitation = await admin.invite(argument);
      if (invitation === null) {
        console.error(`${argument} already has an account`);
        return 1;
      }
      console.log(`invitation code for ${invitation.email}: ${invitation.code}`);
      console.log(
        `valid once, until ${new Date(invitation.expiresAt).toISOString()}; it is entered in Settings when creating the account`,
      );
      return 0;
    }
    case 'make-admin':
      if (argument === undefined) break;
      if (!(await admin.makeAdmin(argument))) {
        console.error(`no account for ${argument}`);
        return 1;
      }
      console.log(`${argument} is an admin`);
      return 0;
    case 'grant-advisor':
      if (argument === undefined) break;
      if (!(await admin.grantAdvisor(argument))) {
        console.error(`no account for ${argument}`);
        return 1;
      }
      console.log(`${argument} is an advisor`);
      return 0;
    case 'disable-user':
    case 'enable-user': {
      if (argument === undefined) break;
      const disabled = command === 'disable-user';
      if (!(await admin.setDisabled(argument, disabled))) {
        console.error(`no account for ${argument}`);
        return 1;
      }
      console.log(`${argument} is ${disabled ? 'disabled' : 'enabled'}`);
      return 0;
    }
    case 'list-users':
      for (const line of await admin.listUsers()) console.log(line);
      return 0;
    case 'list-devices': {
      if (argument === undefined) break;
      const lines = await admin.listDevices(argument);
      if (lines === null) {
        console.error(`no account for ${argument}`);
        return 1;
      }
      for (const line of lines) console.log(line);
      return 0;
    }
    case 'revoke-device':
      if (argument === undefined) break;
      if (!(await admin.revokeDevice(argument))) {
        console.error(`no live device ${argument}`);
        return 1;
      }
      console.log(`revoked device ${argument}`);
      return 0;
    case 'backup':
      if (argument === undefined) break;
      await admin.backup(resolve(argument));
      console.log(`backed up to ${resolve(argument)}`);
      return 0;
    case 'compact':
      console.log(`compacted ${await admin.compact(argument)} document(s)`);
      return 0;
    case 'versions': {
      if (argument === undefined) break;
      const lines = await admin.versions(argument);
      if (lines.length === 0) console.log(`ledger ${argument} has no versions yet`);
      for (const line of lines) console.log(line);
      return 0;
    }
    case 'restore': {
      if (argument === undefined || second === undefined) break;
      const restored = await admin.restore(argument, second);
      switch (restored.kind) {
        case 'restored':
          console.log(
            restored.by === 'relay'
              ? `restored ${restored.records} record(s); the running relay sent them to open devices`
              : `restored ${restored.records} record(s) in the stored ledger (no relay running); devices receive them when they sync`,
          );
          return 0;
        case 'unknown-version':
          console.error(`ledger ${argument} has no version ${second}`);
          return 1;
        case 'failed':
          console.error('the restore failed; the relay log says why');
          return 1;
        default: {
          const unhandled: never = restored;
          return unhandled;
        }
      }
    }
  }
  console.error(usage);
  return 2;
}

const parsed = parseServerEnv(process.env);
if (!parsed.ok) {
  for (const problem of parsed.problems) console.error(`tally admin: ${problem}`);
  process.exit(1);
}
const { databaseUrl, dataDir } = parsed.settings;
if (process.argv[2] === 'copy-to-postgres') {
  try {
    process.exitCode = await copyToPostgres(parsed.settings);
  } catch (error) {
    console.error(`tally admin: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
} else {
  const storage = databaseUrl === null ? new SqliteStorage(join(dataDir, 'tally.db')) : await openPostgres(databaseUrl);
  try {
    process.exitCode = await run(process.argv.slice(2), new AdminCommands(storage, parsed.settings));
  } catch (error) {
    console.error(`tally admin: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await storage.close();
  }
}

async function openPostgres(url: string): Promise<RelayStorage> {
  try {
    return await PostgresStorage.open(url);
  } catch (error) {
    console.error(
      `tally admin: DATABASE_URL: cannot open the PostgreSQL database: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}
