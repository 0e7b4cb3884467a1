/* cr-workplan.c: a group's work plan and its scrutiny reviews
 *
 * The words the file keeps for each choice, their labels, and the little
 * arithmetic of deadlines: when a request is overdue, what a
 * recommendation still needs, and the order a review's stages run in.
 *
 * Stages come in phases: the initial report, then the letter of intent,
 * then the requests for information, then the evidence (desk review,
 * shadowing, mystery shopping, surveys, interviews, site visits, in any
 * order or side by side), then the findings report, management's
 * comments, sign-off and, after an agreed time, the impact assessment. A
 * stage can't be done before a stage of an earlier phase was done;
 * skipped stages and stages not done yet don't count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-core"

#include "config.h"

#include "cr-workplan.h"

#include "cr-date.h"
#include "cr-meeting.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (cr - workplan - error - quark, cr_workplan_error)

typedef struct
{
  const char *word;
  const char *label; /* N_() */
} Choice;

static const Choice priority_statuses[] = {
  { "not-started", N_ ("Not started") }, { "on-track", N_ ("On track") },
  { "at-risk", N_ ("At risk") },         { "done", N_ ("Done") },
  { "dropped", N_ ("Dropped") },
};

static const Choice triggers[] = {
  { "responsive", N_ ("The panel’s own programme") },
  { "officer-request", N_ ("Requested by officers") },
  { "earlier-review", N_ ("Found by an earlier review") },
  { "complaints", N_ ("Complaints") },
  { "other", N_ ("Other") },
};

static const Choice review_statuses[] = {
  { "planned", N_ ("Planned") },
  { "in-progress", N_ ("In progress") },
  { "complete", N_ ("Complete") },
  { "withdrawn", N_ ("Withdrawn") },
};

static const Choice stages[CR_STAGE_N] = {
  { "initial-report", N_ ("Initial report") },
  { "letter-of-intent", N_ ("Letter of intent") },
  { "information-requests", N_ ("Information requests") },
  { "desk-review", N_ ("Desk review") },
  { "shadowing", N_ ("Shadowing") },
  { "mystery-shopping", N_ ("Mystery shopping") },
  { "surveys", N_ ("Surveys") },
  { "interviews", N_ ("Interviews") },
  { "site-visits", N_ ("Site visits") },
  { "findings-report", N_ ("Findings report") },
  { "management-comments", N_ ("Management comments") },
  { "sign-off", N_ ("Sign-off") },
  { "impact-assessment", N_ ("Impact assessment") },
};

static const guint stage_phase[CR_STAGE_N] = {
  1, 2, 3, 4, 4, 4, 4, 4, 4, 5, 6, 7, 8,
};

static const Choice request_kinds[] = {
  { "information", N_ ("Information") },
  { "comments", N_ ("Comments on the findings") },
};

static const Choice responses[] = {
  { NULL, N_ ("Awaiting response") },
  { "accepted", N_ ("Accepted") },
  { "partly", N_ ("Partly accepted") },
  { "rejected", N_ ("Rejected") },
};

static gboolean
from_string (const Choice *choices, guint n, const char *text, guint *out)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (choices[i].word != NULL && g_str_equal (choices[i].word, text))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

#define TO_STRING(choices, v)                                        \
  g_return_val_if_fail ((guint) (v) < G_N_ELEMENTS (choices), NULL); \
  return choices[v].word
#define LABEL(choices, v)                                          \
  g_return_val_if_fail ((guint) (v) < G_N_ELEMENTS (choices), ""); \
  return g_dgettext (GETTEXT_PACKAGE, choices[v].label)
#define FROM_STRING(choices, text, out)                         \
  guint i;                                                      \
  g_return_val_if_fail (out != NULL, FALSE);                    \
  if (!from_string (choices, G_N_ELEMENTS (choices), text, &i)) \
    return FALSE;                                               \
  *out = i;                                                     \
  return TRUE

const char *
cr_priority_status_to_string (CrPriorityStatus status)
{
  TO_STRING (priority_statuses, status);
}

gboolean
cr_priority_status_from_string (const char *text, CrPriorityStatus *out)
{
  FROM_STRING (priority_statuses, text, out);
}

const char *
cr_priority_status_get_label (CrPriorityStatus status)
{
  LABEL (priority_statuses, status);
}

const char *
cr_review_trigger_to_string (CrReviewTrigger trigger)
{
  TO_STRING (triggers, trigger);
}

gboolean
cr_review_trigger_from_string (const char *text, CrReviewTrigger *out)
{
  FROM_STRING (triggers, text, out);
}

