// Every installed package must run on the oldest Node.js Waymark supports (package.json "engines"), so
// a clean `npm ci` on that Node prints no engine warning. Reads the lock file, which records each
// package's own "engines"; run by `npm run lint`.
import { readFileSync } from 'node:fs';
import semver from 'semver';

const root = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const oldest = semver.minVersion(root.engines.node);

const refusing = Object.entries(lock.packages)
  .filter(([path, entry]) => path && typeof entry.engines?.node === 'string')
  .filter(([, entry]) => !semver.satisfies(oldest, entry.engines.node))
  .map(
    ([path, entry]) =>
      `${path.replace(/^.*node_modules\//, '')}@${entry.version} needs Node ${entry.engines.node}`,
  );

if (refusing.length) {
  console.error(
    `Waymark supports Node ${root.engines.node}, but these packages do not run on Node ${oldest}:`,
  );
  for (const line of refusing) console.error(`  ${line}`);
  console.error('Pin a version that does, or raise "engines" in package.json (and README) to match.');
  process.exit(1);
}
console.log(`Every package in the lock file runs on Node ${oldest}.`);
