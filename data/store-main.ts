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
import { formatDateTime } from '../core/dates.js';
import { FileStore, resolveDataDir } from './file-store.js';

const USAGE = `Gebruik:
  npm run store -- controleer            gegevensbestand controleren
  npm run store -- backup                nu een back-up maken
  npm run store -- backups               back-ups tonen, nieuwste eerst
  npm run store -- herstel <back-up>     een back-up terugzetten
Opties: --data <map> (of LLA_DATA; standaard ./lla-data)`;

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  let flag: string | undefined;
  const i = args.indexOf('--data');
  if (i >= 0) {
    flag = args[i + 1];
    if (!flag) {
      process.stderr.write('Fout: --data vraagt om een map.\n');
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
        `In orde: ${store.file}\n  schemaversie ${data.schemaVersion}, ${data.regions.length} regio’s, ${data.people.length} personen, ${data.cases.length} casussen, ${data.signals.length} signalen.\n`,
      );
      return 0;
    }
    case 'backup': {
      const made = await store.backup();
      process.stdout.write(`Back-up gemaakt: ${made}\n`);
      return 0;
    }
    case 'backups': {
      const list = await store.listBackups();
      if (list.length === 0) process.stdout.write(`Nog geen back-ups in ${store.backupDir}.\n`);
      for (const b of list) process.stdout.write(`${b.name}  ${formatDateTime(b.mtime)}  ${Math.round(b.size / 1024)} kB\n`);
      return 0;
    }
    case 'herstel': {
      if (!arg) {
        process.stderr.write('Fout: geef de back-up op die terug moet (zie „npm run store -- backups”).\n');
        return 2;
      }
      const restored = await store.restore(arg);
      process.stdout.write(`Back-up ${restored} is teruggezet. De vorige versie staat bij de back-ups.\n`);
      return 0;
    }
    default:
      process.stderr.write(`${command ? `Onbekende opdracht „${command}”.\n` : ''}${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    if (err instanceof LlaError) {
      process.stderr.write(`Fout: ${err.message}\n`);
      process.exitCode = err.code === 'notFound' ? 4 : 2;
    } else {
      process.stderr.write(`Onverwachte fout: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 1;
    }
  },
);
