// What every page of the decision path is handed by DecisionPathPage.tsx.
import type { Gateway } from '../../api-types.ts';
import type { NamedOrganisation } from '../agreements/labels.ts';
import type { DecisionPathStart, DecisionPathState } from './decision-answers.ts';
import type { PathContext } from './decision-questions.ts';

export interface PathLists {
  readonly gateways: readonly Gateway[];
  /** The partnership's organisations: empty on a path without a child (nothing is recorded). */
  readonly organisations: readonly NamedOrganisation[];
}

export interface PathProps {
  readonly context: PathContext;
  readonly state: DecisionPathState;
  readonly setState: (update: (state: DecisionPathState) => DecisionPathState) => void;
  readonly lists: PathLists;
  /** Forgets the answers once the decision is recorded (or the path is started again). */
  readonly forget: () => void;
}

/** Where a path's pages live: `/decide/<page>`, or `/persons/<id>/decide/<page>?purpose=<purpose>`. */
export function pathHref(start: DecisionPathStart, page?: string): string {
  if (start.kind === 'advice') return page === undefined ? '/decide' : `/decide/${page}`;
  const base = `/persons/${encodeURIComponent(start.personId)}/decide`;
  const query = `?purpose=${encodeURIComponent(start.purpose)}`;
  return `${page === undefined ? base : `${base}/${page}`}${query}`;
}

/** Where leaving the path goes: the child's view for the same purpose, or home. */
export function pathExit(start: DecisionPathStart): string {
  return start.kind === 'advice'
    ? '/'
    : `/persons/${encodeURIComponent(start.personId)}?purpose=${encodeURIComponent(start.purpose)}`;
}

export function pathCaption(start: DecisionPathStart, childName: string): string {
  if (start.kind === 'advice') return 'Get advice on sharing information';
  return childName === '' ? 'Decide whether to share' : `Decide whether to share: ${childName}`;
}
