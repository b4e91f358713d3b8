// How much script each page needs on its first load, from the Vite manifest of the last web build:
// the app's entry with everything it imports, the signed-in layout's chunks for a page inside it, and
// the page's own chunk with everything that imports.
// Sizes are gzip, as a phone on a poor signal receives them. `node scripts/route-sizes.mjs` prints the
// table and fails when a page named in BUDGETS passes its budget; the web build runs it.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dist = new URL('../apps/web/dist/', import.meta.url);
/** Gzip KB of script each page may need before it can be used: a provider on a phone's signal. */
export const BUDGETS = {
  'src/modules/auth/SignInPage.tsx': 150,
  'src/modules/attendance/PortalRegisterPage.tsx': 150,
};

/** The layout around every signed-in page: its script is part of each such page's first load. */
const LAYOUT = 'src/ui/SignedInLayout.tsx';

/** The pages routed before the signed-in layout in app/router.tsx stand alone (sign-in, invitation, voice). */
function standAlonePages() {
  const router = readFileSync(new URL('../apps/web/src/app/router.tsx', import.meta.url), 'utf8');
  const before = router.slice(0, router.indexOf('SignedInLayout.tsx'));
  return new Set([...before.matchAll(/import\('\.\.\/(.+?Page\.tsx)'\)/g)].map((m) => `src/${m[1]}`));
}

export function routeSizes() {
  const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'));
  const gzipKb = new Map();
  const sizeOf = (file) => {
    if (!gzipKb.has(file)) gzipKb.set(file, gzipSync(readFileSync(new URL(file, dist))).length / 1024);
    return gzipKb.get(file);
  };
  /** A chunk's file and those of every chunk it imports statically (loaded with it). */
  const closure = (key, files = new Set()) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return files;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) closure(imported, files);
    return files;
  };
  const [entryKey] = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  const entry = closure(entryKey);
  const total = (files) => [...files].reduce((sum, file) => sum + sizeOf(file), 0);
  const standAlone = standAlonePages();
  const withLayout = closure(LAYOUT, new Set(entry));
  const pages = Object.entries(manifest)
    .filter(([, chunk]) => chunk.isDynamicEntry && chunk.src?.endsWith('Page.tsx'))
    .map(([key, chunk]) => {
      const files = closure(key, new Set(standAlone.has(chunk.src) ? entry : withLayout));
      return { page: chunk.src, firstLoadKb: total(files), ownKb: total(files) - total(entry) };
    })
    .sort((a, b) => b.firstLoadKb - a.firstLoadKb);
  return { entryKb: total(entry), pages };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { entryKb, pages } = routeSizes();
  console.log(`Script on first load, gzip KB (the app's entry alone: ${entryKb.toFixed(1)}):`);
  for (const { page, firstLoadKb, ownKb } of pages) {
    const budget = BUDGETS[page];
    const mark = budget
      ? firstLoadKb > budget
        ? `  OVER the budget of ${budget}`
        : `  (budget ${budget})`
      : '';
    console.log(
      `  ${firstLoadKb.toFixed(1).padStart(6)}  (+${ownKb.toFixed(1).padStart(5)})  ${page}${mark}`,
    );
  }
  const over = pages.filter(({ page, firstLoadKb }) => BUDGETS[page] && firstLoadKb > BUDGETS[page]);
  const missing = Object.keys(BUDGETS).filter((page) => !pages.some((p) => p.page === page));
  if (missing.length) console.error(`No chunk of its own for ${missing.join(', ')}: is the page still lazy?`);
  if (over.length || missing.length) process.exit(1);
}
