import type { LinkReview } from '../../api-types.ts';
import { bits, comparisonLabels, fieldLabels } from './labels.ts';

/**
 * Both records, field by field, with the agency holding each: only the identifiers both hold, the
 * ones the comparison used (an identifier on one side only is 'missing on one side' below).
 */
export function RecordsSideBySide({ records }: { readonly records: LinkReview['records'] }) {
  const [a, b] = records;
  if (!a || !b) return null;
  const value = (r: typeof a, field: string) => (r.fields as Record<string, string | undefined>)[field] ?? '';
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">The two records</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <td className="govuk-table__header" />
          <th scope="col" className="govuk-table__header">
            {a.organisationName}
          </th>
          <th scope="col" className="govuk-table__header">
            {b.organisationName}
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {fieldLabels
          .filter(([field]) => value(a, field) !== '' || value(b, field) !== '')
          .map(([field, label]) => (
            <tr className="govuk-table__row" key={field}>
              <th scope="row" className="govuk-table__header">
                {label}
              </th>
              <td className="govuk-table__cell">{value(a, field) || 'Not recorded'}</td>
              <td className="govuk-table__cell">{value(b, field) || 'Not recorded'}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

/**
 * The match weight by comparison, in bits. A pair is a match only if it beats both other
 * explanations: two strangers, and two relatives sharing a home (a twin, a sibling).
 */
export function Explanation({ explanation: e }: { readonly explanation: LinkReview['explanation'] }) {
  if (!e)
    return (
      <p className="govuk-body">No linkage model has been fitted yet, so the score cannot be explained.</p>
    );
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Why the records scored this</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Comparison
          </th>
          <th scope="col" className="govuk-table__header">
            What was found
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Against strangers (bits)
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Against relatives (bits)
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        <tr className="govuk-table__row">
          <th scope="row" className="govuk-table__header">
            Before comparing
          </th>
          <td className="govuk-table__cell">How rare a match is</td>
          <td className="govuk-table__cell govuk-table__cell--numeric">{bits(e.prior.vsStrangers)}</td>
          <td className="govuk-table__cell govuk-table__cell--numeric">{bits(e.prior.vsRelatives)}</td>
        </tr>
        {e.comparisons.map((c) => (
          <tr className="govuk-table__row" key={c.comparison}>
            <th scope="row" className="govuk-table__header">
              {comparisonLabels[c.comparison] ?? c.comparison}
            </th>
            <td className="govuk-table__cell">{c.level}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{bits(c.vsStrangers)}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{bits(c.vsRelatives)}</td>
          </tr>
        ))}
        <tr className="govuk-table__row">
          <th scope="row" className="govuk-table__header">
            Total
          </th>
          <td className="govuk-table__cell">Match weight {bits(e.matchWeight)}</td>
          <td className="govuk-table__cell govuk-table__cell--numeric">{bits(e.vsStrangers)}</td>
          <td className="govuk-table__cell govuk-table__cell--numeric">{bits(e.vsRelatives)}</td>
        </tr>
      </tbody>
    </table>
  );
}
