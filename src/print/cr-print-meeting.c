/* cr-print-meeting.c: a meeting's printed pages, filled from the file
 *
 * The window's print dialog and `commonroom-cli print` both ask here for
 * the plain structs of cr-print-data.h, through the store's public API
 * only, and hand them to the page drawers:
 *
 *  - the sign-in sheet lists exactly who the meeting expects (the members
 *    of its group on its date), with a note where the chair needs one:
 *    a sanction that bars them from voting, apologies already sent, and
 *    the kind of membership of anyone who is not a voting member;
 *  - the agenda lists the items in their order, any other business last,
 *    with who proposed each;
 *  - the minutes list who was present, sent apologies or was absent (a
 *    member expected but not marked, at a meeting whose attendance was
 *    taken, was absent), the guests and officers, the quorum, and each
 *    item with its minute, decisions and actions; actions agreed for the
 *    meeting as a whole come under an item of their own at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-print"

#include "config.h"

#include "cr-print-meeting.h"
#include "cr-print-attendance-sheet.h"

#include "cr-meeting.h"
#include "cr-store-meetings.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static void
fill_meeting (CrPrintMeeting  *out,
              CrStore         *store,
              const CrMeeting *meeting)
{
  out->association = g_strdup (cr_store_get_association_name (store));
  out->group = g_strdup (meeting->group_name);
  out->date = g_strdup (meeting->date);
  out->start_time = g_strdup (meeting->start_time);
  out->venue = g_strdup (meeting->venue);
  out->kind = g_strdup (cr_meeting_kind_get_label (meeting->kind));
}

/* The note beside an expected member's name, or NULL: their office
 * first (from @offices, see cr_store_get_meeting_offices()), then what
 * the chair needs to know. */
static char *
expected_note (const CrExpectedAttendee *e,
               GHashTable               *offices)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  const char *office = g_hash_table_lookup (offices, &e->person_id);

  if (office != NULL)
    g_ptr_array_add (parts, (gpointer) office);
  if (g_strcmp0 (e->sanction, "suspension") == 0)
    g_ptr_array_add (parts, (gpointer) _("Suspended — may not vote"));
  else if (g_strcmp0 (e->sanction, "exclusion") == 0)
    g_ptr_array_add (parts, (gpointer) _("Excluded — may not vote"));
  if (e->membership_kind != CR_MEMBERSHIP_VOTING)
    g_ptr_array_add (parts,
                     (gpointer) cr_membership_kind_get_label (e->membership_kind));
  if (e->mark == CR_ATTENDANCE_APOLOGIES)
    g_ptr_array_add (parts, (gpointer) _("Apologies sent"));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **) parts->pdata);
}

/**
 * cr_print_meeting_get_sheet:
 * @store: the association file
 * @meeting_id: the meeting
 * @error: return location for a #CR_STORE_ERROR
 *
 * Returns: (transfer full) (nullable): the sign-in sheet of the meeting,
 *   or %NULL with @error set
 */
CrSheetData *
cr_print_meeting_get_sheet (CrStore  *store,
                            gint64    meeting_id,
                            GError  **error)
{
  g_autoptr (CrMeeting) meeting = NULL;
  g_autoptr (GPtrArray) expected = NULL;
  g_autoptr (GHashTable) offices = NULL;
  g_autoptr (CrSheetData) data = NULL;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  meeting = cr_store_get_meeting (store, meeting_id, error);
  if (meeting == NULL)
    return NULL;
  expected = cr_store_list_expected (store, meeting_id, error);
  if (expected == NULL)
    return NULL;
  offices = cr_store_get_meeting_offices (store, meeting_id, error);
  if (offices == NULL)
    return NULL;

  data = cr_sheet_data_new ();
  fill_meeting (&data->meeting, store, meeting);
  for (guint i = 0; i < expected->len; i++)
    {
      CrExpectedAttendee *e = g_ptr_array_index (expected, i);
      g_autofree char *note = expected_note (e, offices);

      cr_sheet_data_add_person (data, e->family_name, e->given_name, note);
    }
  cr_print_attendance_sheet_mark_photos (data, store, expected, meeting->date);
  return g_steal_pointer (&data);
}

/**
 * cr_print_meeting_get_agenda:
 * @store: the association file
 * @meeting_id: the meeting
 * @error: return location for a #CR_STORE_ERROR
 *
 * Returns: (transfer full) (nullable): the agenda of the meeting, or
 *   %NULL with @error set
 */
