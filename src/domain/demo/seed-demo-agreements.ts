import type { AgreementDeps } from '../agreements/gateway-directory.ts';

export async function seedDemoAgreements(_deps: AgreementDeps): Promise<{ agreements: number }> {
  return Promise.resolve({ agreements: 0 });
}
