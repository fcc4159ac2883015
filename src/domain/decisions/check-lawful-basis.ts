import type { GatewayDescription } from '../agreements/gateway-directory.ts';
import { art9Point, art9Sched1Requirement } from '../agreements/legal-rules.ts';
import type { GatewayKind } from '../gateways/gateway-kinds.ts';
import { fieldGroupDefinitions, type DataCategory, type FieldGroup } from '../policy/field-groups.ts';
import type { FieldProblem } from '../shared/errors.ts';

/**
 * Whether the gateways a decision to share names make it lawful for the data it discloses
 * (DOMAIN.md section 7; the same facts of law agreements/check-flow.ts checks a flow against):
 * - every share needs a UK GDPR Art 6 lawful basis;
 * - special category data (Art 9) needs an Art 9(2) condition, and where DPA 2018 s10(2)/(3)
 *   says so (Art 9(2)(b), (g), (h), (i), (j)) a Schedule 1 condition with it;
 * - criminal offence data needs the Art 10 condition with a Schedule 1 condition (DPA 2018 s10(5)).
 * Each id must be in the catalogue. The answer names what is missing, by field, so the decision
 * is refused with nothing written.
 */
export function lawfulBasisProblems(
  ids: readonly string[],
  groups: readonly FieldGroup[],
  known: ReadonlyMap<string, GatewayDescription>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  ids.forEach((id, i) => {
    if (!known.has(id))
      problems.push({ field: `lawfulBasis.${i}`, problem: `${id} is not in the legal gateway catalogue` });
  });
  const ofKind = (kind: GatewayKind) => ids.filter((id) => known.get(id)?.kind === kind);
  const categories = new Set<DataCategory>(groups.map((g) => fieldGroupDefinitions[g].category));
  const groupsOf = (category: DataCategory) =>
    groups
      .filter((g) => fieldGroupDefinitions[g].category === category)
      .map((g) => fieldGroupDefinitions[g].label.toLowerCase())
      .join(', ');
  const missing = (problem: string) => problems.push({ field: 'lawfulBasis', problem });

  if (ofKind('uk_gdpr_art6').length === 0)
    missing('Name a UK GDPR Article 6 lawful basis (such as UKGDPR-6-1-e, public task)');
  if (categories.has('special_category')) {
    const art9 = ofKind('uk_gdpr_art9');
    if (art9.length === 0)
      missing(`Name a UK GDPR Article 9 condition: ${groupsOf('special_category')} is special category data`);
    const needsSched1 = art9.some((id) => {
      const point = art9Point(id);
      return point !== undefined && art9Sched1Requirement[point] !== undefined;
    });
    if (needsSched1 && ofKind('dpa_sched1').length === 0)
      missing('Name the DPA 2018 Schedule 1 condition the Article 9 condition needs (DPA 2018 s10)');
  }
  if (categories.has('criminal_offence')) {
    if (ofKind('uk_gdpr_art10').length === 0)
      missing(
        `Name the UK GDPR Article 10 condition: ${groupsOf('criminal_offence')} is criminal offence data`,
      );
    if (ofKind('dpa_sched1').length === 0)
      missing('Name the DPA 2018 Schedule 1 condition criminal offence data rests on (DPA 2018 s10(5))');
  }
  return problems;
}
