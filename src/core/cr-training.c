/* cr-training.c: what a person's training records add up to on a date
 *
 * A course counts as done on a date when the person has a "completed"
 * record for it dated on or before that day and, for a course that must be
 * refreshed, the certificate has not expired: it is valid up to the day
 * before date + validity months, and flagged from 60 days before that.
 * "Booked" and "attended" don't count: a course is done when it is
 * completed. The latest completion is the one that counts, so a refresher
 * renews the certificate.
 *
 * Records belong to the person, not to a membership: a member who leaves
 * and rejoins keeps what they completed (nothing is lost by a gap), but an
 * expiring course still expires during the gap. Completion is measured
 * against the core programme in force on the date (see
 * cr-schema-training.c), so a course that stops being core drops out of
 * both the count and the total from that day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-core"

#include "config.h"

#include "cr-training.h"

#include "cr-date.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const char *const statuses[] = {
  [CR_TRAINING_BOOKED] = "booked",
  [CR_TRAINING_ATTENDED] = "attended",
  [CR_TRAINING_COMPLETED] = "completed",
  [CR_TRAINING_DID_NOT_ATTEND] = "did-not-attend",
};

void
cr_course_free (CrCourse *course)
{
  if (course == NULL)
    return;
  g_free (course->title);
  g_free (course->provider);
  g_free (course);
}

void
cr_training_record_free (CrTrainingRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->person_name);
  g_free (record->course_title);
  g_free (record->date);
  g_free (record->certificate);
  g_free (record);
}

void
cr_role_need_free (CrRoleNeed *need)
{
  if (need == NULL)
    return;
  g_free (need->role);
  g_free (need->group_name);
  g_free (need->course_title);
  g_free (need->done_on);
  g_free (need->expires_on);
  g_free (need);
}

const char *
cr_training_status_to_string (CrTrainingStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (statuses), NULL);
  return statuses[status];
}

/**
 * cr_training_status_from_string:
 * @text: "booked", "attended", "completed" or "did-not-attend"
 *
 * Returns: %TRUE if @text is a status, stored in @out
 */
gboolean
cr_training_status_from_string (const char *text, CrTrainingStatus *out)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (statuses); i++)
    if (g_ascii_strcasecmp (text, statuses[i]) == 0)
      {
        *out = (CrTrainingStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cr_training_status_get_label (CrTrainingStatus status)
{
  switch (status)
    {
      case CR_TRAINING_BOOKED:
        return _ ("Booked");
      case CR_TRAINING_ATTENDED:
        return _ ("Attended");
      case CR_TRAINING_COMPLETED:
        return _ ("Completed");
      case CR_TRAINING_DID_NOT_ATTEND:
        return _ ("Did not attend");
      default:
        g_return_val_if_reached (NULL);
    }
}

const char *
cr_course_state_get_label (CrCourseState state)
{
  switch (state)
    {
      case CR_COURSE_NOT_DONE:
        return _ ("Not done");
      case CR_COURSE_CURRENT:
        return _ ("Done");
      case CR_COURSE_EXPIRING:
        return _ ("Expiring soon");
      case CR_COURSE_EXPIRED:
        return _ ("Expired");
      default:
        g_return_val_if_reached (NULL);
    }
}

/**
 * cr_training_expiry:
 * @done_on: ISO date the course was completed
 * @validity_months: how long it stays valid; 0 for ever
 *
 * Returns: (transfer full) (nullable): the ISO date from which the
 *   certificate is no longer valid, or %NULL if it never expires (or
 *   @done_on is not a date)
 */
char *
cr_training_expiry (const char *done_on, guint validity_months)
{
  GDate date;

  if (validity_months == 0 || !cr_date_parse_iso (done_on, &date))
    return NULL;
  cr_date_add_months (&date, (int) validity_months);
  return cr_date_to_iso (&date);
}

/**
 * cr_training_course_state:
 * @records: (element-type CrTrainingRecord): one person's records, any order
 * @course_id: the course
 * @validity_months: how long a completion stays valid (the course's, or a
 *   role's renewal period); 0 for ever
 * @on_date: ISO date
 * @latest: (out) (optional) (transfer none): the completion that counts
 *
 * Returns: where the person stands with the course on @on_date
 */
CrCourseState
cr_training_course_state (const GPtrArray         *records,
                          gint64                   course_id,
                          guint                    validity_months,
                          const char              *on_date,
                          const CrTrainingRecord **latest)
{
  const CrTrainingRecord *best = NULL;
  g_autofree char        *expiry = NULL;
  GDate                   on, until;

  g_return_val_if_fail (on_date != NULL, CR_COURSE_NOT_DONE);

  if (latest != NULL)
    *latest = NULL;
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      const CrTrainingRecord *r = g_ptr_array_index ((GPtrArray *) records, i);

      if (r->course_id != course_id || r->status != CR_TRAINING_COMPLETED ||
          strcmp (r->date, on_date) > 0)
        continue;
      if (best == NULL || strcmp (r->date, best->date) > 0)
        best = r;
    }
  if (best == NULL)
    return CR_COURSE_NOT_DONE;
  if (latest != NULL)
    *latest = best;

  expiry = cr_training_expiry (best->date, validity_months);
  if (expiry == NULL)
    return CR_COURSE_CURRENT;
  if (strcmp (expiry, on_date) <= 0)
    return CR_COURSE_EXPIRED;
  if (!cr_date_parse_iso (on_date, &on) || !cr_date_parse_iso (expiry, &until))
    return CR_COURSE_CURRENT;
  if (g_date_days_between (&on, &until) <= CR_TRAINING_EXPIRY_WARNING_DAYS)
    return CR_COURSE_EXPIRING;
  return CR_COURSE_CURRENT;
}

/**
 * cr_training_completion:
 * @records: (element-type CrTrainingRecord): one person's records
 * @core: (element-type CrCoreCourse): the core programme in force on
 *   @on_date
 * @on_date: ISO date
 *
 * Returns: how many of the core courses the person has done and still
 *   holds valid on @on_date, out of how many
 */
CrCompletion
cr_training_completion (const GPtrArray *records,
                        const GArray    *core,
                        const char      *on_date)
{
  CrCompletion c = { 0, 0 };

  for (guint i = 0; core != NULL && i < core->len; i++)
    {
      const CrCoreCourse *course = &g_array_index (core, CrCoreCourse, i);
      CrCourseState       state = cr_training_course_state (
                records, course->course_id, course->validity_months, on_date, NULL);

      c.total++;
      if (state == CR_COURSE_CURRENT || state == CR_COURSE_EXPIRING)
        c.done++;
    }
  return c;
}

/**
 * cr_completion_percent:
 *
 * Returns: the share done, in whole percent rounded down (so 79.9% never
 *   shows as 80%); 100 when there is no programme
 */
guint
cr_completion_percent (CrCompletion completion)
{
  if (completion.total == 0)
    return 100;
  return (guint) ((guint64) completion.done * 100 / completion.total);
}

/**
 * cr_completion_meets:
 * @threshold_percent: the group's training-threshold-percent
 *
 * Compared exactly, without rounding: 4 of 5 meets 80%, 7 of 9 (77.8%)
 * doesn't. With no core programme there is nothing to meet.
 *
 * Returns: %TRUE if the threshold is met
 */
gboolean
cr_completion_meets (CrCompletion completion, guint threshold_percent)
{
  if (completion.total == 0)
    return TRUE;
  return (guint64) completion.done * 100 >=
         (guint64) threshold_percent * completion.total;
}
