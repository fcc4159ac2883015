import type { ReactNode } from 'react';

/**
 * A wide table that scrolls within itself on a narrow screen rather than pushing the page
 * sideways: WCAG 2.2 SC 1.4.10 (reflow) allows two-dimensional scrolling for data tables. The
 * region is focusable and named so that keyboard users can scroll it too.
 */
export function TableScroll({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="app-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
