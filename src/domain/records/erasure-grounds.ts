/**
 * Why a record is erased: the grounds of UK GDPR Art 17(1) a controller may act on, and the
 * duty to erase inaccurate data (Art 5(1)(d)). A closed set, not free text, so the tombstone and
 * its audit event can never carry anything about the person (records/schema.ts). Whether a
 * ground applies, and whether an exception of Art 17(3) (a legal obligation, a task in the
 * public interest such as safeguarding under the Children Act 1989, legal claims) means the
 * record must be kept, is the data protection officer's judgement before they erase.
 */
export const erasureGrounds = {
  no_longer_necessary: 'UK GDPR Art 17(1)(a): no longer necessary for the purposes it was collected for',
  consent_withdrawn: 'UK GDPR Art 17(1)(b): consent withdrawn, and no other lawful basis',
  objection_upheld: 'UK GDPR Art 17(1)(c): an objection under Art 21(1) upheld',
  unlawfully_processed: 'UK GDPR Art 17(1)(d): processed unlawfully (loaded without a lawful basis)',
  legal_obligation: 'UK GDPR Art 17(1)(e): erasure required by a legal obligation',
  inaccurate: 'UK GDPR Art 5(1)(d): inaccurate, for instance loaded about the wrong person',
} as const;

export type ErasureGround = keyof typeof erasureGrounds;

export const erasureGroundKeys = Object.keys(erasureGrounds) as [ErasureGround, ...ErasureGround[]];

export const isErasureGround = (value: string): value is ErasureGround =>
  Object.prototype.hasOwnProperty.call(erasureGrounds, value);

/**
 * The controller's own reference for the erasure request (a case or ticket number), kept on the
 * tombstone: letters, digits and a little punctuation, so it cannot hold a name or a narrative.
 */
export const REQUEST_REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ./_-]{0,39}$/;
