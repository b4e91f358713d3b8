import { type RoleName, roles } from '@waymark/domain';
import { DEMO_AUTHENTICATOR_KEY } from './demo-trust.ts';

export interface DemoSignIn {
  email: string;
  password: string;
  role: string;
  where: string;
}

export function printDemoSignIns(signIns: DemoSignIn[]): void {
  const width = Math.max(...signIns.map((s) => s.email.length));
  console.log(`\nDemo sign-ins (password for all: ${signIns[0]?.password}):`);
  const roleOf = (role: string) => (role in roles ? roles[role as RoleName].label : role);
  const roleWidth = Math.max(...signIns.map((s) => roleOf(s.role).length));
  for (const s of signIns)
    console.log(`  ${s.email.padEnd(width)}  ${roleOf(s.role).padEnd(roleWidth)}  ${s.where}`);
  console.log(
    `\nAdministrators, headteachers, AP leads and DSLs also enter a code from an authenticator app:\nadd the demo key ${DEMO_AUTHENTICATOR_KEY} to one (demo accounts only).`,
  );
  console.log('');
}
