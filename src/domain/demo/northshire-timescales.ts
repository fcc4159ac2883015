import type { RagTimescalesInput } from '../deadlines/rag-timescales.ts';

/**
 * Northshire's front-door timescales, after Merton's MASH (DOMAIN.md section 6: red, potential
 * child protection, within 2 hours; amber within 6 hours; green within 24 hours). Red runs around
 * the clock (as Luton completes red cases outside working hours); amber and green count the front
 * door's office hours, so green is three office days. DEMO ONLY: every partnership sets its own.
 */
export const northshireTimescales: RagTimescalesInput = {
  officeHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '09:00', closes: '17:00' }],
  rag: {
    red: { hours: 2, clock: 'around_the_clock' },
    amber: { hours: 6, clock: 'office_hours' },
    green: { hours: 24, clock: 'office_hours' },
  },
  escalateAtShare: 0.75,
};
