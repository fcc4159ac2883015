import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { ApiError, SERVICE_PROBLEM } from './api-client.ts';

export type Loadable<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly data: T }
  | { readonly status: 'failed'; readonly error: ApiError };

/**
 * Loads data for a page when `deps` change, and again on `reload()`. After a change of `deps` the
 * old data is dropped at once (it answered a different question); after `reload()` it stays on
 * screen until the new data arrives, so that tables do not flicker after a form is submitted.
 */
export function useApiData<T>(load: () => Promise<T>, deps: DependencyList): [Loadable<T>, () => void] {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const loadedVersion = useRef(version);

  useEffect(() => {
    if (loadedVersion.current === version)
      setState((s) => (s.status === 'loading' ? s : { status: 'loading' }));
    loadedVersion.current = version;
    let current = true;
    load().then(
      (data) => {
        if (current) setState({ status: 'loaded', data });
      },
      (error: unknown) => {
        if (!current) return;
        setState({
          status: 'failed',
          error: error instanceof ApiError ? error : new ApiError(0, 'unexpected', SERVICE_PROBLEM),
        });
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new function on every render; `deps` says when it means something new.
  }, [...deps, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return [state, reload];
}
