/**
 * The API's floor plan, checked in CI (`npm run lint`). docs/architecture.md explains each rule.
 * Violations that existed when a rule arrived are listed in .dependency-cruiser-known-violations.json
 * and may only shrink: a new import that breaks a rule fails the build.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const modules = '^apps/api/src/modules/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycle anywhere: the domain, the API and the web each read from the bottom up.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-is-the-ground-floor',
      comment: 'lib/ is what every feature stands on, so it imports none of them.',
      severity: 'error',
      from: { path: '^apps/api/src/lib/' },
      to: { path: modules },
    },
    {
      name: 'no-foreign-tables',
      comment:
        "A feature reads another feature's data through that feature's repository, never its tables. " +
        'Tables may name another table for a foreign key, and tests may read any table to check what was written.',
      severity: 'error',
      from: {
        path: `${modules}([^/]+)/`,
        pathNot: ['[.](table|test)[.]ts$', `${modules}placements/placements[.]repository[.]ts$`],
      },
      to: { path: `${modules}[^/]+/[^/]+[.]table[.]ts$`, pathNot: `${modules}$1/` },
    },
    {
      name: 'no-foreign-tables',
      comment:
        "The one listed exception: the placements' repository joins the pupils' table (not their documents), " +
        'because a placement is not whole without its pupil and its lists filter and order by both ' +
        '(docs/architecture.md). Every other file of the feature asks the repository.',
      severity: 'error',
      from: { path: `${modules}placements/placements[.]repository[.]ts$` },
      to: {
        path: `${modules}[^/]+/[^/]+[.]table[.]ts$`,
        pathNot: [`${modules}placements/`, `${modules}pupils/pupils[.]table[.]ts$`],
      },
    },
    {
      name: 'pages-call-through-their-api-file',
      comment:
        "A page calls the API through its feature's *.api.ts hooks, whose types come from the shared contracts " +
        '(@waymark/domain/contracts/*). The app shell only registers what happens when the session ends.',
      severity: 'error',
      from: { path: '^apps/web/src/.+[.]tsx$', pathNot: '^apps/web/src/app/App[.]tsx$' },
      to: { path: '^apps/web/src/api/client[.]ts$' },
    },
    {
      name: 'audit-trail-through-its-module',
      comment: 'Features write the audit log with lib/audit-log.ts and read it through the audit-log module.',
      severity: 'error',
      from: { path: modules, pathNot: [`${modules}audit-log/`, '[.]test[.]ts$'] },
      to: { path: '^apps/api/src/lib/audit-log[.]table[.]ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
