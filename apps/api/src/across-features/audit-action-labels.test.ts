import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditActionLabels } from '@waymark/domain';
import { describe, expect, it } from 'vitest';

const source = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every action the API can record: each literal `action: '…'`, and the headteacher's decisions. */
function recordedActions(): string[] {
  const actions = new Set<string>();
  for (const file of sourceFiles(source)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/action: '([a-z_]+\.[a-z_.]+)'/g)) actions.add(match[1]!);
    // The decisions are recorded as a template, `providers.` followed by the kind of decision.
    if (/action: `providers\.\$\{kind\}`/.test(text)) {
      const kinds = /export type DecisionKind = ([^;]+);/.exec(text)?.[1] ?? '';
      for (const kind of kinds.matchAll(/'([a-z_]+)'/g)) actions.add(`providers.${kind[1]}`);
    }
  }
  return [...actions].sort();
}

describe('audit log actions in words', () => {
  it('gives every action the API records a label a person can read', () => {
    const actions = recordedActions();
    // The scan itself must find the actions, or the check below would pass on nothing.
    expect(actions.length).toBeGreaterThan(100);
    expect(actions).toContain('providers.approved');
    expect(actions.filter((action) => !auditActionLabels[action])).toEqual([]);
  });

  it('labels no action the API no longer records', () => {
    expect(Object.keys(auditActionLabels).sort()).toEqual(recordedActions());
  });
});