CrAgendaData *
cr_print_meeting_get_agenda (CrStore  *store,
                             gint64    meeting_id,
                             GError  **error)
{
  g_autoptr (CrMeeting) meeting = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (CrAgendaData) data = NULL;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  meeting = cr_store_get_meeting (store, meeting_id, error);
  if (meeting == NULL)
    return NULL;
  items = cr_store_list_agenda (store, meeting_id, error);
  if (items == NULL)
    return NULL;

  data = cr_agenda_data_new ();
  fill_meeting (&data->meeting, store, meeting);
  data->papers_sent = g_strdup (meeting->papers_sent_on);
  for (guint i = 0; i < items->len; i++)
    {
      CrAgendaItem *item = g_ptr_array_index (items, i);
      g_autofree char *proposer = NULL;

      if (item->proposer_id > 0)
        {
          g_autoptr (CrPerson) person =
            cr_store_get_person (store, item->proposer_id, NULL, error);

          if (person == NULL)
            return NULL;
          proposer = g_strdup_printf ("%s %s",
                                      cr_person_get_given_name (person),
                                      cr_person_get_family_name (person));
          g_strstrip (proposer);
        }
      cr_agenda_data_add_item (data, item->title, proposer, item->is_aob);
    }
  return g_steal_pointer (&data);
}

static CrPrintOutcome
outcome_of (CrVoteOutcome outcome)
{
  switch (outcome)
    {
    case CR_VOTE_CARRIED:
    case CR_VOTE_CONSENSUS:
      return CR_PRINT_OUTCOME_CARRIED;
    case CR_VOTE_DEFEATED:
    case CR_VOTE_TIED:
    default:
      return CR_PRINT_OUTCOME_NOT_CARRIED;
    }
}

static void
add_decision (CrPrintMinutesItem *item,
              const CrDecision   *d)
{
  CrPrintDecision *out = cr_minutes_item_add_decision (item, d->text,
                                                       outcome_of (d->outcome));

  out->method = d->method == CR_DECISION_VOTE ? CR_PRINT_DECISION_VOTE
                                              : CR_PRINT_DECISION_CONSENSUS;
  out->votes_for = d->votes_for;
  out->votes_against = d->votes_against;
  out->votes_abstain = d->votes_abstain;
  out->casting_vote = d->casting == CR_CASTING_VOTE_FOR ? CR_PRINT_CASTING_FOR :
                      d->casting == CR_CASTING_VOTE_AGAINST ? CR_PRINT_CASTING_AGAINST :
                      CR_PRINT_CASTING_NONE;
  out->to_be_ratified = !d->quorate_at_time;
}

static void
add_action (CrPrintMinutesItem *item,
            const CrAction     *a)
{
  cr_minutes_item_add_action (item, a->description, a->owner_name,
                              a->due_date);
}

/* A member's note in the minutes: their office, and the kind of
 * membership of anyone not a voting member ("Chair", "Co-optee",
 * "Treasurer; Co-optee"), or NULL. */
static char *
member_note (CrMembershipKind  kind,
             const char       *office)
{
  const char *label = kind != CR_MEMBERSHIP_VOTING
                      ? cr_membership_kind_get_label (kind) : NULL;

  if (office != NULL && label != NULL)
    return g_strconcat (office, "; ", label, NULL);
  return g_strdup (office != NULL ? office : label);
}

