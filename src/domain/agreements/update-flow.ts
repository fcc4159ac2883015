import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/errors.ts';
import type { FlowContent } from './agreement-terms.ts';
import { changeFlow } from './change-flow.ts';
import { normaliseFlow } from './check-context.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import type { AgreementRecord } from './load-agreements.ts';
import { replaceFlow } from './write-version.ts';

/** Replaces one flow of a Tier 2 draft; it keeps its number. */
export async function updateFlow(
  deps: AgreementDeps,
  actor: Actor,
  input: { agreementId: string; flowId: string; flow: FlowContent },
): Promise<AgreementRecord> {
  const flow = normaliseFlow(input.flow);
  return changeFlow(
    deps,
    actor,
    input.agreementId,
    'agreement.flow_updated',
    ({ draft }) => {
      const index = draft.flows.findIndex((f) => f.id === input.flowId);
      if (index < 0) throw notFound('The flow');
      return {
        flows: draft.flows.map((f, i) => (i === index ? flow : f)),
        flowIndex: index,
        flowId: input.flowId,
        position: draft.flows[index]!.position,
      };
    },
    ({ tx, key }, id) => replaceFlow(tx, key, id, flow),
  );
}
