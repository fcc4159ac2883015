import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { organisationTypes } from '../partnership/roles.ts';
import { purposeDefinitions, purposes } from '../policy/purposes.ts';
import { builtInCatalogue } from './builtin-catalogue.ts';
import { duplicateIds, gatewayProblems } from './gateway.ts';
import { gatewayKinds } from './gateway-kinds.ts';

const byId = new Map(builtInCatalogue.map((g) => [g.id, g]));

describe('the built-in legal gateway catalogue', () => {
  test('has at least 40 gateways, each with a unique id', () => {
    assert.ok(builtInCatalogue.length >= 40, `${builtInCatalogue.length} gateways`);
    assert.deepEqual([...duplicateIds(builtInCatalogue.map((g) => g.id)).keys()], []);
  });

  test('every gateway passes the rules an imported row must pass', () => {
    const problems = builtInCatalogue.flatMap((g) => gatewayProblems(g).map((p) => `${g.id}: ${p.problem}`));
    assert.deepEqual(problems, []);
  });

  test('kinds and organisation types are all known ones', () => {
    for (const g of builtInCatalogue) {
      assert.ok((gatewayKinds as readonly string[]).includes(g.kind), `${g.id} kind ${g.kind}`);
      for (const t of g.organisationTypes) assert.ok(organisationTypes.includes(t), `${g.id} type ${t}`);
    }
  });

  test('keeps every id of DOMAIN.md section 1 exactly as written there', () => {
    const domainIds = [
      'CA1989-S17',
      'CA1989-S27',
      'VPA2024-OPENCOMPASS',
      'CA1989-S47',
      'CA2004-S10',
      'CA2004-S11',
      'CA2004-S16E',
      'CA2004-S16H',
      'EA2002-S175',
      'ISS2014-P3-7',
      'CJA2003-S325',
      'CDA1998-S115',
      'PCSC2022-S16',
      'WT2023',
      ...['a', 'b', 'c', 'd', 'e', 'f', 'ea'].map((p) => `UKGDPR-6-1-${p}`),
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((p) => `UKGDPR-9-2-${p}`),
      'DPA-S1-P2',
      'DPA-S1-P6',
      'DPA-S1-P18',
      'UKGDPR-10',
      'DPA-PART3',
      'CLDC',
      'CALDICOTT',
      'HRA-A8',
      'DPA-S2-P2',
    ];
    assert.deepEqual(
      domainIds.filter((id) => !byId.has(id)),
      [],
    );
  });

  test('includes the gateways Tier 1 appendices often list, and s22 and s46 of the Children Act 1989', () => {
    const titles = builtInCatalogue.map((g) => g.title).join('\n');
    for (const name of [
      'Children and Social Work Act 2017',
      'Education (Pupil Information) (England) Regulations 2005',
      'Childcare Act 2006',
      'Domestic Abuse Act 2021',
      'Crime and Disorder Act 1998 s17',
      'Local Government Act 2000 s2',
      'Mental Capacity Act 2005',
      'Clare’s Law',
      'Sarah’s Law',
    ])
      assert.ok(titles.includes(name), name);
    assert.equal(byId.get('CA1989-S22')?.kind, 'statute_duty');
    assert.equal(byId.get('CA1989-S46')?.kind, 'statute_power');
  });

  test('every purpose’s statutory gateway is in the catalogue, as a statutory duty or power', () => {
    for (const purpose of purposes) {
      const id = purposeDefinitions[purpose].statutoryGateway;
      if (id === null) continue;
      const found = byId.get(id);
      assert.ok(found, `${purpose} cites ${id}`);
      assert.ok(['statute_duty', 'statute_power'].includes(found.kind), `${id} is a statute`);
    }
  });

  test('the data protection conditions are typed as such', () => {
    assert.equal(byId.get('UKGDPR-6-1-e')?.kind, 'uk_gdpr_art6');
    assert.equal(byId.get('UKGDPR-9-2-g')?.kind, 'uk_gdpr_art9');
    assert.equal(byId.get('DPA-S1-P18')?.kind, 'dpa_sched1');
    assert.equal(byId.get('UKGDPR-10')?.kind, 'uk_gdpr_art10');
    assert.equal(byId.get('DPA-PART3')?.kind, 'dpa_part3');
    assert.equal(byId.get('CLDC')?.kind, 'common_law');
    assert.equal(byId.get('WT2023')?.kind, 'guidance');
  });

  test('wording is marked checked only where DOMAIN.md’s checked facts confirm it', () => {
    const checked = builtInCatalogue.filter((g) => g.wordingChecked).map((g) => g.id);
    assert.deepEqual(checked.sort(), ['DPA-S1-P18', 'DPA-S1-P2', 'DPA-S1-P36', 'UKGDPR-6-1-ea']);
    // DOMAIN.md marks para 6's wording UNVERIFIED.
    assert.equal(byId.get('DPA-S1-P6')?.wordingChecked, false);
  });

  test('public authorities are not offered the legitimate interest bases they may not use', () => {
    // UK GDPR Art 6(1) final paragraph, extended to point (ea) by DUAA 2025 s70(2)(c).
    for (const id of ['UKGDPR-6-1-f', 'UKGDPR-6-1-ea']) {
      const types = byId.get(id)!.organisationTypes;
      for (const publicBody of ['council_childrens_social_care', 'police', 'nhs_trust'] as const)
        assert.ok(!types.includes(publicBody), `${id} for ${publicBody}`);
    }
  });
});
