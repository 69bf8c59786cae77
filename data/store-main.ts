/**
 * Store maintenance from the shell, before and beside the full CLI:
 *
 *   npm run store -- controleer          validate the data file
 *   npm run store -- backup              make a backup copy now
 *   npm run store -- backups             list backups, newest first
 *   npm run store -- herstel <backup>    put a backup back (the current file is kept as a backup)
 *
 * The data directory comes from `--data <dir>`, else LLA_DATA, else ./lla-data.
 */
import { LlaError } from '../core/errors.js';
import { toolMsg } from '../core/messages.js';
import { FileStore, resolveDataDir } from './file-store.js';


async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  let flag: string | undefined;
  const i = args.indexOf('--data');
  if (i >= 0) {
    flag = args[i + 1];
    if (!flag) {
      process.stderr.write(`${toolMsg.dataFlagNeedsDir()}\n`);
      return 2;
    }
    args.splice(i, 2);
  }
  const [command, arg] = args;
  const store = new FileStore({ dir: resolveDataDir({ flag, env: process.env, cwd: process.cwd() }), createIfMissing: false });
  switch (command) {
    case 'controleer': {
      const data = await store.read();
      process.stdout.write(
        `${toolMsg.storeOk(store.file, data.schemaVersion, data.regions.length, data.people.length, data.cases.length, data.signals.length)}\n`,
      );
      return 0;
    }
    case 'backup': {
      const made = await store.backup();
      process.stdout.write(`${toolMsg.backupMade(made)}\n`);
      return 0;
    }
    case 'backups': {
      const list = await store.listBackups();
      if (list.length === 0) process.stdout.write(`${toolMsg.noBackups(store.backupDir)}\n`);
      for (const b of list) process.stdout.write(`${toolMsg.backupLine(b.name, b.mtime, Math.round(b.size / 1024))}\n`);
      return 0;
    }
    case 'herstel': {
      if (!arg) {
        process.stderr.write(`${toolMsg.restoreNeedsBackup()}\n`);
        return 2;
      }
      const restored = await store.restore(arg);
      process.stdout.write(`${toolMsg.restored(restored)}\n`);
      return 0;
    }
    default:
      process.stderr.write(`${command ? `${toolMsg.unknownCommand(command)}\n` : ''}${toolMsg.storeUsage()}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    if (err instanceof LlaError) {
      process.stderr.write(`${toolMsg.error(err.message)}\n`);
      process.exitCode = err.code === 'notFound' ? 4 : 2;
    } else {
      process.stderr.write(`${toolMsg.unexpected((err as Error).stack ?? String(err))}\n`);
      process.exitCode = 1;
    }
  },
);
