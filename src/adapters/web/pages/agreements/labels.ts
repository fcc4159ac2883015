import { api } from '../../api.ts';
import type { AgreementReference } from '../../api-types.ts';
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
