import { describe, expect, it } from 'vitest';
import { safeError, safeMessage } from './logging.ts';

describe('what an error may leave in the log', () => {
  it("keeps a failed query's SQL and drops its parameters", () => {
    expect(
      safeMessage('Failed query: insert into pupils (legal_last_name) values ($1)\nparams: Jordan,Reeve'),
    ).toBe('Failed query: insert into pupils (legal_last_name) values ($1)\nparams: [not logged]');
  });

  it('drops the value PostgreSQL quotes back, and the row it says failed', () => {
    expect(safeMessage('invalid input syntax for type uuid: "Jordan Reeve"')).toBe(
      'invalid input syntax for type uuid: [value not logged]',
    );
    expect(
      safeMessage('new row violates check constraint "x" Failing row contains (1, Jordan, Reeve).'),
    ).toBe('new row violates check constraint "x"');
    // A constraint's own name is where, not what: it stays.
    expect(safeMessage('duplicate key value violates unique constraint "users_email_unique"')).toBe(
      'duplicate key value violates unique constraint "users_email_unique"',
    );
  });

  it('keeps the kind, code, place and frames of an error and its causes, never its detail', () => {
    const cause = Object.assign(new Error('insert failed\nparams: kerry@example.org'), {
      code: '23505',
      table: 'users',
      constraint: 'users_email_unique',
      detail: 'Key (email)=(kerry@example.org) already exists.',
    });
    const error = new Error('Seeding failed', { cause });
    const logged = safeError(error);
    expect(logged).toMatchObject({
      type: 'Error',
      message: 'Seeding failed',
      cause: { code: '23505', table: 'users', constraint: 'users_email_unique' },
    });
    expect(logged.stack).toMatch(/^Error: Seeding failed\n\s+at /);
    expect(JSON.stringify(logged)).not.toContain('kerry@example.org');
  });
});
