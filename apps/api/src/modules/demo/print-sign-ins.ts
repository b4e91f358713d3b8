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
  for (const s of signIns) console.log(`  ${s.email.padEnd(width)}  ${s.role.padEnd(18)}  ${s.where}`);
  console.log(
    `\nAdministrators, headteachers, AP leads and DSLs also enter a code from an authenticator app:\nadd the demo key ${DEMO_AUTHENTICATOR_KEY} to one (demo accounts only).`,
  );
  console.log('');
}
