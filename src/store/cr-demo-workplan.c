/* cr-demo-workplan.c: the demo association's work plan and reviews
 *
 * The scrutiny panel's plan for this year, as a panel's terms of reference
 * describe it: four priorities with resident leads, and three service
 * reviews, one signed off with its recommendations being followed up, one
 * part way through with a request for information overdue and the
 * manager's comments on its findings late, and one planned. Only the
 * panel has one, so the demo stays the same size however many members it
 * makes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-date.h"
#include "cr-store-people.h"
#include "cr-store-rules.h"
#include "cr-store-workplan.h"

#include <glib/gi18n-lib.h>

#define PANEL_NAME "Tenants’ Scrutiny Panel"

/* The ISO date @days after @today (before it, if negative). */
static char *
day (const GDate *today, int days)
{
  GDate d = *today;

  if (days >= 0)
    g_date_add_days (&d, (guint) days);
  else
    g_date_subtract_days (&d, (guint) -days);
  return cr_date_to_iso (&d);
}

static gboolean
stage (CrStore      *store,
       gint64        review,
       CrReviewStage which,
       const GDate  *today,
       int           planned,
       int           done,
       gboolean      skipped,
       GError      **error)
{
  g_autofree char *planned_on = day (today, planned);
  g_autofree char *done_on = done != G_MININT ? day (today, done) : NULL;
  CrStageRecord    s = { 0 };

  s.stage = which;
  s.planned_on = planned_on;
  s.done_on = skipped ? NULL : done_on;
  s.skipped = skipped;
  return cr_store_set_review_stage (store, review, &s, error);
}

static gboolean
request (CrStore      *store,
         gint64        review,
         CrRequestKind kind,
         const char   *to,
         const char   *what,
         const GDate  *today,
         int           sent,
         int           due,
         int           answered,
         GError      **error)
{
  g_autofree char *sent_on = day (today, sent);
  g_autofree char *due_on = day (today, due);
  g_autofree char *answered_on =
      answered != G_MININT ? day (today, answered) : NULL;
  CrInfoRequest r = { 0 };

  r.review_id = review;
  r.kind = kind;
  r.sent_to = (char *) to;
  r.what = (char *) what;
  r.sent_on = sent_on;
  r.response_due = due_on;
  r.answered_on = answered_on;
  return cr_store_add_review_request (store, &r, error) != 0;
}

/* A recommendation with management's response; with an action from the
 * panel's latest meeting if @owner is given; impact due @impact days from
 * today (none if G_MININT), assessed if @assessed. */
static gboolean
recommend (CrStore                 *store,
           gint64                   review,
           const char              *text,
           CrRecommendationResponse response,
           const char              *reason,
           const GDate             *today,
           const char              *owner,
           int                      impact,
           gboolean                 assessed,
           GError                 **error)
{
  g_autofree char *responded = day (today, -40);
  g_autofree char *impact_due = impact != G_MININT ? day (today, impact) : NULL;
  g_autofree char *action_due = day (today, 30);
  g_autofree char *on = cr_date_to_iso (today);
  gint64 id = cr_store_add_recommendation (store, review, text, error);
  gint64 meeting;

  if (id == 0 || !cr_store_respond_recommendation (
                     store, id, response, reason, responded, impact_due, error))
    return FALSE;
  if (owner == NULL)
    return TRUE;
  meeting = cr_store_find_meeting_for_review (store, review, on, error);
  if (meeting == 0)
    return error == NULL || *error == NULL;
  if (cr_store_add_recommendation_action (store, id, meeting, owner, action_due,
                                          error) == 0)
    return FALSE;
  if (assessed)
    {
      g_autofree char *done = day (today, -5);

      return cr_store_set_recommendation_impact (store, id, done,
                                                 _ ("Repeat calls fell by a "
                                                    "third in the quarter "
                                                    "after the change."),
                                                 error);
    }
  return TRUE;
}

static gint64
add_review (CrStore        *store,
            gint64          panel,
            guint           year,
            const char     *title,
            CrReviewTrigger trigger,
            const char     *manager,
            const char     *scope,
            const char     *timescale,
            GError        **error)
{
  CrReview r = { 0 };

  r.group_id = panel;
  r.year = year;
  r.title = (char *) title;
  r.trigger = trigger;
  r.service_manager = (char *) manager;
  r.scope = (char *) scope;
  r.timescale = (char *) timescale;
  r.status = CR_REVIEW_PLANNED;
  return cr_store_add_review (store, &r, error);
}

/**
 * cr_demo_fill_workplan:
 * @today: the demo's today
 *
 * Adds the scrutiny panel's work plan, rules and reviews; does nothing in
 * a file without the demo's panel. Runs inside the demo's transaction.
 */
