import type { Actor } from '../shared/actor.ts';
import type { FlowContent } from './agreement-terms.ts';
import { changeFlow } from './change-flow.ts';
import { normaliseFlow } from './check-context.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import type { AgreementRecord } from './load-agreements.ts';
import { insertFlow } from './write-version.ts';

/** Adds a flow to a Tier 2 draft, numbered after the last one. */
export async function addFlow(
  deps: AgreementDeps,
  actor: Actor,
  input: { agreementId: string; flow: FlowContent },
): Promise<AgreementRecord> {
  const flow = normaliseFlow(input.flow);
  const flowId = deps.ids.uuid();
  return changeFlow(
    deps,
    actor,
    input.agreementId,
    'agreement.flow_added',
    ({ draft }) => ({
      flows: [...draft.flows, flow],
      flowIndex: draft.flows.length,
      flowId,
      position: Math.max(0, ...draft.flows.map((f) => f.position)) + 1,
    }),
    ({ tx, key }, id, position) => insertFlow(tx, key, flow, { id, position }),
  );
}