const char *
cr_review_trigger_get_label (CrReviewTrigger trigger)
{
  LABEL (triggers, trigger);
}

const char *
cr_review_status_to_string (CrReviewStatus status)
{
  TO_STRING (review_statuses, status);
}

gboolean
cr_review_status_from_string (const char *text, CrReviewStatus *out)
{
  FROM_STRING (review_statuses, text, out);
}

const char *
cr_review_status_get_label (CrReviewStatus status)
{
  LABEL (review_statuses, status);
}

const char *
cr_review_stage_to_string (CrReviewStage stage)
{
  TO_STRING (stages, stage);
}

gboolean
cr_review_stage_from_string (const char *text, CrReviewStage *out)
{
  FROM_STRING (stages, text, out);
}

const char *
cr_review_stage_get_label (CrReviewStage stage)
{
  LABEL (stages, stage);
}

/**
 * cr_review_stage_get_phase:
 *
 * Returns: 1 for the initial report … 8 for the impact assessment; the
 *   evidence stages share phase 4
 */
guint
cr_review_stage_get_phase (CrReviewStage stage)
{
  g_return_val_if_fail ((guint) stage < CR_STAGE_N, 0);
  return stage_phase[stage];
}

const char *
cr_request_kind_to_string (CrRequestKind kind)
{
  TO_STRING (request_kinds, kind);
}

const char *
cr_request_kind_get_label (CrRequestKind kind)
{
  LABEL (request_kinds, kind);
}

/**
 * cr_response_to_string:
 *
 * Returns: (nullable): "accepted", "partly", "rejected", or %NULL for a
 *   recommendation not answered yet
 */
const char *
cr_response_to_string (CrRecommendationResponse response)
{
  TO_STRING (responses, response);
}

gboolean
cr_response_from_string (const char *text, CrRecommendationResponse *out)
{
  FROM_STRING (responses, text, out);
}

const char *
cr_response_get_label (CrRecommendationResponse response)
{
  LABEL (responses, response);
}

/* ---- records ---------------------------------------------------------- */

void
cr_priority_free (CrPriority *priority)
{
  if (priority == NULL)
    return;
  g_free (priority->title);
  g_free (priority->staff_contact);
  g_free (priority->outputs);
  g_free (priority->review_on);
  g_free (priority->lead_name);
  g_free (priority->group_name);
  g_free (priority);
}

void
cr_review_free (CrReview *review)
{
  if (review == NULL)
    return;
  g_free (review->title);
  g_free (review->service_manager);
  g_free (review->scope);
  g_free (review->timescale);
  g_free (review->group_name);
  g_free (review);
}

void
cr_stage_record_free (CrStageRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->planned_on);
  g_free (record->done_on);
  g_free (record->notes);
  g_free (record);
}

void
cr_info_request_free (CrInfoRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->sent_to);
  g_free (request->what);
  g_free (request->sent_on);
  g_free (request->response_due);
  g_free (request->answered_on);
  g_free (request->notes);
  g_free (request);
}

void
cr_recommendation_free (CrRecommendation *rec)
{
  if (rec == NULL)
    return;
  g_free (rec->text);
  g_free (rec->reason);
  g_free (rec->responded_on);
  g_free (rec->impact_due);
  g_free (rec->impact_done_on);
  g_free (rec->impact_notes);
  g_free (rec->action_text);
  g_free (rec->action_status);
  g_free (rec->action_outcome);
  g_free (rec->action_owner);
  g_free (rec->action_due);
  g_free (rec);
}

/**
 * cr_recommendation_get_action_status_label:
 *
 * Returns: (transfer none): where the recommendation's action stands, in
 *   words ("Open", "Done" …), or "" with no action
 */
const char *
cr_recommendation_get_action_status_label (const CrRecommendation *rec)
{
  CrActionStatus status;

  g_return_val_if_fail (rec != NULL, "");
  if (rec->action_status == NULL ||
      !cr_action_status_from_string (rec->action_status, &status))
    return "";
  return cr_action_status_get_label (status);
}

/* ---- deadlines --------------------------------------------------------- */

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/**
 * cr_workplan_add_days:
 * @iso: an ISO date
 * @days: calendar days to add (the documents count deadlines in days, not
 *   working days)
 *
 * Returns: (transfer full) (nullable): the ISO date @days later, or %NULL
 *   if @iso is not a date
 */
char *
cr_workplan_add_days (const char *iso, guint days)
{
  GDate date;

  if (!cr_date_parse_iso (iso, &date))
    return NULL;
  g_date_add_days (&date, days);
  return cr_date_to_iso (&date);
}

