import type { z } from '@hono/zod-openapi';
import { fieldGroupDefinitions } from '../../../domain/policy/field-groups.ts';
import { purposeDefinitions } from '../../../domain/policy/purposes.ts';
import type { ChronologyEntry } from '../../../domain/view/build-child-view.ts';
import type { ChronologyView } from '../../../domain/view/find-chronology.ts';
import type { ChildView } from '../../../domain/view/get-child-view.ts';
import { recordKindLabel } from '../../../domain/view/record-kind-labels.ts';
import type { ChildViewResponse, ChronologyResponse } from '../contracts/view.ts';
import { disclosureView } from './policy-view.ts';

/** The view's results as the HTTP contract's JSON: dates as ISO strings, labels beside ids. */
const entryView = (e: ChronologyEntry) => ({
  ...e,
  fieldGroupLabel: fieldGroupDefinitions[e.fieldGroup].label,
  kindLabel: recordKindLabel(e.kind),
  recordedAt: e.recordedAt.toISOString(),
});

export function toChildViewResponse(view: ChildView): z.infer<typeof ChildViewResponse> {
  return {
    personId: view.personId,
    purpose: view.purpose,
    purposeLabel: purposeDefinitions[view.purpose].label,
    identity: view.identity.map((i) => ({
      field: i.field,
      values: i.values.map((v) => ({ ...v, sources: [...v.sources] })),
    })),
    flags: [...view.flags],
    agencies: view.agencies.map((a) => ({ ...a, fieldGroups: [...a.fieldGroups] })),
    chronology: view.chronology.map(entryView),
    family: {
      members: view.family.members.map((m) => ({ ...m, evidence: [...m.evidence] })),
      households: view.family.households.map((h) => ({
        ...h,
        memberPersonIds: [...h.memberPersonIds],
        evidence: [...h.evidence],
      })),
    },
    shownBecause: view.shownBecause.map(disclosureView),
    neverShownForPurpose: view.neverShownForPurpose.map((g) => ({
      fieldGroup: g,
      label: fieldGroupDefinitions[g].label,
    })),
  };
}

export function toChronologyResponse(view: ChronologyView): z.infer<typeof ChronologyResponse> {
  return {
    personId: view.personId,
    purpose: view.purpose,
    purposeLabel: purposeDefinitions[view.purpose].label,
    entries: view.entries.map(entryView),
    shownBecause: view.shownBecause.map(disclosureView),
    decisions: view.decisions.map((d) => ({ ...d, recordedAt: d.recordedAt.toISOString() })),
  };
}
