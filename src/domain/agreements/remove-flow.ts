import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/errors.ts';
import { changeFlow } from './change-flow.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import type { AgreementRecord } from './load-agreements.ts';
import { deleteFlow } from './write-version.ts';

/** Removes one flow from a Tier 2 draft; the others keep their numbers. */
export async function removeFlow(
  deps: AgreementDeps,
  actor: Actor,
  input: { agreementId: string; flowId: string },
): Promise<AgreementRecord> {
  return changeFlow(
    deps,
    actor,
    input.agreementId,
    'agreement.flow_removed',
    ({ draft }) => {
      const index = draft.flows.findIndex((f) => f.id === input.flowId);
      if (index < 0) throw notFound('The flow');
      return {
        flows: draft.flows.filter((_, i) => i !== index),
        flowIndex: index,
        flowId: input.flowId,
        position: draft.flows[index]!.position,
      };
    },
    ({ tx, key }, id) => deleteFlow(tx, key, id),
  );
}
