import { createMongoAbility, subject, type MongoAbility, type MongoQuery } from '@casl/ability';
import type { Role } from '../../src/domain/partnership/roles.ts';
import { fieldGroups } from '../../src/domain/policy/field-groups.ts';
import type { FlowInForce } from '../../src/domain/policy/flows-in-force.ts';
import type { Purpose } from '../../src/domain/policy/purposes.ts';
import { rolePurposes } from '../../src/domain/policy/role-purposes.ts';
import type { BenchRequest } from './partnership.ts';

/**
 * The same rule written with @casl/ability, the usual library for attribute-based checks, as the
 * baseline: one ability per (organisation, role), built once and cached exactly as the compiled
 * policy is, with field-level rules (fields = field groups) and conditions on holder, purpose
 * and validity window. It answers only yes or no; the compiled decision also names the flow or
 * the reason, so the comparison favours CASL.
 */
type Ability = MongoAbility<['read', 'SubjectData']>;

export function caslAbilityFactory(flows: readonly FlowInForce[]): (actor: BenchRequest['actor']) => Ability {
  const cache = new Map<string, Ability>();
  return (actor) => {
    const key = `${actor.partnershipId}|${actor.organisationId}|${actor.role}`;
    let ability = cache.get(key);
    if (!ability) {
      ability = buildAbility(flows, actor);
      cache.set(key, ability);
    }
    return ability;
  };
}

function buildAbility(flows: readonly FlowInForce[], actor: BenchRequest['actor']): Ability {
  const mayAct = rolePurposes[actor.role as Role] as readonly Purpose[];
  const rules: { action: 'read'; subject: 'SubjectData'; fields: string[]; conditions: MongoQuery }[] = [];
  if (mayAct.length > 0) {
    rules.push({
      action: 'read',
      subject: 'SubjectData',
      fields: [...fieldGroups],
      conditions: { holder: actor.organisationId, purpose: { $in: [...mayAct] } },
    });
  }
  for (const flow of flows) {
    if (flow.partnershipId !== actor.partnershipId || flow.toOrganisationId !== actor.organisationId)
      continue;
    const allowed = flow.purposes.filter((p) => mayAct.includes(p));
    if (allowed.length === 0) continue;
    rules.push({
      action: 'read',
      subject: 'SubjectData',
      fields: [...flow.fieldGroups],
      conditions: {
        holder: flow.fromOrganisationId,
        purpose: { $in: allowed },
        at: { $gte: flow.validFrom.getTime(), $lt: flow.validTo?.getTime() ?? Number.MAX_SAFE_INTEGER },
      },
    });
  }
  return createMongoAbility<Ability>(rules);
}

export function caslAllows(ability: Ability, request: BenchRequest, atMs: number): boolean {
  return ability.can(
    'read',
    subject('SubjectData', { holder: request.holder, purpose: request.purpose, at: atMs }) as never,
    request.fieldGroup,
  );
}
