import type { ChronologyEntry } from '../../api-types.ts';
import { formatDate } from '../../format.ts';

const WIDTH = 720;
const ROW = 34;
const LEFT = 180;
const RIGHT = 20;
const TOP = 10;

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * The chronology as a timeline: one row per agency, one mark per dated entry, opinions hollow.
 * Plain SVG (no chart library: a few dozen shapes do not need one). It is an image with a text
 * alternative; every mark has a title, and the table below holds the same entries for screen
 * readers and keyboard users, so the chart adds nothing only it can tell.
 */
export function TimelineChart({ entries }: { readonly entries: readonly ChronologyEntry[] }) {
  const dated = entries.filter((e): e is ChronologyEntry & { eventDate: string } => e.eventDate !== null);
  if (dated.length === 0) return null;
  const agencies = [...new Set(dated.map((e) => e.holderName ?? 'An organisation'))].sort();
  const days = dated.map((e) => day(e.eventDate));
  const first = Math.min(...days);
  const last = Math.max(...days);
  const span = Math.max(1, last - first);
  const x = (iso: string) => LEFT + ((day(iso) - first) / span) * (WIDTH - LEFT - RIGHT);
  const height = TOP + agencies.length * ROW + 30;
  const earliest = dated.reduce((a, b) => (a.eventDate < b.eventDate ? a : b)).eventDate;
  const latest = dated.reduce((a, b) => (a.eventDate > b.eventDate ? a : b)).eventDate;
  return (
    <figure className="app-timeline">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby="timeline-title timeline-desc"
        className="app-timeline__chart"
      >
        <title id="timeline-title">Timeline of the chronology</title>
        <desc id="timeline-desc">
          {`${dated.length} events from ${formatDate(earliest)} to ${formatDate(latest)}, by ${agencies.length} agencies. The table below lists them.`}
        </desc>
        {agencies.map((agency, row) => {
          const y = TOP + row * ROW + ROW / 2;
          return (
            <g key={agency}>
              <text x={LEFT - 10} y={y + 5} textAnchor="end" className="app-timeline__label">
                {agency.length > 26 ? `${agency.slice(0, 25)}…` : agency}
              </text>
              <line x1={LEFT} x2={WIDTH - RIGHT} y1={y} y2={y} className="app-timeline__axis" />
              {dated
                .filter((e) => (e.holderName ?? 'An organisation') === agency)
                .map((e) => (
                  <circle
                    key={e.id}
                    cx={x(e.eventDate)}
                    cy={y}
                    r={7}
                    className={
                      e.factOrOpinion === 'opinion' ? 'app-timeline__mark--opinion' : 'app-timeline__mark'
                    }
                  >
                    <title>{`${formatDate(e.eventDate)}: ${e.summary} (${e.factOrOpinion})`}</title>
                  </circle>
                ))}
            </g>
          );
        })}
        <text x={LEFT} y={height - 8} className="app-timeline__label">
          {formatDate(earliest)}
        </text>
        <text x={WIDTH - RIGHT} y={height - 8} textAnchor="end" className="app-timeline__label">
          {formatDate(latest)}
        </text>
      </svg>
      <figcaption className="govuk-body-s">Filled circles are facts; hollow circles are opinions.</figcaption>
    </figure>
  );
}
