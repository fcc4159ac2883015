import { AlignmentType, Document, Footer, Header, PageBreak, Paragraph, TextRun, type FileChild } from 'docx';
import { gatewayKindLabels } from '../gateways/gateway-kinds.ts';
import { organisationTypeLabels, roleLabels } from '../partnership/roles.ts';
import { dataCategoryLabels, fieldGroupDefinitions } from '../policy/field-groups.ts';
import { purposeDefinitions } from '../policy/purposes.ts';
import {
  agreementStatusLabel,
  confidentialityGroundLabels,
  flowFrequencyLabels,
  flowGatewayIds,
  flowMethodDefinitions,
  tierLabels,
} from './agreement-terms.ts';
import { formatLongDate, londonDate } from './calendar-dates.ts';
import type { CheckOrganisation } from './check-types.ts';
import type { AgreementDetail, FlowDetail, VersionDetail } from './describe-agreement.ts';
import { bullet, heading, labelled, para, table, title } from './docx-blocks.ts';
import type { GatewayDescription } from './gateway-directory.ts';

export interface DocumentInput {
  readonly agreement: AgreementDetail;
  readonly version: VersionDetail;
  readonly gateways: ReadonlyMap<string, GatewayDescription>;
  readonly organisations: ReadonlyMap<string, CheckOrganisation>;
  readonly partnershipName: string;
  readonly generatedAt: Date;
}

const names = (orgs: readonly { name: string }[]) => orgs.map((o) => o.name).join('\n');
const date = (d: string | null) => (d ? formatLongDate(d) : 'None');
const when = (d: Date | null) => (d ? formatLongDate(londonDate(d)) : '');

/**
 * A Word document laid out like a Tier 1 / Tier 2 template: title page, purpose, parties, the
 * information shared, legal basis, security, retention, rights, DPIA, review, signatures, and the
 * gateways relied on as an appendix (the "Appendix 3" of Somerset's toolkit, seed 000).
 */
