import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import type { PersonSearchResults } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Select } from '../../components/Select.tsx';
import { LoadFailed } from '../../components/Status.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { fromError, fromProblems, hasErrors, noErrors, type FormErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { useApiData } from '../../use-api-data.ts';
import { displayName, firstValue, identityLabels, showValue } from './person-labels.ts';

const FIELDS = ['purpose', 'name', 'dob', 'nhsNumber', 'upn'] as const;
type Terms = Record<(typeof FIELDS)[number], string>;
const empty: Terms = { purpose: '', name: '', dob: '', nhsNumber: '', upn: '' };

/**
 * The same minimum identifying set the server enforces (domain/policy/search-identifiers.ts),
 * checked here first so the person is told what to add without a round trip. The server stays
 * the judge: it also checks the NHS number's check digit and the pupil number's check letter.
 */
function missingIdentifier(terms: Terms): { field: string; problem: string }[] {
  const [name, dob, nhs, upn] = (['name', 'dob', 'nhsNumber', 'upn'] as const).map(
    (f) => terms[f].trim() !== '',
  );
  if (nhs || (name && dob) || (upn && (name || dob))) return [];
  if (upn) return [{ field: 'name', problem: 'Enter a name or date of birth with the pupil number' }];
  if (name)
    return [{ field: 'dob', problem: 'Enter a date of birth with the name, or search by NHS number' }];
  if (dob)
    return [{ field: 'name', problem: 'Enter a name with the date of birth, or search by NHS number' }];
  return [{ field: 'name', problem: 'Enter a name and date of birth, or an NHS number' }];
}

/**
 * Search for a child. The terms stay in this page's memory: never in the URL, so neither the
 * browser history nor a server log keeps them. A purpose is required (UK GDPR Art 5(1)(b)).
 */
export function PersonSearchPage() {
  const [terms, setTerms] = useState<Terms>(empty);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [results, setResults] = useState<PersonSearchResults | null>(null);
  const [purposes] = useApiData(() => api.purposes(), []);
  usePageTitle('Find a child', hasErrors(errors));
  const set = (field: keyof Terms) => (value: string) => setTerms((t) => ({ ...t, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const problems = [
      ...(terms.purpose === '' ? [{ field: 'purpose', problem: 'Select what you are searching for' }] : []),
      ...missingIdentifier(terms),
    ];
    if (problems.length > 0) {
      setErrors(fromProblems(problems, FIELDS));
      return;
    }
    const body = Object.fromEntries(Object.entries(terms).filter(([, v]) => v.trim() !== ''));
    try {
      setResults(
        await api.searchPersons({ ...body, purpose: terms.purpose } as Parameters<
          typeof api.searchPersons
        >[0]),
      );
      setErrors(noErrors);
    } catch (error) {
      setResults(null);
      setErrors(fromError(error, FIELDS, 'name'));
    }
  }

  const options =
    purposes.status === 'loaded'
      ? purposes.data.filter((p) => p.mayActFor).map((p) => ({ value: p.id, label: p.label }))
      : [];

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Find a child</h1>
      <p className="govuk-body">
        You will only find children whose details you may see for the purpose you choose. Every search is
        recorded.
      </p>
      <p className="govuk-body" id="search-needs">
        To find one child, and not list every child with a surname or a birthday, enter:
      </p>
      <ul className="govuk-list govuk-list--bullet">
        <li>their name and date of birth, or</li>
        <li>their NHS number, or</li>
        <li>their unique pupil number with their name or date of birth.</li>
      </ul>
      {purposes.status === 'failed' && <LoadFailed error={purposes.error} />}
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Select
          id="purpose"
          label="What are you searching for?"
          placeholder="Select a purpose"
          options={options}
          value={terms.purpose}
          onChange={set('purpose')}
          error={errors.fields.purpose}
        />
        <TextInput
          id="name"
          label="Name"
          hint="For example, Sam Taylor"
          value={terms.name}
          onChange={set('name')}
          error={errors.fields.name}
          widthClass="govuk-input--width-20"
        />
        <TextInput
          id="dob"
          label="Date of birth"
          hint="For example, 2017-05-12"
          value={terms.dob}
          onChange={set('dob')}
          error={errors.fields.dob}
          widthClass="govuk-input--width-10"
        />
        <TextInput
          id="nhsNumber"
          label="NHS number"
          hint="10 digits, for example 943 476 5919"
          value={terms.nhsNumber}
          onChange={set('nhsNumber')}
          error={errors.fields.nhsNumber}
          widthClass="govuk-input--width-10"
        />
        <TextInput
          id="upn"
          label="Unique pupil number"
          hint="A letter then 12 characters"
          value={terms.upn}
          onChange={set('upn')}
          error={errors.fields.upn}
          widthClass="govuk-input--width-20"
        />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Search
        </button>
      </form>
      {results && <SearchResults results={results} />}
    </>
  );
}

function SearchResults({ results }: { readonly results: PersonSearchResults }) {
  const n = results.persons.length;
  return (
    <>
      <div role="status">
        <h2 className="govuk-heading-m">
          {n === 0 ? 'No children found' : `${n} ${n === 1 ? 'child' : 'children'} found`}
        </h2>
      </div>
      {n === 0 && <p className="govuk-body">Check the details, or try fewer of them.</p>}
      {results.truncated && (
        <div className="govuk-inset-text">More children match: add a date of birth or an identifier.</div>
      )}
      {n > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Children found</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Name
              </th>
              <th scope="col" className="govuk-table__header">
                {identityLabels.dob}
              </th>
              <th scope="col" className="govuk-table__header">
                Known to
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {results.persons.map((p) => {
              const dob = firstValue(p.identity, 'dob');
              const sources = [
                ...new Set(p.identity.flatMap((i) => i.values.flatMap((v) => v.sources))),
              ].sort();
              return (
                <tr className="govuk-table__row" key={p.personId}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/persons/${p.personId}?purpose=${results.purpose}`}>
                      {displayName(p.identity)}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{dob ? showValue('dob', dob) : 'Not recorded'}</td>
                  <td className="govuk-table__cell">{sources.join(', ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
