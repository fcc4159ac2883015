import { api } from '../../api.ts';
import type { AgreementReference, Gateway } from '../../api-types.ts';
import { humanise } from '../../format.ts';

type ListName = 'purposes' | 'fieldGroups' | 'methods' | 'frequencies' | 'confidentialityGrounds';

/** Labels for the codes an agreement stores, from GET /api/agreements/reference. */
export type Labeller = (list: ListName, code: string) => string;

export function labellerFor(reference: AgreementReference | null): Labeller {
  return (list, code) => reference?.[list].find((o) => o.id === code)?.label ?? humanise(code);
}

export const optionsOf = (items: readonly { id: string; label: string }[]) =>
  items.map((i) => ({ value: i.id, label: i.label }));

export interface NamedOrganisation {
  readonly organisationId: string;
  readonly name: string;
}

/** The partnership's organisations (GET /api/agreements/organisations: anyone who reads agreements). */
export async function partnershipOrganisations(): Promise<NamedOrganisation[]> {
  const organisations = await api.agreementOrganisations();
  return organisations.map((o) => ({ organisationId: o.id, name: o.name }));
}

/** The flow fields that name one gateway of the catalogue. */
export type GatewayField =
  | 'art6BasisId'
  | 'art9ConditionId'
  | 'art9Sched1ConditionId'
  | 'art10ConditionId'
  | 'art10Sched1ConditionId'
  | 'confidentialityGatewayId';

/** Each gateway field accepts gateways of certain kinds only (domain/agreements/legal-rules.ts). */
export const gatewayOptions = (gateways: readonly Gateway[], kinds: readonly string[]) =>
  gateways.filter((g) => kinds.includes(g.kind)).map((g) => ({ value: g.id, label: `${g.id}: ${g.title}` }));

/** Every organisation of the partnership as a picker option. */
export const organisationOptions = (organisations: readonly NamedOrganisation[]) =>
  organisations.map((o) => ({ value: o.organisationId, label: o.name }));