export function buildAgreementDocument(input: DocumentInput): Document {
  const { agreement: a, version: v } = input;
  const tier2 = a.tier === 'tier2';
  const flowLabel = (f: FlowDetail) => `Flow ${f.position}: ${f.name}`;
  const gatewayLine = (label: string, id: string | null) =>
    id ? labelled(label, `${id}, ${input.gateways.get(id)?.title ?? 'not in the catalogue'}`) : undefined;

  const children: (FileChild | undefined)[] = [
    // Title page.
    title(v.content.title),
    para(`${tierLabels[a.tier]} of ${input.partnershipName}`),
    table(null, [
      ['Reference', a.reference],
      ['Version', String(v.version)],
      ['Status', agreementStatusLabel(v.displayStatus, v.content.startDate)],
      ...(a.tier1 ? [['Made under', a.tier1.reference]] : []),
      ['Start date', date(v.content.startDate)],
      ['Review date', date(v.content.reviewDate)],
      ['End date', date(v.content.endDate)],
      ['Produced', formatLongDate(londonDate(input.generatedAt))],
    ]),
    new Paragraph({ children: [new PageBreak()] }),

    heading('1. Purpose'),
    para(v.content.summary),
    ...v.content.purposes.map((p) =>
      bullet(`${purposeDefinitions[p].label}: ${purposeDefinitions[p].description}`),
    ),

    heading('2. Parties'),
    table(
      ['Organisation', 'Type', 'Contact for this agreement'],
      v.parties.map((p) => {
        const type = input.organisations.get(p.organisationId)?.type;
        return [p.name, type ? organisationTypeLabels[type] : '', p.contact ?? 'Not named'];
      }),
    ),

    heading('3. Information shared'),
    ...(tier2
      ? [
          table(
            ['No.', 'Flow', 'From', 'To', 'Purposes', 'Information', 'Method', 'Frequency'],
            v.flows.map((f) => [
              String(f.position),
              f.name,
              names(f.from),
              names(f.to),
              f.purposes.map((p) => purposeDefinitions[p].label).join('\n'),
              f.fieldGroups.map((g) => fieldGroupDefinitions[g].label).join('\n'),
              flowMethodDefinitions[f.method].label,
              flowFrequencyLabels[f.frequency],
            ]),
          ),
        ]
      : v.content.dataCategories.map((c) => bullet(dataCategoryLabels[c]))),

    heading('4. Legal basis'),
    ...(tier2
      ? v.flows.flatMap((f) => [
          heading(flowLabel(f), 2),
          para(`Data categories: ${f.dataCategories.map((c) => dataCategoryLabels[c]).join('; ')}.`),
          ...f.statutoryGatewayIds.map((id) => gatewayLine('Statutory gateway', id)),
          gatewayLine('UK GDPR Article 6', f.art6BasisId),
          gatewayLine('UK GDPR Article 9', f.art9ConditionId),
          gatewayLine('DPA 2018 Schedule 1 (special category data)', f.art9Sched1ConditionId),
          gatewayLine('UK GDPR Article 10', f.art10ConditionId),
          gatewayLine('DPA 2018 Schedule 1 (criminal offence data)', f.art10Sched1ConditionId),
          gatewayLine('Common-law duty of confidentiality', f.confidentialityGatewayId),
          f.confidentialityGround
            ? labelled(
                'Ground for sharing in confidence',
                confidentialityGroundLabels[f.confidentialityGround],
              )
            : undefined,
          ...f.otherGatewayIds.map((id) => gatewayLine('Also relied on', id)),
        ])
      : [para('The parties rely on the gateways listed in Appendix A.')]),

    heading('5. Security'),
    para(v.content.security),
    ...v.flows.map((f) =>
      labelled(
        flowLabel(f),
        [flowMethodDefinitions[f.method].label, f.methodDetail].filter(Boolean).join(': '),
      ),
    ),

    heading('6. Retention'),
    para(v.content.retention, tier2 ? 'See each flow.' : 'Not given.'),
    ...v.flows.map((f) => labelled(flowLabel(f), f.retention ?? 'Not given')),

    heading('7. Rights of the people the information is about'),
    para(v.content.rights),

    ...(tier2
      ? [
          heading('8. Data protection impact assessment'),
          ...v.flows.map((f) => labelled(flowLabel(f), f.dpiaReference ?? 'No DPIA reference given')),
        ]
      : []),

    heading(`${tier2 ? 9 : 8}. Review, suspension and termination`),
    labelled('Start date', date(v.content.startDate)),
    labelled('Review date', date(v.content.reviewDate)),
    labelled('End date', date(v.content.endDate)),
    para(
      'The parties review this agreement by its review date. The partnership may suspend it, which stops ' +
        'all sharing under it until it is resumed, or terminate it. A change is made by amendment: a new ' +
        'version that every party signs, which replaces this one when it comes into force.',
    ),
    ...(a.suspension
      ? [labelled('Suspended since', `${when(a.suspension.since)}: ${a.suspension.reason}`)]
      : []),
    ...(a.termination ? [labelled('Terminated', `${when(a.termination.at)}: ${a.termination.reason}`)] : []),

    heading(`${tier2 ? 10 : 9}. Signatures`),
    table(
      ['Party', 'Signed by', 'Role', 'Date'],
      v.parties.map((p) => {
        const s = v.signatures.find((x) => x.organisationId === p.organisationId);
        return s
          ? [p.name, s.signerName, roleLabels[s.role], when(s.signedAt)]
          : [p.name, 'Not yet signed', '', ''];
      }),
    ),

    new Paragraph({ children: [new PageBreak()] }),
    heading('Appendix A. Legal gateways'),
    table(['Id', 'Gateway', 'Kind', 'Citation'], gatewayRows(input)),

    heading('Appendix B. Version history'),
    table(
      ['Version', 'Status', 'Drafted', 'Signed by every party', 'Superseded'],
      a.versions.map((x) => [
        String(x.version),
        agreementStatusLabel(x.displayStatus, x.content.startDate),
        when(x.createdAt),
        when(x.activatedAt),
        when(x.supersededAt),
      ]),
    ),
  ];

  const marking = (text: string) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: true })] });
  return new Document({
    creator: 'Tessera',
    title: `${a.reference} ${v.content.title}`,
    description: `${tierLabels[a.tier]}, version ${v.version}`,
    sections: [
      {
        headers: { default: new Header({ children: [marking('OFFICIAL')] }) },
        footers: {
          default: new Footer({ children: [marking(`${a.reference} version ${v.version}, OFFICIAL`)] }),
        },
        children: children.filter((c): c is FileChild => c !== undefined),
      },
    ],
  });
}

function gatewayRows(input: DocumentInput): string[][] {
  const v = input.version;
  const ids = [...new Set([...v.content.gatewayIds, ...v.flows.flatMap(flowGatewayIds)])];
  return ids.map((id) => {
    const g = input.gateways.get(id);
    return g ? [id, g.title, gatewayKindLabels[g.kind], g.citation] : [id, 'Not in the catalogue', '', ''];
  });
}
