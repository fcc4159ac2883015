import { Link } from 'react-router';
import type { ChildView } from '../../api-types.ts';

interface Group {
  readonly key: string;
  readonly heading: string;
  readonly agreementId: string | null;
  readonly lines: string[];
}

/**
 * "Why can I see this?" grouped by what allowed it: the viewer's own organisation's records, then
 * each agreement with a link to it and, under it, which organisation's information of which kind
 * it gave (issue 14 point 6). Then the kinds of information this purpose never shows, taken from
 * the agreements in force and never from the child's records, so nothing hints at what is held;
 * and how to ask for more.
 */
export function WhyCanISee({ view }: { readonly view: ChildView }) {
  const groups = new Map<string, Group>();
  for (const s of view.shownBecause) {
    const a = s.agreement;
    const key = a ? `${a.reference} v${a.version}` : 'own';
    const group = groups.get(key) ?? {
      key,
      heading: a ? `${a.reference}: ${a.title} (version ${a.version})` : 'Your own organisation’s records',
      agreementId: a?.agreementId ?? null,
      lines: [],
    };
    group.lines.push(`${s.holderName ?? 'An organisation'}: ${s.fieldGroupLabel}`);
    groups.set(key, group);
  }
  const ordered = [...groups.values()].sort((x, y) =>
    x.key === 'own' ? -1 : y.key === 'own' ? 1 : x.key.localeCompare(y.key, 'en-GB'),
  );
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Why can I see this?</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body">{`You are acting for: ${view.purposeLabel}.`}</p>
        {ordered.map((g) => (
          <div key={g.key}>
            <h3 className="govuk-heading-s">
              {g.agreementId ? (
                <Link className="govuk-link" to={`/agreements/${encodeURIComponent(g.agreementId)}`}>
                  {g.heading}
                </Link>
              ) : (
                g.heading
              )}
            </h3>
            <ul className="govuk-list govuk-list--bullet">
              {g.lines.sort().map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        ))}
        {view.neverShownForPurpose.length > 0 && (
          <>
            <h3 className="govuk-heading-s">What this purpose never shows from other agencies</h3>
            <p className="govuk-body">
              No agreement in force shares these with your organisation for this purpose, for any child:
            </p>
            <ul className="govuk-list govuk-list--bullet">
              {view.neverShownForPurpose.map((g) => (
                <li key={g.fieldGroup}>{g.label}</li>
              ))}
            </ul>
          </>
        )}
        <h3 className="govuk-heading-s">If you need more</h3>
        <p className="govuk-body">
          Ask the agency that holds it: its lead worker is listed under “Agencies involved”, or make a request
          for information through your front door (MASH). Share only what your purpose needs.
        </p>
      </div>
    </details>
  );
}
