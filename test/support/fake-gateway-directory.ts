import type { GatewayKind } from '../../src/domain/gateways/gateway-kinds.ts';
import type { GatewayDescription, GatewayDirectory } from '../../src/domain/agreements/gateway-directory.ts';

/**
 * A fixed catalogue of the gateways named in DOMAIN.md section 1, with their ids exactly as
 * written there, for tests and the test app (the real catalogue is the gateways module's).
 */
const entries: readonly [string, GatewayKind, string, string][] = [
  ['CA1989-S17', 'statute_duty', 'Children Act 1989 s17', 'Children Act 1989 c.41 s17'],
  ['CA1989-S27', 'statute_duty', 'Children Act 1989 s27', 'Children Act 1989 c.41 s27'],
  ['CA1989-S47', 'statute_duty', 'Children Act 1989 s47', 'Children Act 1989 c.41 s47'],
  [
    'VPA2024-OPENCOMPASS',
    'statute_duty',
    'Victims and Prisoners Act 2024: Operation Encompass duty',
    'Victims and Prisoners Act 2024',
  ],
  ['CA2004-S10', 'statute_duty', 'Children Act 2004 s10', 'Children Act 2004 c.31 s10'],
  ['CA2004-S11', 'statute_duty', 'Children Act 2004 s11', 'Children Act 2004 c.31 s11'],
  ['CA2004-S16E', 'statute_duty', 'Children Act 2004 s16E', 'Children Act 2004 c.31 s16E'],
  ['CA2004-S16H', 'statute_power', 'Children Act 2004 s16H', 'Children Act 2004 c.31 s16H'],
  ['EA2002-S175', 'statute_duty', 'Education Act 2002 s175', 'Education Act 2002 c.32 s175'],
  [
    'ISS2014-P3-7',
    'statute_duty',
    'Independent School Standards, Part 3 para 7',
    'SI 2014/3283 Sch Pt 3 para 7',
  ],
  [
    'CJA2003-S325',
    'statute_duty',
    'Criminal Justice Act 2003 s325 (MAPPA)',
    'Criminal Justice Act 2003 c.44 s325',
  ],
  [
    'CDA1998-S115',
    'statute_power',
    'Crime and Disorder Act 1998 s115',
    'Crime and Disorder Act 1998 c.37 s115',
  ],
  [
    'PCSC2022-S16',
    'statute_power',
    'Police, Crime, Sentencing and Courts Act 2022 s16',
    'PCSC Act 2022 c.32 s16',
  ],
  ['WT2023', 'guidance', 'Working Together to Safeguard Children 2023', 'Statutory guidance, LASSA 1970 s7'],
  ['UKGDPR-6-1-a', 'uk_gdpr_art6', 'UK GDPR Art 6(1)(a) consent', 'UK GDPR Art 6(1)(a)'],
  ['UKGDPR-6-1-b', 'uk_gdpr_art6', 'UK GDPR Art 6(1)(b) contract', 'UK GDPR Art 6(1)(b)'],
  ['UKGDPR-6-1-c', 'uk_gdpr_art6', 'UK GDPR Art 6(1)(c) legal obligation', 'UK GDPR Art 6(1)(c)'],
  ['UKGDPR-6-1-d', 'uk_gdpr_art6', 'UK GDPR Art 6(1)(d) vital interests', 'UK GDPR Art 6(1)(d)'],
  ['UKGDPR-6-1-e', 'uk_gdpr_art6', 'UK GDPR Art 6(1)(e) public task', 'UK GDPR Art 6(1)(e)'],
  ['UKGDPR-6-1-f', 'uk_gdpr_art6', 'UK GDPR Art 6(1)(f) legitimate interests', 'UK GDPR Art 6(1)(f)'],
  [
    'UKGDPR-6-1-ea',
    'uk_gdpr_art6',
    'UK GDPR Art 6(1)(ea) recognised legitimate interest: safeguarding',
    'UK GDPR Art 6(1)(ea), Annex 1 para 6',
  ],
  ['UKGDPR-9-2-a', 'uk_gdpr_art9', 'UK GDPR Art 9(2)(a) explicit consent', 'UK GDPR Art 9(2)(a)'],
  [
    'UKGDPR-9-2-b',
    'uk_gdpr_art9',
    'UK GDPR Art 9(2)(b) employment and social protection',
    'UK GDPR Art 9(2)(b)',
  ],
  ['UKGDPR-9-2-c', 'uk_gdpr_art9', 'UK GDPR Art 9(2)(c) vital interests', 'UK GDPR Art 9(2)(c)'],
  ['UKGDPR-9-2-f', 'uk_gdpr_art9', 'UK GDPR Art 9(2)(f) legal claims', 'UK GDPR Art 9(2)(f)'],
  ['UKGDPR-9-2-g', 'uk_gdpr_art9', 'UK GDPR Art 9(2)(g) substantial public interest', 'UK GDPR Art 9(2)(g)'],
  ['UKGDPR-9-2-h', 'uk_gdpr_art9', 'UK GDPR Art 9(2)(h) health or social care', 'UK GDPR Art 9(2)(h)'],
  ['UKGDPR-9-2-i', 'uk_gdpr_art9', 'UK GDPR Art 9(2)(i) public health', 'UK GDPR Art 9(2)(i)'],
  [
    'UKGDPR-9-2-j',
    'uk_gdpr_art9',
    'UK GDPR Art 9(2)(j) archiving, research and statistics',
    'UK GDPR Art 9(2)(j)',
  ],
  [
    'DPA-S1-P2',
    'dpa_sched1',
    'DPA 2018 Sched 1 para 2: health or social care purposes',
    'DPA 2018 Sch 1 Pt 1 para 2',
  ],
  [
    'DPA-S1-P6',
    'dpa_sched1',
    'DPA 2018 Sched 1 para 6: statutory and government purposes',
    'DPA 2018 Sch 1 Pt 2 para 6',
  ],
  [
    'DPA-S1-P18',
    'dpa_sched1',
    'DPA 2018 Sched 1 para 18: safeguarding of children and individuals at risk',
    'DPA 2018 Sch 1 Pt 2 para 18',
  ],
  ['UKGDPR-10', 'uk_gdpr_art10', 'UK GDPR Art 10 criminal offence data', 'UK GDPR Art 10; DPA 2018 s10(5)'],
  ['DPA-PART3', 'dpa_part3', 'DPA 2018 Part 3 law enforcement processing', 'DPA 2018 Part 3'],
  ['CLDC', 'common_law', 'Common law duty of confidentiality', 'Common law'],
  ['CALDICOTT', 'guidance', 'The eight Caldicott principles', 'National Data Guardian, 2020'],
];

export const fakeGatewayIds: readonly string[] = entries.map((e) => e[0]);

export const fakeGatewayDirectory: GatewayDirectory = {
  describe(ids) {
    const known = new Map<string, GatewayDescription>();
    for (const id of ids) {
      const entry = entries.find((e) => e[0] === id);
      if (entry) known.set(id, { kind: entry[1], title: entry[2], citation: entry[3] });
    }
    return Promise.resolve(known);
  },
};