/* Who was there, from the marks and from who was expected. */
static gboolean
fill_attendance (CrMinutesData  *data,
                 CrStore        *store,
                 gint64          meeting_id,
                 GError        **error)
{
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GPtrArray) expected = NULL;
  g_autoptr (GHashTable) expected_ids = NULL;
  g_autoptr (GHashTable) offices = NULL;
  gboolean taken;

  records = cr_store_list_attendance (store, meeting_id, error);
  if (records == NULL)
    return FALSE;
  expected = cr_store_list_expected (store, meeting_id, error);
  if (expected == NULL)
    return FALSE;
  /* Officers are named by title: "Jane Smith (Chair)". */
  offices = cr_store_get_meeting_offices (store, meeting_id, error);
  if (offices == NULL)
    return FALSE;

  expected_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  taken = records->len > 0;
  for (guint i = 0; i < expected->len; i++)
    {
      CrExpectedAttendee *e = g_ptr_array_index (expected, i);
      g_autofree char *note = NULL;
      GPtrArray *list;

      g_hash_table_add (expected_ids, &e->person_id);
      if (e->role != CR_ATTENDEE_MEMBER && e->mark != CR_ATTENDANCE_NONE)
        continue;  /* there in another capacity: listed below */
      switch (e->mark)
        {
        case CR_ATTENDANCE_PRESENT:
          list = data->present;
          break;
        case CR_ATTENDANCE_APOLOGIES:
          list = data->apologies;
          break;
        case CR_ATTENDANCE_ABSENT:
          list = data->absent;
          break;
        case CR_ATTENDANCE_NONE:
        case CR_ATTENDANCE_N_MARKS:
        default:
          if (!taken)
            continue;
          list = data->absent;
          break;
        }
      note = member_note (e->membership_kind,
                          g_hash_table_lookup (offices, &e->person_id));
      g_ptr_array_add (list, cr_print_person_new (e->family_name, e->given_name,
                                                  note));
    }

  for (guint i = 0; i < records->len; i++)
    {
      CrAttendanceRecord *r = g_ptr_array_index (records, i);
      g_autofree char *given = NULL;
      const char *note = NULL;

      if (r->role == CR_ATTENDEE_MEMBER &&
          g_hash_table_contains (expected_ids, &r->person_id))
        continue;
      if (r->mark != CR_ATTENDANCE_PRESENT && r->role != CR_ATTENDEE_MEMBER)
        continue;
      /* The record has the spoken name and the family name: the given
       * names are what comes before it. */
      if (r->family_name != NULL && g_str_has_suffix (r->name, r->family_name))
        given = g_strstrip (g_strndup (r->name,
                                       strlen (r->name) - strlen (r->family_name)));
      note = g_hash_table_lookup (offices, &r->person_id);
      if (note == NULL && r->role == CR_ATTENDEE_OFFICER)
        note = _("Officer");
      g_ptr_array_add (r->role == CR_ATTENDEE_MEMBER
                       ? (r->mark == CR_ATTENDANCE_PRESENT ? data->present :
                          r->mark == CR_ATTENDANCE_APOLOGIES ? data->apologies :
                          data->absent)
                       : data->guests,
                       cr_print_person_new (r->family_name, given, note));
    }
  return TRUE;
}

/**
 * cr_print_meeting_get_minutes:
 * @store: the association file
 * @meeting_id: the meeting
 * @error: return location for a #CR_STORE_ERROR
 *
 * Returns: (transfer full) (nullable): the minutes of the meeting, or
 *   %NULL with @error set
 */
CrMinutesData *
cr_print_meeting_get_minutes (CrStore  *store,
                              gint64    meeting_id,
                              GError  **error)
{
  g_autoptr (CrMeeting) meeting = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) actions = NULL;
  g_autoptr (CrMinutesData) data = NULL;
  g_autoptr (GHashTable) by_item = NULL;
  g_autofree char *rule_text = NULL;
  CrQuorumRule rule;
  CrPrintMinutesItem *general = NULL;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  meeting = cr_store_get_meeting (store, meeting_id, error);
  if (meeting == NULL)
    return NULL;
  items = cr_store_list_agenda (store, meeting_id, error);
  if (items == NULL)
    return NULL;
  actions = cr_store_list_actions (store, meeting_id, error);
  if (actions == NULL)
    return NULL;
  rule_text = cr_store_get_quorum_in_force (store, meeting->group_id,
                                            meeting->date, error);
  if (rule_text == NULL)
    return NULL;

  data = cr_minutes_data_new ();
  fill_meeting (&data->meeting, store, meeting);
  if (!fill_attendance (data, store, meeting_id, error))
    return NULL;
  data->n_voting_present = meeting->voting_present;
  if (cr_quorum_rule_parse (rule_text, &rule, NULL) &&
      rule.mode == CR_QUORUM_NONE)
    data->quorum_needed = 0;
  else
    data->quorum_needed = meeting->quorum_required;

  by_item = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < items->len; i++)
    {
      CrAgendaItem *item = g_ptr_array_index (items, i);
      g_autoptr (GPtrArray) decisions = NULL;
      CrPrintMinutesItem *out;

      out = cr_minutes_data_add_item (data, item->title, item->minutes);
      g_hash_table_insert (by_item, &item->id, out);
      decisions = cr_store_list_decisions (store, item->id, error);
      if (decisions == NULL)
        return NULL;
      for (guint k = 0; k < decisions->len; k++)
        add_decision (out, g_ptr_array_index (decisions, k));
    }

  for (guint i = 0; i < actions->len; i++)
    {
      CrAction *a = g_ptr_array_index (actions, i);
      CrPrintMinutesItem *out = g_hash_table_lookup (by_item, &a->item_id);

      if (out == NULL)
        {
          if (general == NULL)
            general = cr_minutes_data_add_item (data, _("Actions agreed"), NULL);
          out = general;
        }
      add_action (out, a);
    }
  return g_steal_pointer (&data);
}
