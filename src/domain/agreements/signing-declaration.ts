/**
 * What a signatory declares when they sign a version for their organisation. Each party is a
 * controller answerable for its own sharing (UK GDPR Arts 5(2), 24) and the agreement commits the
 * organisation, not the person, so the signatory confirms they have authority to commit it
 * (ICO Data Sharing Code of Practice, "Data sharing agreements": signed by someone senior enough
 * to commit the organisation). The same words are shown on the signing page and recorded with the
 * signature's audit event, so the record says what was declared, not merely that a box was ticked.
 *
 * Pure: the web client imports it to show the text the server will record.
 */
export interface SigningDeclarationInput {
  readonly organisationName: string;
  readonly reference: string;
  readonly title: string;
  readonly version: number;
}

export function signingDeclaration(input: SigningDeclarationInput): string {
  const { organisationName, reference, title, version } = input;
  return (
    `I confirm that I have authority to commit ${organisationName} to version ${version} of ` +
    `${reference} ‘${title}’. I understand that by signing, ${organisationName} agrees to share ` +
    `and protect information as this version sets out, and that it comes into force when every ` +
    `party has signed it (not before its start date).`
  );
}

/** The refusal of a signature given without the declaration, named by its field. */
export const declarationProblem =
  'Confirm that you have authority to commit your organisation to this agreement';
