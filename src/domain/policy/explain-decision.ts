import { roleLabels, type Role } from '../partnership/roles.ts';
import type { AgreementBasis, FieldGroupDecision } from './access-decision.ts';
import { fieldGroupDefinitions } from './field-groups.ts';
import { purposeDefinitions } from './purposes.ts';

/**
 * A decision in words a practitioner understands ("why can I see this"). Golden rule 7 of the
 * 2024 advice asks practitioners to be able to explain what was shared and why, and to explain a
 * refusal; the words name the agreement, the organisations, the information and the purpose.
 */
export interface ExplainContext {
  /** The actor's role and organisation: the receiver of every flow. */
  readonly role: Role;
  readonly viewerOrganisationId: string;
  /** A name for an organisation id of the partnership (falls back to "an organisation"). */
  readonly organisationName: (id: string) => string | undefined;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

export function explainDecision(decision: FieldGroupDecision, context: ExplainContext): string {
  const name = (id: string) => context.organisationName(id) ?? 'an organisation';
  const group = `'${fieldGroupDefinitions[decision.fieldGroup].label}'`;
  const purpose = `'${purposeDefinitions[decision.purpose].label}'`;
  const holder = name(decision.holderOrganisationId);
  const viewer = name(context.viewerOrganisationId);
  const describe = (a: AgreementBasis) =>
    `agreement ${a.reference} (${a.title}, ${name(a.fromOrganisationId)} → ${name(a.toOrganisationId)})`;

  if (decision.outcome === 'allow') {
    if (decision.agreement === null) {
      return `Shown because ${holder} is your own organisation: it holds this record itself, and ${withArticle(roleName(context.role))} may use its records for the purpose ${purpose}`;
    }
    return `Shown because ${describe(decision.agreement)} covers ${group} for the purpose ${purpose}`;
  }

  const refs = references(decision.agreements);
  switch (decision.reason) {
    case 'role_not_permitted':
      return `Not shown: ${withArticle(roleName(context.role))} may not act for the purpose ${purpose}`;
    case 'no_agreement':
      return `Not shown: no agreement in force lets ${viewer} see ${group} held by ${holder} for ${purpose}`;
    case 'purpose_not_covered':
      return `Not shown: ${refs.several ? `the agreements in force between ${holder} and ${viewer} (${refs.list}) do` : `the only agreement in force between ${holder} and ${viewer}, ${refs.list}, does`} not cover the purpose ${purpose}`;
    case 'field_group_not_covered':
      return `Not shown: ${refs.several ? `agreements ${refs.list} let` : `agreement ${refs.list} lets`} ${viewer} see information held by ${holder} for ${purpose}, but not ${group}`;
    case 'agreement_expired': {
      // The one that ended last is the one the practitioner will remember.
      const a = [...decision.agreements].sort(
        (x, y) => (y.validTo?.getTime() ?? 0) - (x.validTo?.getTime() ?? 0),
      )[0]!;
      const ended = a.validTo ? ` on ${dateFormat.format(a.validTo)}` : '';
      return `Not shown: ${describe(a)} covered ${group} for the purpose ${purpose}, but stopped being in force${ended}`;
    }
    case 'agreement_not_started': {
      const a = [...decision.agreements].sort((x, y) => x.validFrom.getTime() - y.validFrom.getTime())[0]!;
      return `Not shown: ${describe(a)} will cover ${group} for the purpose ${purpose}, but is not in force until ${dateFormat.format(a.validFrom)}`;
    }
  }
}

function roleName(role: Role): string {
  const label = roleLabels[role];
  return label.charAt(0).toLowerCase() + label.slice(1);
}

function withArticle(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function references(agreements: readonly AgreementBasis[]): { list: string; several: boolean } {
  const unique = [...new Set(agreements.map((a) => a.reference))];
  const list =
    unique.length <= 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)!}`;
  return { list, several: unique.length > 1 };
}
