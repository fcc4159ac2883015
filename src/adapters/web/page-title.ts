import { useEffect } from 'react';

/** Sets <title> the GOV.UK way: "Sign in – Tessera", prefixed "Error: " while a form has errors. */
export function usePageTitle(title: string, hasErrors = false): void {
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – Tessera`;
  }, [title, hasErrors]);
}
