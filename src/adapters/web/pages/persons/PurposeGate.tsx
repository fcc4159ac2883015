import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Select } from '../../components/Select.tsx';
import { Loading, LoadFailed } from '../../components/Status.tsx';
import { fromProblems, hasErrors, noErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { useApiData } from '../../use-api-data.ts';
import { mayBreakGlassAs } from '../../may-find-children.ts';
import { useSignedInSession } from '../../session.tsx';

/**
 * A child is only ever opened for a purpose (UK GDPR Art 5(1)(b)). A link with no purpose, or
 * with one this person may not act for, asks for a purpose before anything about the child is
 * read: the question depends only on the reader's own role, so it says nothing about the child.
 */
export function PurposeGate({ children }: { readonly children: ReactNode }) {
  const [params, setParams] = useSearchParams();
  const purpose = params.get('purpose') ?? '';
  const [purposes] = useApiData(() => api.purposes(), []);
  const session = useSignedInSession();
  if (purposes.status === 'loading') return <Loading />;
  if (purposes.status === 'failed') return <LoadFailed error={purposes.error} />;
  const allowed = purposes.data.filter((p) => p.mayActFor);
  if (allowed.some((p) => p.id === purpose)) return children;
  // 'emergency' is no standing purpose: the server shows the child only under this user's own
  // live break-glass, and answers "not found" otherwise (domain/break-glass).
  if (purpose === 'emergency' && mayBreakGlassAs(session)) return children;
  const asked = purposes.data.find((p) => p.id === purpose);
  const choose = (chosen: string) => {
    const next = new URLSearchParams(params);
    next.set('purpose', chosen);
    setParams(next);
  };
  return (
    <ChoosePurpose
      options={allowed.map((p) => ({ value: p.id, label: p.label }))}
      refused={purpose === '' ? null : (asked?.label ?? 'the purpose in this link')}
      onChoose={choose}
    />
  );
}

function ChoosePurpose({
  options,
  refused,
  onChoose,
}: {
  readonly options: readonly { value: string; label: string }[];
  readonly refused: string | null;
  readonly onChoose: (purpose: string) => void;
}) {
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState(noErrors);
  usePageTitle('Why are you looking at this child?', hasErrors(errors));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (value === '')
      setErrors(fromProblems([{ field: 'purpose', problem: 'Select why you are looking' }], ['purpose']));
    else onChoose(value);
  }
  if (options.length === 0)
    return (
      <>
        <h1 className="govuk-heading-l">You cannot look at children’s records</h1>
        <p className="govuk-body">Your role does not act for any purpose that needs a child’s records.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            Go to the home page
          </Link>
        </p>
      </>
    );
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Why are you looking at this child?</h1>
      {refused !== null && (
        <div className="govuk-inset-text">{`Your role cannot look at children for ${refused}. Choose a purpose you act for.`}</div>
      )}
      <p className="govuk-body">
        What you may see depends on why you are looking. Every view is recorded with its purpose.
      </p>
      <form noValidate onSubmit={submit}>
        <Select
          id="purpose"
          label="Purpose"
          placeholder="Select a purpose"
          options={options}
          value={value}
          onChange={setValue}
          error={errors.fields.purpose}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Continue
        </button>
      </form>
      <p className="govuk-body">
        <Link className="govuk-link" to="/persons">
          Find a child
        </Link>
      </p>
    </>
  );
}
