import { createRequest, type RequestDeps } from '../requests/create-request.ts';
import type { CreateRequestInput } from '../requests/request-input.ts';
import { setRagTimescales } from '../requests/set-rag-timescales.ts';
import { systemActor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import type { PartnershipId } from '../shared/ids.ts';
import { demoOrganisations, demoPartnership } from './northshire.ts';
import { northshireTimescales } from './northshire-timescales.ts';
import { membershipActors } from './seed-demo-agreements.ts';

const orgId = (key: string) => demoOrganisations.find((o) => o.key === key)!.id;

/**
 * A few open requests from Northshire's front door, so the inboxes have something to show.
 * Synthetic children (DEMO ONLY); each names the child well enough to find one (the search rule).
 */
export const demoRequests: readonly CreateRequestInput[] = [
  {
    child: { firstName: 'Sam', lastName: 'Taylor', dob: '2017-03-14' },
    purpose: 's47_enquiry',
    gatewayId: 'CA1989-S47',
    rag: 'red',
    question:
      'Strategy discussion this afternoon: any incidents at the home address, and any A&E attendances, in the last 12 months?',
    partnerChecks: [{ organisationId: orgId('police') }, { organisationId: orgId('trust') }],
  },
  {
    child: { firstName: 'Mia', lastName: 'Hughes', dob: '2014-09-02' },
    purpose: 's17_assessment',
    gatewayId: 'CA1989-S17',
    rag: 'amber',
    question: 'Is the family known to you? Any concerns about attendance or presentation this term?',
    partnerChecks: [{ organisationId: orgId('school') }, { organisationId: orgId('gp') }],
  },
  {
    child: { firstName: 'Leo', lastName: 'Grant', dob: '2019-06-21' },
    purpose: 'safeguarding',
    gatewayId: 'CA2004-S11',
    rag: 'green',
    question: 'Front-door screening: any involvement with the household in the last two years?',
    partnerChecks: [{ organisationId: orgId('police') }, { organisationId: orgId('housing') }],
  },
];

/** Sets the demo partnership's RAG timescales (Merton's MASH: northshire-timescales.ts). */
export async function seedDemoTimescales(deps: Deps): Promise<void> {
  await setRagTimescales(
    deps,
    systemActor(demoPartnership.id as PartnershipId, 'demo-seed'),
    northshireTimescales,
  );
}

/** The demo requests, made by the council's front door officer through the real use case. */
export async function seedDemoRequests(deps: RequestDeps): Promise<{ requests: number }> {
  const actors = await membershipActors(deps, demoPartnership.id as PartnershipId);
  const frontDoor = actors.find((a) => a.organisationId === orgId('csc') && a.role === 'front_door_officer');
  if (!frontDoor) throw new Error('demo: no front door officer at the council');
  for (const request of demoRequests) await createRequest(deps, frontDoor, request);
  return { requests: demoRequests.length };
}
