import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AgreementVersion } from '../../api-types.ts';
import {
  draftFormOf,
  emptyDraft,
  flowBody,
  FORM_FIELDS,
  problemsForForm,
  sectionsBody,
  tier1Body,
} from './draft-form.ts';

const problem = (field: string) => ({ field, problem: `Problem with ${field}` });

describe('the agreement draft form', () => {
  test('a problem about one item of a list is shown at the field that holds the list', () => {
    const mapped = problemsForForm([
      problem('parties.1.organisationId'),
      problem('flows.0.toOrganisationIds.1'),
      problem('flows.0.statutoryGatewayIds.0'),
      problem('title'),
    ]);
    assert.deepEqual(
      mapped.map((p) => p.field),
      ['parties', 'flows.0.toOrganisationIds', 'flows.0.statutoryGatewayIds', 'title'],
    );
    assert.ok(mapped.every((p) => FORM_FIELDS.includes(p.field)));
  });

  test("a flow endpoint's problems are shown at the flow's fields, and unknown ones stay unlinked", () => {
    const mapped = problemsForForm([problem('art6BasisId'), problem('(body)'), problem('nonsense')], true);
    assert.deepEqual(
      mapped.map((p) => p.field),
      ['flows.0.art6BasisId', '(body)', 'flows.0.nonsense'],
    );
    assert.ok(!FORM_FIELDS.includes('flows.0.nonsense'));
  });

  test("each party's contact is sent with the party, a blank one as null, an unticked party's not at all", () => {
    const form = {
      ...emptyDraft,
      parties: ['police', 'csc'],
      contacts: { police: 'Data protection officer, dpo@police.example', csc: '  ', school: 'Head' },
    };
    assert.deepEqual(sectionsBody(form).parties, [
      { organisationId: 'police', contact: 'Data protection officer, dpo@police.example' },
      { organisationId: 'csc', contact: null },
    ]);
  });

  test('an empty optional gateway is sent as null and an empty form sends no data categories', () => {
    const body = flowBody(emptyDraft.flow);
    assert.equal(body.art9ConditionId, null);
    assert.equal(body.confidentialityGround, null);
    assert.deepEqual(body.statutoryGatewayIds, []);
    assert.equal('dataCategories' in body, false);
  });

  test('editing keeps what the form has no fields for: more gateways, data categories, contacts, end date', () => {
    const flow = {
      id: 'f1',
      position: 1,
      name: 'Police checks',
      from: [{ organisationId: 'police', name: 'Police' }],
      to: [{ organisationId: 'csc', name: 'Council' }],
      purposes: ['front_door_screening'],
      fieldGroups: ['identity'],
      dataCategories: ['personal'],
      art6BasisId: 'UKGDPR-6-1-e',
      art9ConditionId: null,
      art9Sched1ConditionId: null,
      art10ConditionId: 'UKGDPR-10',
      art10Sched1ConditionId: 'DPA-S1-P18',
      statutoryGatewayIds: ['CA2004-S16E', 'CA2004-S11'],
      confidentialityGatewayId: null,
      confidentialityGround: null,
      otherGatewayIds: ['WT2023'],
      method: 'tessera',
      methodDetail: 'Through the MASH inbox',
      frequency: 'per_case',
      retention: null,
      dpiaReference: 'DPIA-1',
    };
    const version = {
      title: 'Front door',
      summary: 'Why',
      parties: [
        { organisationId: 'police', name: 'Police', contact: 'DPO', signed: true },
        { organisationId: 'csc', name: 'Council', contact: null, signed: true },
      ],
      startDate: '2026-01-01',
      reviewDate: '2027-01-01',
      endDate: '2028-01-01',
      security: 'Secure',
      retention: 'Six years',
      rights: 'Privacy notices',
      purposes: [],
      gatewayIds: [],
      dataCategories: [],
      flows: [flow],
    } as unknown as AgreementVersion;

    const form = draftFormOf(version, 't1');
    assert.equal(form.flow.statutoryGatewayId, 'CA2004-S16E');
    const body = flowBody(form.flow);
    assert.deepEqual(body.statutoryGatewayIds, flow.statutoryGatewayIds);
    assert.deepEqual(body.otherGatewayIds, flow.otherGatewayIds);
    assert.deepEqual(body.dataCategories, flow.dataCategories);
    assert.equal(body.methodDetail, flow.methodDetail);
    assert.equal(body.art10Sched1ConditionId, 'DPA-S1-P18');
    assert.equal(body.retention, null);
    const sections = sectionsBody(form);
    assert.deepEqual(sections.parties, [
      { organisationId: 'police', contact: 'DPO' },
      { organisationId: 'csc', contact: null },
    ]);
    assert.equal(sections.endDate, '2028-01-01');
  });

  test("a Tier 1 draft's purposes, gateways and data categories come back as they were", () => {
    const version = {
      title: 'Framework',
      summary: 'Why',
      parties: [],
      startDate: '2026-04-01',
      reviewDate: '2028-04-01',
      endDate: null,
      security: 'Secure',
      retention: 'Schedules',
      rights: 'Notices',
      purposes: ['s47_enquiry', 'early_help'],
      gatewayIds: ['CA1989-S47', 'UKGDPR-6-1-e'],
      dataCategories: ['personal'],
      flows: [],
    } as unknown as AgreementVersion;
    assert.deepEqual(tier1Body(draftFormOf(version, '')), {
      purposes: ['s47_enquiry', 'early_help'],
      gatewayIds: ['CA1989-S47', 'UKGDPR-6-1-e'],
      dataCategories: ['personal'],
    });
    assert.deepEqual(tier1Body(emptyDraft), { purposes: [], gatewayIds: [], dataCategories: [] });
  });
});
