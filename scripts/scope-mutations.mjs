#!/usr/bin/env node
/**
 * Mutation check for the scope predicates: takes out each school or provider scope condition in the
 * API's feature modules in turn (the call becomes `undefined`, which drizzle's and() drops, so the
 * query runs unscoped), runs the tests where records meet, and restores the file. Every mutation must
 * make a test fail; one that survives is a scope no test guards. Not part of `npm test`: it runs the
 * matrix once per predicate (about half a minute each). `npm run test:scope-mutations [-- FILTER …]`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const modules = join(root, 'apps/api/src/modules');
const tests = ['apps/api/src/across-features/two-sides.test.ts'];
// Filters: run only the predicates whose place (file:line) contains one of them.
const filters = process.argv.slice(2);

// The calls that narrow a query to the caller's schools or providers. A provider id list counts only
// where it is the portal user's reach: elsewhere it is a lookup over records already in scope.
const PATTERNS = [
  /schoolColumnInReach\(/g,
  /portalReportsOf\(/g,
  /inArray\([\w.]+\.providerId, providerIds\)/g,
];
const isScope = (text, index) => {
  if (!text.startsWith('inArray', index)) return true;
  const enclosing = text.slice(text.lastIndexOf('function ', index), index);
  return enclosing.includes("reachOf(actor, 'portal.use')");
};

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    // scope.ts defines the predicates; the mutations are of their calls.
    if (name === 'scope.ts') return [];
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The end of the call that opens at `start` (the index of its first character). */
function callEnd(text, start) {
  let depth = 0;
  for (let i = text.indexOf('(', start); i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i + 1;
  }
  throw new Error('unbalanced call');
}

const mutations = [];
for (const file of sourceFiles(modules)) {
  const text = readFileSync(file, 'utf8');
  for (const pattern of PATTERNS)
    for (const match of text.matchAll(pattern)) {
      // The definition of a helper is not a use of it.
      if (/function\s+$/.test(text.slice(Math.max(0, match.index - 20), match.index))) continue;
      if (!isScope(text, match.index)) continue;
      const end = callEnd(text, match.index);
      const line = text.slice(0, match.index).split('\n').length;
      mutations.push({ file, start: match.index, end, where: `${relative(root, file)}:${line}` });
    }
}

const chosen = mutations.filter((m) => !filters.length || filters.some((f) => m.where.includes(f)));
if (process.env.SCOPE_MUTATIONS_LIST) {
  for (const m of chosen) console.log(m.where);
  process.exit(0);
}
console.log(`${chosen.length} scope predicates to take out, one at a time.\n`);
const survivors = [];
for (const [i, m] of chosen.entries()) {
  const original = readFileSync(m.file, 'utf8');
  writeFileSync(m.file, `${original.slice(0, m.start)}undefined${original.slice(m.end)}`);
  try {
    const run = spawnSync('npx', ['vitest', 'run', '--bail=1', '--project', 'api', ...tests], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CI: '' },
    });
    // A run that failed only by running out of time says nothing about the predicate.
    const timedOut = /timed out/i.test(`${run.stdout}${run.stderr}`);
    const caught = run.status !== 0 && !timedOut;
    if (!caught) survivors.push(m.where);
    const verdict = timedOut ? 'TIMEOUT ' : caught ? 'caught  ' : 'SURVIVED';
    console.log(`${String(i + 1).padStart(3)}. ${verdict} ${m.where}`);
  } finally {
    writeFileSync(m.file, original);
  }
}
console.log(`\n${chosen.length - survivors.length} of ${chosen.length} caught.`);
if (survivors.length) {
  console.log(
    `Survived or timed out (no test shown to guard these):\n${survivors.map((s) => `  ${s}`).join('\n')}`,
  );
  process.exit(1);
}