gboolean
cr_demo_fill_workplan (CrStore     *store,
                       GRand       *rand,
                       const GDate *today,
                       GError     **error)
{
  static const struct
  {
    const char *key;
    const char *value;
  } rules[] = {
    { "lead-max-priorities", "2" },
    { "reviews-per-year-max", "3" },
    { "request-response-days", "28" },
    { "comments-due-days", "14" },
  };
  static const struct
  {
    const char      *title;
    const char      *staff;
    const char      *outputs;
    CrPriorityStatus status;
    guint            lead;
  } priorities[] = {
    { "Repairs done right first time", "Repairs Service Manager",
      "Quarterly figures on repeat visits; a tenants’ guide to reporting "
      "repairs",
      CR_PRIORITY_ON_TRACK, 0 },
    { "Complaints answered on time", "Customer Feedback Officer",
      "Review of the complaints log each quarter", CR_PRIORITY_AT_RISK, 1 },
    { "Clean, safe estates", "Neighbourhood Services Manager",
      "Estate walkabouts with residents twice a year", CR_PRIORITY_NOT_STARTED,
      0 },
    { "Value for money on empty homes", "Voids Team Leader",
      "Costs compared with similar landlords", CR_PRIORITY_DONE, 2 },
  };
  g_autoptr (GArray) members = NULL;
  g_autofree char *on = cr_date_to_iso (today);
  g_autofree char *review_on = day (today, 60);
  g_autofree char *adopted_on = day (today, -400);
  guint            year = g_date_get_year (today);
  guint            led[8] = { 0 }; /* priorities each member leads */
  gint64           panel, asb, repairs, voids;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);

  panel = cr_store_find_group (store, PANEL_NAME, error);
  if (panel == 0)
    return error == NULL || *error == NULL;

  /* One new version of the panel's terms with the work plan rules,
   * adopted a little over a year ago, so that every request the demo
   * makes was sent under them. */
  if (cr_store_ensure_terms_draft (store, panel, error) == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (!cr_store_set_draft_rule (store, panel, rules[i].key, rules[i].value,
                                  error))
      return FALSE;
  if (!cr_store_adopt_terms (store, panel, adopted_on, 0, error))
    return FALSE;

  members = cr_store_list_group_member_ids (store, panel, on, error);
  if (members == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    {
      CrPriority p = { 0 };
      guint      lead = priorities[i].lead;

      p.group_id = panel;
      p.year = year;
      p.title = (char *) priorities[i].title;
      p.staff_contact = (char *) priorities[i].staff;
      p.outputs = (char *) priorities[i].outputs;
      p.status = priorities[i].status;
      p.review_on = review_on;
      if (members->len > 0)
        {
          guint pick =
              (lead + g_rand_int_range (rand, 0, 2) * 3) % members->len;

          /* A small panel may not have a lead to spare for every one:
           * the rules allow two each. */
          if (led[pick % G_N_ELEMENTS (led)] < 2)
            {
              p.lead_person_id = g_array_index (members, gint64, pick);
              led[pick % G_N_ELEMENTS (led)]++;
            }
        }
      if (cr_store_add_priority (store, &p, error) == 0)
        return FALSE;
    }

  /* Signed off, its recommendations followed up. */
  asb = add_review (store, panel, year, "Anti-social behaviour case handling",
                    CR_TRIGGER_OFFICER_REQUEST, "Community Safety Manager",
                    "How reports are taken, kept and closed, and how "
                    "residents are told",
                    "Six months", error);
  if (asb == 0)
    return FALSE;
  {
    static const struct
    {
      CrReviewStage stage;
      int           done;
      gboolean      skipped;
    } done[] = {
      { CR_STAGE_INITIAL_REPORT, -300, FALSE },
      { CR_STAGE_LETTER_OF_INTENT, -290, FALSE },
      { CR_STAGE_INFORMATION_REQUESTS, -285, FALSE },
      { CR_STAGE_DESK_REVIEW, -250, FALSE },
      { CR_STAGE_SHADOWING, -240, FALSE },
      { CR_STAGE_MYSTERY_SHOPPING, 0, TRUE },
      { CR_STAGE_SURVEYS, -220, FALSE },
      { CR_STAGE_INTERVIEWS, -210, FALSE },
      { CR_STAGE_SITE_VISITS, -200, FALSE },
      { CR_STAGE_FINDINGS_REPORT, -120, FALSE },
      { CR_STAGE_MANAGEMENT_COMMENTS, -108, FALSE },
      { CR_STAGE_SIGN_OFF, -90, FALSE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (done); i++)
      if (!stage (store, asb, done[i].stage, today, done[i].done - 3,
                  done[i].done, done[i].skipped, error))
        return FALSE;
    if (!stage (store, asb, CR_STAGE_IMPACT_ASSESSMENT, today, 90, G_MININT,
                FALSE, error) ||
        !request (store, asb, CR_REQUEST_INFORMATION,
                  "Community Safety Manager",
                  "Cases opened and closed in the last two years, by "
                  "estate",
                  today, -285, -257, -262, error) ||
        !request (store, asb, CR_REQUEST_COMMENTS, "Community Safety Manager",
                  "Comments on the findings report", today, -120, -106, -108,
                  error) ||
        !recommend (store, asb,
                    "Tell the resident who reported a case what "
                    "was done, in writing, within ten working days",
                    CR_RESPONSE_ACCEPTED, NULL, today,
                    "Community Safety "
                    "Manager",
                    20, FALSE, error) ||
        !recommend (store, asb,
                    "Train every housing officer in taking "
                    "reports by phone",
                    CR_RESPONSE_PARTLY,
                    "Front-line officers first; the rest next year", today,
                    "Learning and Development", -10, TRUE, error) ||
        !recommend (store, asb, "Open a second out-of-hours reporting line",
                    CR_RESPONSE_REJECTED,
                    "The council’s contact centre "
                    "already answers out of hours",
                    today, NULL, G_MININT, FALSE, error) ||
        !recommend (store, asb,
                    "Publish case numbers by estate every "
                    "quarter",
                    CR_RESPONSE_ACCEPTED, NULL, today, NULL, 60, FALSE, error))
      return FALSE;
    {
      CrReview r = { 0 };
      g_autoptr (CrReview) got = cr_store_get_review (store, asb, error);

      if (got == NULL)
        return FALSE;
      r = *got;
      r.status = CR_REVIEW_COMPLETE;
      if (!cr_store_update_review (store, &r, error))
        return FALSE;
    }
  }

  /* Part way: findings out, an answer and the comments late. */
  repairs = add_review (store, panel, year, "Responsive repairs",
                        CR_TRIGGER_COMPLAINTS, "Repairs Service Manager",
                        "Reporting a repair, appointments, and fixing it at "
                        "the first visit",
                        "Eight months", error);
  if (repairs == 0 ||
      !stage (store, repairs, CR_STAGE_INITIAL_REPORT, today, -152, -150, FALSE,
              error) ||
      !stage (store, repairs, CR_STAGE_LETTER_OF_INTENT, today, -142, -140,
              FALSE, error) ||
      !stage (store, repairs, CR_STAGE_INFORMATION_REQUESTS, today, -132, -130,
              FALSE, error) ||
      !stage (store, repairs, CR_STAGE_DESK_REVIEW, today, -92, -90, FALSE,
              error) ||
      !stage (store, repairs, CR_STAGE_SHADOWING, today, -80, -75, FALSE,
              error) ||
      !stage (store, repairs, CR_STAGE_MYSTERY_SHOPPING, today, -70, -60, FALSE,
              error) ||
      !stage (store, repairs, CR_STAGE_SURVEYS, today, -60, -45, FALSE,
              error) ||
      !stage (store, repairs, CR_STAGE_INTERVIEWS, today, -45, G_MININT, TRUE,
              error) ||
      !stage (store, repairs, CR_STAGE_SITE_VISITS, today, -40, -38, FALSE,
              error) ||
      !stage (store, repairs, CR_STAGE_FINDINGS_REPORT, today, -25, -20, FALSE,
              error) ||
      !stage (store, repairs, CR_STAGE_MANAGEMENT_COMMENTS, today, -6, G_MININT,
              FALSE, error) ||
      !stage (store, repairs, CR_STAGE_SIGN_OFF, today, 14, G_MININT, FALSE,
              error) ||
      !request (store, repairs, CR_REQUEST_INFORMATION,
                "Repairs Service Manager",
                "Repeat visits and first-time fixes, month by month", today,
                -130, -102, -110, error) ||
      !request (store, repairs, CR_REQUEST_INFORMATION, "Contracts Manager",
                "The repairs contractor’s appointment figures", today, -60, -32,
                G_MININT, error) ||
      !request (store, repairs, CR_REQUEST_COMMENTS, "Repairs Service Manager",
                "Comments on the findings report", today, -20, -6, G_MININT,
                error) ||
      cr_store_add_recommendation (store, repairs,
                                   "Offer morning, afternoon and school-run "
                                   "appointments",
                                   error) == 0 ||
      cr_store_add_recommendation (store, repairs,
                                   "Text the tenant when the operative is "
                                   "on the way",
                                   error) == 0)
    return FALSE;

  /* Planned for later in the year. */
  voids = add_review (store, panel, year, "Empty homes re-let standard",
                      CR_TRIGGER_EARLIER_REVIEW, "Voids Team Leader",
                      "The standard a home is let in, and how long it "
                      "stands empty",
                      "Four months", error);
  if (voids == 0 ||
      !stage (store, voids, CR_STAGE_INITIAL_REPORT, today, 20, G_MININT, FALSE,
              error) ||
      !stage (store, voids, CR_STAGE_LETTER_OF_INTENT, today, 30, G_MININT,
              FALSE, error))
    return FALSE;
  return TRUE;
}