/**
 * cr_info_request_is_overdue:
 * @on_date: ISO date
 *
 * Returns: whether @request was still unanswered on @on_date after its
 *   response was due (the due day itself is not late)
 */
gboolean
cr_info_request_is_overdue (const CrInfoRequest *request, const char *on_date)
{
  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (on_date != NULL, FALSE);

  if (is_empty (request->response_due))
    return FALSE;
  if (!is_empty (request->answered_on) &&
      strcmp (request->answered_on, on_date) <= 0)
    return FALSE;
  return strcmp (request->response_due, on_date) < 0;
}

/**
 * cr_recommendation_follow_up:
 * @on_date: ISO date
 *
 * Returns: the first thing @rec still needs on @on_date: a response, then
 *   (if accepted or partly accepted) an action to deliver it, then its
 *   impact assessment once it comes within %CR_IMPACT_NOTICE_DAYS days of
 *   its date. A rejected recommendation needs nothing more.
 */
CrFollowUp
cr_recommendation_follow_up (const CrRecommendation *rec, const char *on_date)
{
  g_autofree char *soon = NULL;

  g_return_val_if_fail (rec != NULL, CR_FOLLOW_UP_NONE);
  g_return_val_if_fail (on_date != NULL, CR_FOLLOW_UP_NONE);

  if (rec->response == CR_RESPONSE_NONE)
    return CR_FOLLOW_UP_RESPONSE;
  if (rec->response == CR_RESPONSE_REJECTED)
    return CR_FOLLOW_UP_NONE;
  if (rec->action_id <= 0)
    return CR_FOLLOW_UP_ACTION;
  if (is_empty (rec->impact_due) || !is_empty (rec->impact_done_on))
    return CR_FOLLOW_UP_NONE;
  if (strcmp (rec->impact_due, on_date) < 0)
    return CR_FOLLOW_UP_IMPACT_LATE;
  soon = cr_workplan_add_days (on_date, CR_IMPACT_NOTICE_DAYS);
  if (soon != NULL && strcmp (rec->impact_due, soon) <= 0)
    return CR_FOLLOW_UP_IMPACT_SOON;
  return CR_FOLLOW_UP_NONE;
}

/**
 * cr_review_stages_check_order:
 * @stages: (element-type CrStageRecord): a review's stages, any number of
 *   them, in any order
 *
 * Returns: %TRUE if no stage was done before a stage of an earlier phase;
 *   otherwise %FALSE with %CR_WORKPLAN_ERROR_STAGE_ORDER naming the two
 */
