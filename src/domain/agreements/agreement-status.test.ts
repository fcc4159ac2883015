import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agreementStatusLabel } from './agreement-terms.ts';
import { agreementStatus, versionStateAt } from './agreement-status.ts';
import type { AgreementRecord, VersionRecord } from './load-agreements.ts';

const signedOn = new Date('2026-12-07T10:00:00Z');

function signedAgreement(startDate: string, reviewDate = '2027-12-01'): AgreementRecord {
  const version: VersionRecord = {
    version: 1,
    status: 'active',
    content: {
      title: 'Operation Encompass',
      summary: 's',
      purposes: [],
      parties: [],
      startDate,
      reviewDate,
      endDate: null,
      security: 's',
      retention: 'r',
      rights: 'r',
      gatewayIds: [],
      dataCategories: [],
    },
    flows: [],
    signatures: [],
    createdAt: signedOn,
    createdBy: 'u',
    submittedAt: signedOn,
    activatedAt: signedOn,
    supersededAt: null,
  };
  return {
    partnershipId: 'p',
    id: 'a',
    reference: 'T2-001',
    tier: 'tier2',
    tier1AgreementId: null,
    createdAt: signedOn,
    createdBy: 'u',
    terminatedAt: null,
    terminatedBy: null,
    terminationReason: null,
    suspensions: [],
    versions: [version],
  };
}

test('an agreement signed by every party whose start date is ahead reads "Signed, in force from …", not "Active"', () => {
  const a = signedAgreement('2027-01-04');
  assert.equal(versionStateAt(a, a.versions[0]!, signedOn), 'not_started');
  assert.equal(agreementStatus(a, signedOn), 'signed_not_started');
  assert.equal(agreementStatusLabel('signed_not_started', '2027-01-04'), 'Signed, in force from 4 Jan 2027');
  assert.equal(agreementStatus(a, new Date('2027-01-04T00:30:00Z')), 'active', 'on its start date (London)');
});

test('an agreement that has started reads as active, with its plain label', () => {
  const a = signedAgreement('2026-12-01');
  assert.equal(agreementStatus(a, signedOn), 'active');
  assert.equal(agreementStatusLabel('active', '2026-12-01'), 'Active');
});
