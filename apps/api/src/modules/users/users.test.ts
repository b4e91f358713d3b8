import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../lib/audit-log.table.ts';
import { buildTrust, buildUser, TEST_PASSWORD } from '../../test/builders.ts';
import { signedInClient, type TestClient } from '../../test/http-client.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { users } from './users.table.ts';

let t: TestApp;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  trust = await buildTrust(t.database.db);
  admin = await signedInClient(t.app, trust.admin.email);
});
afterAll(() => t.close());

const newUserBody = (email: string, schoolId: string) => ({
  email,
  displayName: 'Nia Jones',
  password: 'a long first password',
  assignments: [{ role: 'attendance_officer', scopeType: 'school', scopeId: schoolId }],
});

describe('an administrator manages users', () => {
  it('creates a user with a school role, who can then sign in, and the change is in the audit log', async () => {
    const response = await admin.post('/api/users', newUserBody('Nia.Jones@Alder.example', trust.schoolA.id));
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ email: 'nia.jones@alder.example', isActive: true });
    expect(created.assignments).toEqual([
      expect.objectContaining({ role: 'attendance_officer', scopeName: 'Alder School' }),
    ]);
    expect(created).not.toHaveProperty('passwordHash');

    const nia = await signedInClient(t.app, 'nia.jones@alder.example', 'a long first password');
    expect((await nia.get('/api/auth/session')).json().session.assignments[0].role).toBe(
      'attendance_officer',
    );

    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.recordId, created.id));
    expect(event).toMatchObject({ action: 'users.created', actorUserId: trust.admin.id });
    expect(event!.summary).toContain('Attendance officer at Alder School');
  });

  it('refuses a second user with the same email, in any letter case, and writes nothing', async () => {
    await admin.post('/api/users', newUserBody('twice@alder.example', trust.schoolA.id));
    const before = await t.database.db.select().from(auditEvents);
    const response = await admin.post('/api/users', newUserBody('TWICE@alder.example', trust.schoolA.id));
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'users.email_taken', fields: [{ path: 'email' }] });
    expect(await t.database.db.select().from(auditEvents)).toHaveLength(before.length);
  });

  it('refuses a role in a place outside the group, naming the field', async () => {
    const otherTrust = await buildTrust(t.database.db);
    const response = await admin.post(
      '/api/users',
      newUserBody('stray@alder.example', otherTrust.schoolA.id),
    );
    expect(response.json().error).toMatchObject({
      code: 'users.unknown_scope',
      fields: [{ path: 'assignments.0.scopeId' }],
    });
    expect(
      await t.database.db.select().from(users).where(eq(users.email, 'stray@alder.example')),
    ).toHaveLength(0);
  });

  it('refuses a role in a kind of place the role cannot have', async () => {
    const response = await admin.post('/api/users', {
      ...newUserBody('wrongscope@alder.example', trust.group.id),
      assignments: [{ role: 'dsl', scopeType: 'group', scopeId: trust.group.id }],
    });
    expect(response.json().error.fields).toEqual([
      { path: 'assignments.0.scopeType', message: 'This role cannot be given in that kind of scope' },
    ]);
  });

  it('adds and removes roles, each in the audit log', async () => {
    const user = (
      await admin.post('/api/users', newUserBody('roles@alder.example', trust.schoolA.id))
    ).json();
    const added = await admin.post(`/api/users/${user.id}/assignments`, {
      role: 'dsl',
      scopeType: 'school',
      scopeId: trust.schoolB.id,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().assignments).toHaveLength(2);
    const duplicate = await admin.post(`/api/users/${user.id}/assignments`, {
      role: 'dsl',
      scopeType: 'school',
      scopeId: trust.schoolB.id,
    });
    expect(duplicate.json().error.code).toBe('users.duplicate_assignment');
    const dsl = added.json().assignments.find((a: { role: string }) => a.role === 'dsl');
    const removed = await admin.delete(`/api/users/${user.id}/assignments/${dsl.id}`);
    expect(removed.json().assignments).toHaveLength(1);
    const actions = (
      await t.database.db.select().from(auditEvents).where(eq(auditEvents.recordId, user.id))
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['users.role_assigned', 'users.role_removed']));
  });

  it('deactivating a user ends their sessions and stops sign-in', async () => {
    const user = (
      await admin.post('/api/users', newUserBody('leaver@alder.example', trust.schoolA.id))
    ).json();
    const leaver = await signedInClient(t.app, 'leaver@alder.example', 'a long first password');
    const response = await admin.patch(`/api/users/${user.id}`, { isActive: false });
    expect(response.json().isActive).toBe(false);
    expect((await leaver.get('/api/auth/session')).json().session).toBeNull();
    await expect(signedInClient(t.app, 'leaver@alder.example', 'a long first password')).rejects.toThrow(
      /invalid_credentials/,
    );
  });

  it('will not leave the group without an administrator', async () => {
    const self = await admin.patch(`/api/users/${trust.admin.id}`, { isActive: false });
    expect(self.json().error.code).toBe('users.cannot_deactivate_self');
    const adminView = (await admin.get(`/api/users/${trust.admin.id}`)).json();
    const response = await admin.delete(
      `/api/users/${trust.admin.id}/assignments/${adminView.assignments[0].id}`,
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('users.last_administrator');
    expect((await admin.get(`/api/users/${trust.admin.id}`)).json().assignments).toHaveLength(1);
  });

  it('resets a password: old sessions end and a lockout is cleared', async () => {
    const user = await buildUser(t.database.db, { groupId: trust.group.id, email: 'forgot@alder.example' });
    const old = await signedInClient(t.app, user.email);
    expect(
      (await admin.post(`/api/users/${user.id}/password`, { password: 'the new one, longer' })).statusCode,
    ).toBe(204);
    expect((await old.get('/api/auth/session')).json().session).toBeNull();
    await expect(signedInClient(t.app, user.email, TEST_PASSWORD)).rejects.toThrow();
    await signedInClient(t.app, user.email, 'the new one, longer');
  });
});