gboolean
cr_review_stages_check_order (GPtrArray *stages, GError **error)
{
  g_return_val_if_fail (stages != NULL, FALSE);

  for (guint i = 0; i < stages->len; i++)
    {
      const CrStageRecord *later = g_ptr_array_index (stages, i);
      const CrStageRecord *worst = NULL;
      g_autofree char     *later_uk = NULL;
      g_autofree char     *worst_uk = NULL;
      g_autofree char     *later_name = NULL;
      g_autofree char     *worst_name = NULL;

      if (later->skipped || is_empty (later->done_on))
        continue;
      /* Of the earlier stages done after it, name the last done: the
       * date to check first. */
      for (guint j = 0; j < stages->len; j++)
        {
          const CrStageRecord *earlier = g_ptr_array_index (stages, j);

          if (earlier->skipped || is_empty (earlier->done_on) ||
              stage_phase[earlier->stage] >= stage_phase[later->stage] ||
              strcmp (earlier->done_on, later->done_on) <= 0)
            continue;
          if (worst == NULL || strcmp (earlier->done_on, worst->done_on) > 0)
            worst = earlier;
        }
      if (worst == NULL)
        continue;
      later_uk = cr_date_iso_to_uk (later->done_on);
      worst_uk = cr_date_iso_to_uk (worst->done_on);
      later_name =
          g_utf8_strdown (cr_review_stage_get_label (later->stage), -1);
      worst_name =
          g_utf8_strdown (cr_review_stage_get_label (worst->stage), -1);
      g_set_error (error, CR_WORKPLAN_ERROR, CR_WORKPLAN_ERROR_STAGE_ORDER,
                   _ ("The %s can’t be done on %s, before the %s (done on "
                      "%s): a review’s stages follow each other. Check the "
                      "dates."),
                   later_name, later_uk, worst_name, worst_uk);
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_review_stages_next:
 * @stages: (element-type CrStageRecord): a review's stages in order
 *
 * Returns: the index of the first stage neither done nor skipped, or -1
 *   if every stage is
 */
gint
cr_review_stages_next (GPtrArray *stages)
{
  g_return_val_if_fail (stages != NULL, -1);

  for (guint i = 0; i < stages->len; i++)
    {
      const CrStageRecord *s = g_ptr_array_index (stages, i);

      if (!s->skipped && is_empty (s->done_on))
        return (gint) i;
    }
  return -1;
}

/**
 * cr_review_stages_count:
 * @done: (out): stages done
 * @used: (out): stages not skipped
 */
void
cr_review_stages_count (GPtrArray *stages, guint *done, guint *used)
{
  g_return_if_fail (stages != NULL);

  *done = 0;
  *used = 0;
  for (guint i = 0; i < stages->len; i++)
    {
      const CrStageRecord *s = g_ptr_array_index (stages, i);

      if (s->skipped)
        continue;
      (*used)++;
      if (!is_empty (s->done_on))
        (*done)++;
    }
}

/* ---- what a delete takes with it ---------------------------------------- */

/* The confirmation a chair reads before a delete, and the CLI's report
 * after one, say the same: what goes, and that an action a meeting agreed
 * stays in that meeting's action log and in "You said, we did". */

/**
 * cr_review_describe_delete:
 *
 * Returns: (transfer full): what deleting the review takes with it, and
 *   what stays
 */
char *
cr_review_describe_delete (const char *title, const CrReviewContents *contents)
{
  g_autofree char *stages = NULL;
  g_autofree char *requests = NULL;
  g_autofree char *recommendations = NULL;
  GString         *text;

  g_return_val_if_fail (contents != NULL, NULL);

  stages =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u stage recorded",
                                    "%u stages recorded", contents->stages),
                       contents->stages);
  requests = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u request to managers",
                   "%u requests to managers", contents->requests),
      contents->requests);
  recommendations = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u recommendation", "%u recommendations",
                   contents->recommendations),
      contents->recommendations);
  text = g_string_new (NULL);
  /* Translators: "The review “Repairs” goes, with 4 stages recorded, 2
   * requests to managers and 3 recommendations." */
  g_string_append_printf (text, _ ("The review “%s” goes, with %s, %s and %s."),
                          title ? title : "", stages, requests,
                          recommendations);
  if (contents->actions > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (
          text,
          g_dngettext (GETTEXT_PACKAGE,
                       "The %u action a meeting agreed for its "
                       "recommendations stays in that meeting’s action log "
                       "and in “You said, we did”.",
                       "The %u actions meetings agreed for its "
                       "recommendations stay in the meetings’ action logs "
                       "and in “You said, we did”.",
                       contents->actions),
          contents->actions);
    }
  return g_string_free (text, FALSE);
}

/**
 * cr_recommendation_describe_delete:
 *
 * Returns: (transfer full): what deleting the recommendation does
 */
char *
cr_recommendation_describe_delete (const CrRecommendation *rec)
{
  g_return_val_if_fail (rec != NULL, NULL);

  if (rec->action_id > 0)
    return g_strdup_printf (
        _ ("Recommendation %u, “%s”, goes, with management’s response; those "
           "after it are numbered down. Its action (%s) was agreed at a "
           "meeting, so it stays in the action log and in “You said, we "
           "did”."),
        rec->position, rec->text ? rec->text : "",
        cr_recommendation_get_action_status_label (rec));
  return g_strdup_printf (_ ("Recommendation %u, “%s”, goes, with "
                             "management’s response; those after it are "
                             "numbered down."),
                          rec->position, rec->text ? rec->text : "");
}

/**
 * cr_info_request_describe_delete:
 *
 * Returns: (transfer full): what deleting the request does
 */
char *
cr_info_request_describe_delete (const CrInfoRequest *request)
{
  g_autofree char *sent = NULL;

  g_return_val_if_fail (request != NULL, NULL);

  sent = cr_date_iso_to_uk (request->sent_on);
  if (request->answered_on != NULL)
    {
      g_autofree char *answered = cr_date_iso_to_uk (request->answered_on);

      return g_strdup_printf (_ ("The request to %s for “%s”, sent on %s and "
                                 "answered on %s, goes from the review."),
                              request->sent_to, request->what, sent, answered);
    }
  return g_strdup_printf (_ ("The request to %s for “%s”, sent on %s and not "
                             "answered yet, goes from the review; nothing "
                             "will say it is overdue."),
                          request->sent_to, request->what, sent);
}
