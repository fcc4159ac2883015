import { DEMO_PASSWORD, demoOrganisations, demoUsers } from '../../../domain/demo/northshire.ts';
import { roleLabels } from '../../../domain/partnership/roles.ts';

/** Printed at start: the demo accounts, clearly marked as demo only. */
export function printDemoSignIn(justSeeded: boolean): void {
  console.log(
    `\nDEMO ONLY - Northshire Safeguarding Children Partnership${justSeeded ? ' (just created)' : ''}`,
  );
  console.log(`Every demo account uses the password: ${DEMO_PASSWORD}`);
  for (const user of demoUsers) {
    const organisation = demoOrganisations.find((o) => o.key === user.organisation)?.name ?? '';
    console.log(`  ${user.email.padEnd(34)} ${roleLabels[user.role]}, ${organisation}`);
  }
  console.log('These accounts are for trying Tessera. Never load the demo into a real deployment.\n');
}
