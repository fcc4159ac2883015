import { sql } from 'drizzle-orm';
import { nextSchoolDayStart } from '../deadlines/school-days.ts';
import { londonDateOf } from '../deadlines/london-time.ts';
import type { Actor } from '../shared/actor.ts';
import { queryRows, type Db } from '../shared/database.ts';
import {
  findFlagsOfContacts,
  findSchoolsOfPupils,
  keepAlertBasis,
  type ContactItem,
} from './alert-basis-store.ts';
import type { AlertKind } from './alert-kinds.ts';
import {
  basisOf,
  contactKindOf,
  dayOf,
  isEncompassNotice,
  makesBasis,
  type ContactKind,
} from './contact-kinds.ts';
import { raiseAlert } from './raise-alert.ts';
import { schoolCalendarOf, type TermDatesCatalogue } from './term-dates.ts';

export interface IngestedItems {
  readonly organisationId: string;
  readonly kind: string;
  readonly fieldGroup: string;
  /** The batch's commit time as ingest records it. */
  readonly at: Date;
  readonly items: readonly {
    readonly recordId: string;
    readonly agencyPersonId: string;
    readonly inserted: boolean;
    readonly payload: Record<string, unknown>;
    readonly eventDate: string | null;
  }[];
}

/** An alert raised here, for the work that follows the commit (dispatch-alert-jobs.ts). */
export interface RaisedAlert {
  readonly id: string;
  readonly kind: AlertKind;
  readonly acknowledgeBy: Date | null;
}

/**
 * Called by ingest in each batch's transaction (feeds/ingest-feed.ts), so that what alerts are
 * raised on, and the alerts a batch calls for, commit with the items or not at all:
 * - a flag, a lead practitioner or an enrolment is kept (alert-basis-store.ts);
 * - a NEW contact item (an emergency department attendance, a police incident) about a person
 *   another organisation has flagged alerts that organisation's lead practitioner, or its
 *   team managers when the lead is not a Tessera user there (NHS England, CP-IS);
 * - a NEW domestic abuse notification with a child present alerts the designated safeguarding
 *   lead of each school the child is enrolled at, due by the start of the next school day
 *   (Operation Encompass; Victims and Prisoners Act 2024).
 * A changed item raises nothing: a contact is told once, when it arrives, and raiseAlert keeps
 * one alert per item and recipient however often the file is read.
 */
export async function onItemsIngested(
  tx: Db,
  actor: Actor,
  ingested: IngestedItems,
  termDates?: TermDatesCatalogue,
): Promise<RaisedAlert[]> {
  const { kind, fieldGroup, items } = ingested;
  const scope = {
    partnershipId: actor.partnershipId,
    organisationId: ingested.organisationId,
    at: ingested.at,
  };
  if (makesBasis(kind, fieldGroup))
    await keepAlertBasis(
      tx,
      scope,
      items.map((i) => ({
        recordId: i.recordId,
        agencyPersonId: i.agencyPersonId,
        basis: basisOf(kind, fieldGroup, i.payload),
        leadEmail:
          typeof i.payload.leadPractitionerEmail === 'string' ? i.payload.leadPractitionerEmail : undefined,
        startDate: dayOf(i.payload.startDate),
        endDate: dayOf(i.payload.endDate),
      })),
    );
  const fresh = items.filter((i) => i.inserted);
  if (fresh.length === 0) return [];
  const raised: RaisedAlert[] = [];
  const today = londonDateOf(ingested.at.getTime());
  const contactKind = new Map<string, ContactKind>();
  const contacts: (ContactItem & { at: string })[] = [];
  const notices: (ContactItem & { at: string })[] = [];
  for (const item of fresh) {
    const day = item.eventDate ?? today;
    const contact = {
      recordId: item.recordId,
      agencyPersonId: item.agencyPersonId,
      day,
      at: item.eventDate ?? ingested.at.toISOString(),
    };
    const ck = contactKindOf(kind, item.payload);
    if (ck) {
      contactKind.set(item.recordId, ck);
      contacts.push(contact);
    }
    if (isEncompassNotice(fieldGroup, item.payload)) notices.push(contact);
  }
  if (contacts.length === 0 && notices.length === 0) return [];
  const reporter = await organisationRef(tx, actor.partnershipId, ingested.organisationId);
  if (contacts.length > 0) {
    const flags = await findFlagsOfContacts(
      tx,
      { partnershipId: actor.partnershipId, contactOrganisationId: ingested.organisationId },
      contacts,
    );
    const byRecord = new Map(contacts.map((c) => [c.recordId, c]));
    for (const f of flags) {
      const contact = byRecord.get(f.record_id)!;
      const id = await raiseAlert(tx, actor, {
        kind: 'contact_with_flagged_child',
        to: f.lead_user_id
          ? { organisationId: f.organisation_id, userId: f.lead_user_id }
          : // The lead practitioner is not a Tessera user of the holder: their team managers are
            // told, who know whose case it is (Working Together 2023: the lead practitioner's
            // manager supervises the plan).
            { organisationId: f.organisation_id, role: 'team_manager' },
        subjectId: f.flagged_agency_person_id,
        content: {
          flag: f.flag,
          contactBy: reporter,
          contactKind: contactKind.get(f.record_id)!,
          contactAt: contact.at,
        },
        source: { type: 'contact_record', id: f.record_id },
        raisedAt: ingested.at,
      });
      if (id) raised.push({ id, kind: 'contact_with_flagged_child', acknowledgeBy: null });
    }
  }
  if (notices.length > 0) {
    const schools = await findSchoolsOfPupils(tx, { partnershipId: actor.partnershipId }, notices);
    const byRecord = new Map(notices.map((c) => [c.recordId, c]));
    for (const s of schools) {
      const notice = byRecord.get(s.record_id)!;
      const calendar = schoolCalendarOf(
        { partnershipId: actor.partnershipId, organisationId: s.school_id },
        termDates,
      );
      // Due before the start of the next school day after the police told Tessera: the
      // notification reaches the school when it arrives here, never before (Home Office
      // statutory guidance on the Operation Encompass duty, November 2025).
      const acknowledgeBy = nextSchoolDayStart(ingested.at, calendar.termDates, calendar.schoolDayStarts);
      const id = await raiseAlert(tx, actor, {
        kind: 'operation_encompass',
        to: { organisationId: s.school_id, role: 'designated_safeguarding_lead' },
        subjectId: s.pupil_agency_person_id,
        content: {
          reportedBy: reporter,
          incidentAt: notice.at,
          schoolDay: londonDateOf(acknowledgeBy.getTime()),
        },
        source: { type: 'domestic_abuse_notification', id: s.record_id },
        raisedAt: ingested.at,
        acknowledgeBy,
      });
      if (id) raised.push({ id, kind: 'operation_encompass', acknowledgeBy });
    }
  }
  return raised;
}

async function organisationRef(tx: Db, partnershipId: string, organisationId: string) {
  const [row] = await queryRows<{ name: string }>(
    tx,
    sql`select name from organisation where partnership_id = ${partnershipId} and id = ${organisationId}`,
  );
  return { organisationId, name: row?.name ?? 'Unknown organisation' };
}
