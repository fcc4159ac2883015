import type { ChildView } from '../../api-types.ts';
import { formatDate } from '../../format.ts';
import { relationshipLabels } from './person-labels.ts';

const SIZE = 440;
const CENTRE = SIZE / 2;
const RADIUS = 150;

type Family = ChildView['family'];

/**
 * The family network the viewer may see: the child in the middle, each relative around them,
 * joined by a line named with the relationship. An SVG with a text alternative, and the same
 * network as a list beneath it (the list is what assistive technology reads).
 */
export function FamilyGraph({ childName, family }: { readonly childName: string; readonly family: Family }) {
  const { members } = family;
  if (members.length === 0) {
    return <p className="govuk-body">No family members are recorded that you may see.</p>;
  }
  const at = (i: number) => {
    const angle = (2 * Math.PI * i) / members.length - Math.PI / 2;
    return { x: CENTRE + RADIUS * Math.cos(angle), y: CENTRE + RADIUS * Math.sin(angle) };
  };
  return (
    <>
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-labelledby="family-title"
        className="app-family__graph"
      >
        <title id="family-title">{`Family network of ${childName}: ${members.length} people, listed below`}</title>
        {members.map((m, i) => {
          const p = at(i);
          return (
            <g key={m.personId}>
              <line x1={CENTRE} y1={CENTRE} x2={p.x} y2={p.y} className="app-family__edge" />
              <text
                x={(CENTRE + p.x) / 2}
                y={(CENTRE + p.y) / 2 - 6}
                textAnchor="middle"
                className="app-family__relationship"
              >
                {relationshipLabels[m.relationship] ?? m.relationship}
              </text>
            </g>
          );
        })}
        <circle cx={CENTRE} cy={CENTRE} r={36} className="app-family__child" />
        <text x={CENTRE} y={CENTRE + 58} textAnchor="middle" className="app-family__name">
          {childName}
        </text>
        {members.map((m, i) => {
          const p = at(i);
          return (
            <g key={`${m.personId}-node`}>
              <circle cx={p.x} cy={p.y} r={30} className="app-family__member" />
              {/* Below the circle, not inside it: a name longer than the circle stays readable. */}
              <text x={p.x} y={p.y + 50} textAnchor="middle" className="app-family__name">
                {m.name}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="govuk-list govuk-list--bullet">
        {members.map((m) => (
          <li key={m.personId}>
            <strong>{m.name}</strong>
            {m.dob ? `, born ${formatDate(m.dob)}` : ''}:{' '}
            {relationshipLabels[m.relationship] ?? m.relationship}
          </li>
        ))}
      </ul>
      {family.households.length > 0 && (
        <p className="govuk-body">
          {`Recorded households: ${family.households.length}. `}
          {family.households
            .map(
              (h) =>
                `${h.memberPersonIds.length} people${h.fromDate ? ` from ${formatDate(h.fromDate)}` : ''}`,
            )
            .join('; ')}
        </p>
      )}
    </>
  );
}
