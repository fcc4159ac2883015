import { fieldGroupDefinitions, type FieldGroup } from '../policy/field-groups.ts';

/** What a decision sentence needs (decisions/decision-store.ts's DecisionRecord has it all). */
export interface DescribableDecision {
  readonly decision: 'share' | 'not_share';
  readonly kind: 'original' | 'correction' | 'reopening';
  readonly version: number;
  readonly fieldGroups: readonly { readonly group: FieldGroup }[];
  readonly organisationName: string | null;
  readonly recipientOrganisationName: string | null;
  readonly decidedByName: string | null;
}

/**
 * A decision to share or not to share as one plain sentence for the chronology and the
 * disclosures list, in the words of the field groups ("Shared attendance and exclusions and
 * education with Northshire Police (decision recorded by Jo Baker, Riverside Primary School)").
 * No ids, no codes; the reasons stay in the record, shown only when it is opened.
 */
export function describeDecision(d: DescribableDecision): string {
  const to = d.recipientOrganisationName ? ` with ${d.recipientOrganisationName}` : '';
  const what = inWords(d.fieldGroups.map((g) => fieldGroupDefinitions[g.group].label.toLowerCase()));
  const act =
    d.decision === 'share'
      ? `Shared ${what || 'information'}${to}`
      : `Decided not to share${what ? ` ${what}` : ''}${to}`;
  const by = [d.decidedByName, d.organisationName].filter(Boolean).join(', ');
  const version =
    d.kind === 'correction'
      ? `, correcting version ${d.version - 1}`
      : d.kind === 'reopening'
        ? ', reopened on new information'
        : '';
  return `${act} (decision recorded by ${by || 'an unknown user'}${version})`;
}

function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