describe('scope', () => {
  it('a headteacher sees only the users of their own school', async () => {
    const headA = await buildUser(t.database.db, {
      groupId: trust.group.id,
      email: 'head@alder.example',
      roles: [{ role: 'headteacher', scopeType: 'school', scopeId: trust.schoolA.id }],
    });
    const teacherB = await buildUser(t.database.db, {
      groupId: trust.group.id,
      email: 'dsl@birch.example',
      roles: [{ role: 'dsl', scopeType: 'school', scopeId: trust.schoolB.id }],
    });
    const head = await signedInClient(t.app, headA.email);
    const listed = (await head.get('/api/users?pageSize=200')).json();
    const emails = listed.users.map((u: { email: string }) => u.email);
    expect(emails).toContain('head@alder.example');
    expect(emails).not.toContain('dsl@birch.example');
    expect(emails).not.toContain(trust.admin.email);
    expect(listed.pageInfo.total).toBe(listed.users.length);

    const outOfScope = await head.get(`/api/users/${teacherB.id}`);
    expect(outOfScope.statusCode).toBe(404);
    expect(outOfScope.json().error.code).toBe('users.not_found');
    expect(
      (await head.post('/api/users', newUserBody('sneaky@alder.example', trust.schoolA.id))).statusCode,
    ).toBe(403);
  });

  it('an administrator never sees another group’s users', async () => {
    const otherTrust = await buildTrust(t.database.db);
    const outsider = await buildUser(t.database.db, {
      groupId: otherTrust.group.id,
      email: 'outsider@other.example',
    });
    expect((await admin.get(`/api/users/${outsider.id}`)).statusCode).toBe(404);
    const emails = (await admin.get('/api/users?search=outsider')).json().users;
    expect(emails).toEqual([]);
  });

  it('filters by search, role and school, with paging', async () => {
    // Attendance officers of this test's own at school A; one is found by name in any letter case.
    for (const email of ['rhys.search@alder.example', 'tom.page@alder.example', 'uma.page@alder.example'])
      expect((await admin.post('/api/users', newUserBody(email, trust.schoolA.id))).statusCode).toBe(201);
    const page = (
      await admin.get(`/api/users?role=attendance_officer&schoolId=${trust.schoolA.id}&pageSize=2&page=1`)
    ).json();
    expect(page.users).toHaveLength(2);
    expect(page.pageInfo.total).toBeGreaterThanOrEqual(3);
    for (const user of page.users) {
      expect(
        user.assignments.some(
          (a: { role: string; scopeId: string }) =>
            a.role === 'attendance_officer' && a.scopeId === trust.schoolA.id,
        ),
      ).toBe(true);
    }
    const search = (await admin.get('/api/users?search=RHYS.SEARCH')).json();
    expect(search.users.map((u: { email: string }) => u.email)).toEqual(['rhys.search@alder.example']);
  });
});
