import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { DomainError } from '../shared/errors.ts';
import { authorise } from './authorise.ts';
import { partnershipWide } from './capabilities.ts';
import type { OrganisationType } from './roles.ts';
import { organisation } from './schema.ts';
import { isUniqueViolation } from './unique-violation.ts';

export interface OrganisationRecord {
  readonly id: string;
  readonly name: string;
  readonly type: OrganisationType;
  readonly createdAt: Date;
}

export async function createOrganisation(
  deps: Deps,
  actor: Actor,
  input: { id?: string; name: string; type: OrganisationType },
): Promise<OrganisationRecord> {
  await authorise(deps, actor, 'manage_partnership', partnershipWide, 'organisation.create');
  const id = input.id ?? deps.ids.uuid();
  try {
    return await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(organisation)
        .values({ partnershipId: actor.partnershipId, id, name: input.name, type: input.type })
        .returning();
      await appendAuditEvent(tx, {
        actor,
        action: 'organisation.created',
        outcome: 'success',
        details: { name: input.name, type: input.type },
        subject: { type: 'organisation', id },
      });
      return { id, name: row!.name, type: input.type, createdAt: row!.createdAt };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('conflict', 'Check the highlighted fields', {
        fields: [{ field: 'name', problem: 'An organisation with this name is already in the partnership' }],
      });
    }
    throw error;
  }
}
