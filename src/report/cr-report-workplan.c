/* cr-report-workplan.c: the work plan and its reviews, for the council
 *
 * Four sheets, each in the house format (cr-xlsx.h): the priorities of
 * every year's plan with their leads and status; the reviews with how far
 * each has gone; every review's stages with their dates; the requests
 * made to managers with their deadlines; and the recommendations with
 * management's response, the action that delivers each and its impact
 * assessment. Whether a request is overdue, or what a recommendation still
 * needs, is as on the report's date, and the sheets end with a count of
 * those, as formulas carrying their values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-report"

#include "config.h"

#include "cr-report-workplan.h"

#include "cr-date.h"
#include "cr-store-workplan.h"
#include "cr-workplan.h"
#include "cr-xlsx.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static void
translate (const CrXlsxColumn *columns, CrXlsxColumn *out, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      out[i] = columns[i];
      out[i].title = _ (columns[i].title);
    }
}

static const char *
stage_state (const CrStageRecord *s, const char *on_date)
{
  if (s->skipped)
    return _ ("Not used");
  if (s->done_on != NULL)
    return _ ("Done");
  if (s->planned_on != NULL && strcmp (s->planned_on, on_date) < 0)
    return _ ("Late");
  if (s->planned_on != NULL)
    return _ ("Planned");
  return _ ("Not planned");
}

static const char *
request_state (const CrInfoRequest *r, const char *on_date)
{
  if (cr_info_request_is_overdue (r, on_date))
    return _ ("Overdue");
  if (r->answered_on != NULL)
    return _ ("Answered");
  return _ ("Waiting");
}

static const char *
follow_up_label (CrFollowUp follow_up)
{
  switch (follow_up)
    {
      case CR_FOLLOW_UP_RESPONSE:
        return _ ("Awaiting response");
      case CR_FOLLOW_UP_ACTION:
        return _ ("Needs an action");
      case CR_FOLLOW_UP_IMPACT_SOON:
        return _ ("Impact assessment due");
      case CR_FOLLOW_UP_IMPACT_LATE:
        return _ ("Impact assessment overdue");
      case CR_FOLLOW_UP_NONE:
      default:
        return "";
    }
}

static gboolean
write_priorities (CrStore    *store,
                  CrXlsx     *xlsx,
                  gint64      group_id,
                  const char *title,
                  GError    **error)
{
  static const CrXlsxColumn columns[] = {
    { N_ ("Group"), CR_XLSX_TEXT, 0 },
    { N_ ("Year"), CR_XLSX_INTEGER, 8 },
    { N_ ("No."), CR_XLSX_INTEGER, 6 },
    { N_ ("Priority"), CR_XLSX_TEXT, 40 },
    { N_ ("Resident lead"), CR_XLSX_TEXT, 0 },
    { N_ ("Staff contact"), CR_XLSX_TEXT, 0 },
    { N_ ("Outputs"), CR_XLSX_TEXT, 40 },
    { N_ ("Status"), CR_XLSX_TEXT, 0 },
    { N_ ("Six-monthly review"), CR_XLSX_DATE, 0 },
  };
  CrXlsxColumn translated[G_N_ELEMENTS (columns)];
  g_autoptr (GPtrArray) list =
      cr_store_list_priorities (store, group_id, 0, error);
  CrXlsxSheet *sheet;
  gint64       done = 0;

  if (list == NULL)
    return FALSE;
  translate (columns, translated, G_N_ELEMENTS (columns));
  sheet = cr_xlsx_add_sheet (xlsx, _ ("Priorities"), title, NULL, translated,
                             G_N_ELEMENTS (translated));
  for (guint i = 0; i < list->len; i++)
    {
      CrPriority *p = g_ptr_array_index (list, i);

      cr_xlsx_sheet_add_text (sheet, p->group_name);
      cr_xlsx_sheet_add_integer (sheet, p->year);
      cr_xlsx_sheet_add_integer (sheet, p->position);
      cr_xlsx_sheet_add_text (sheet, p->title);
      cr_xlsx_sheet_add_text (sheet, p->lead_name);
      cr_xlsx_sheet_add_text (sheet, p->staff_contact);
      cr_xlsx_sheet_add_text (sheet, p->outputs);
      cr_xlsx_sheet_add_text (sheet, cr_priority_status_get_label (p->status));
      cr_xlsx_sheet_add_date_iso (sheet, p->review_on);
      if (p->status == CR_PRIORITY_DONE)
        done++;
      if (!cr_xlsx_sheet_end_row (sheet))
        break;
    }
  /* Translators: the label of the count of priorities done. */
  cr_xlsx_sheet_begin_totals (sheet, _ ("Done"));
  for (guint i = 1; i < 7; i++)
    cr_xlsx_sheet_add_blank (sheet);
  cr_xlsx_sheet_add_count_if (
      sheet, cr_priority_status_get_label (CR_PRIORITY_DONE), done);
  cr_xlsx_sheet_end_row (sheet);
  return TRUE;
}

/* The reviews, and each one's stages, requests and recommendations read
 * once for the four sheets that list them. */
typedef struct
{
  CrReview  *review;
  GPtrArray *stages;
  GPtrArray *requests;
  GPtrArray *recommendations;
} ReviewData;

static void
review_data_clear (gpointer data)
{
  ReviewData *d = data;

  g_clear_pointer (&d->stages, g_ptr_array_unref);
  g_clear_pointer (&d->requests, g_ptr_array_unref);
  g_clear_pointer (&d->recommendations, g_ptr_array_unref);
}

static GArray *
read_reviews (CrStore *store, GPtrArray *reviews, GError **error)
{
  g_autoptr (GArray) data = g_array_new (FALSE, TRUE, sizeof (ReviewData));

  g_array_set_clear_func (data, review_data_clear);
  for (guint i = 0; i < reviews->len; i++)
    {
      ReviewData  d = { g_ptr_array_index (reviews, i), NULL, NULL, NULL };
      ReviewData *slot;

      g_array_append_val (data, d);
      slot = &g_array_index (data, ReviewData, data->len - 1);
      slot->stages = cr_store_list_review_stages (store, d.review->id, error);
      if (slot->stages == NULL)
        return NULL;
      slot->requests =
          cr_store_list_review_requests (store, d.review->id, error);
      if (slot->requests == NULL)
        return NULL;
      slot->recommendations =
          cr_store_list_recommendations (store, d.review->id, error);
      if (slot->recommendations == NULL)
        return NULL;
    }
  return g_steal_pointer (&data);
}

static void
write_reviews (CrXlsx *xlsx, GArray *data, const char *title)
{
  static const CrXlsxColumn columns[] = {
    { N_ ("Group"), CR_XLSX_TEXT, 0 },
    { N_ ("Year"), CR_XLSX_INTEGER, 8 },
    { N_ ("Review"), CR_XLSX_TEXT, 36 },
    { N_ ("Triggered by"), CR_XLSX_TEXT, 0 },
    { N_ ("Service manager"), CR_XLSX_TEXT, 0 },
    { N_ ("Scope"), CR_XLSX_TEXT, 40 },
    { N_ ("Timescale"), CR_XLSX_TEXT, 0 },
    { N_ ("Status"), CR_XLSX_TEXT, 0 },
    { N_ ("Stages done"), CR_XLSX_INTEGER, 0 },
    { N_ ("Stages used"), CR_XLSX_INTEGER, 0 },
    { N_ ("Next stage"), CR_XLSX_TEXT, 0 },
  };
  CrXlsxColumn translated[G_N_ELEMENTS (columns)];
  CrXlsxSheet *sheet;

  translate (columns, translated, G_N_ELEMENTS (columns));
  sheet = cr_xlsx_add_sheet (xlsx, _ ("Reviews"), title, NULL, translated,
                             G_N_ELEMENTS (translated));
  for (guint i = 0; i < data->len; i++)
    {
      ReviewData *d = &g_array_index (data, ReviewData, i);
      CrReview   *r = d->review;
      gint        next = cr_review_stages_next (d->stages);
      guint       done, used;

      cr_review_stages_count (d->stages, &done, &used);
      cr_xlsx_sheet_add_text (sheet, r->group_name);
      cr_xlsx_sheet_add_integer (sheet, r->year);
      cr_xlsx_sheet_add_text (sheet, r->title);
      cr_xlsx_sheet_add_text (sheet, cr_review_trigger_get_label (r->trigger));
      cr_xlsx_sheet_add_text (sheet, r->service_manager);
      cr_xlsx_sheet_add_text (sheet, r->scope);
      cr_xlsx_sheet_add_text (sheet, r->timescale);
      cr_xlsx_sheet_add_text (sheet, cr_review_status_get_label (r->status));
      cr_xlsx_sheet_add_integer (sheet, done);
      cr_xlsx_sheet_add_integer (sheet, used);
      cr_xlsx_sheet_add_text (
          sheet,
          next >= 0 ? cr_review_stage_get_label ((CrReviewStage) next) : "");
      if (!cr_xlsx_sheet_end_row (sheet))
        break;
    }
  cr_xlsx_sheet_begin_totals (sheet, NULL);
  for (guint i = 1; i < 8; i++)
    cr_xlsx_sheet_add_blank (sheet);
  cr_xlsx_sheet_add_sum (sheet);
  cr_xlsx_sheet_add_sum (sheet);
  cr_xlsx_sheet_end_row (sheet);
}

static void
write_stages (CrXlsx     *xlsx,
              GArray     *data,
              const char *title,
              const char *on_date)
{
  static const CrXlsxColumn columns[] = {
    { N_ ("Review"), CR_XLSX_TEXT, 36 },
    { N_ ("No."), CR_XLSX_INTEGER, 6 },
    { N_ ("Stage"), CR_XLSX_TEXT, 0 },
    { N_ ("Planned for"), CR_XLSX_DATE, 0 },
    { N_ ("Done on"), CR_XLSX_DATE, 0 },
    { N_ ("Status"), CR_XLSX_TEXT, 0 },
    { N_ ("Notes"), CR_XLSX_TEXT, 40 },
  };
  CrXlsxColumn translated[G_N_ELEMENTS (columns)];
  CrXlsxSheet *sheet;
  gint64       done = 0;

  translate (columns, translated, G_N_ELEMENTS (columns));
  sheet = cr_xlsx_add_sheet (xlsx, _ ("Stages"), title, NULL, translated,
                             G_N_ELEMENTS (translated));
  for (guint i = 0; i < data->len; i++)
    {
      ReviewData *d = &g_array_index (data, ReviewData, i);

      for (guint j = 0; j < d->stages->len; j++)
        {
          CrStageRecord *s = g_ptr_array_index (d->stages, j);

          cr_xlsx_sheet_add_text (sheet, d->review->title);
          cr_xlsx_sheet_add_integer (sheet, j + 1);
          cr_xlsx_sheet_add_text (sheet, cr_review_stage_get_label (s->stage));
          cr_xlsx_sheet_add_date_iso (sheet, s->planned_on);
          cr_xlsx_sheet_add_date_iso (sheet, s->done_on);
          cr_xlsx_sheet_add_text (sheet, stage_state (s, on_date));
          cr_xlsx_sheet_add_text (sheet, s->notes);
          if (s->done_on != NULL && !s->skipped)
            done++;
          if (!cr_xlsx_sheet_end_row (sheet))
            return;
        }
    }
  cr_xlsx_sheet_begin_totals (sheet, _ ("Done"));
  for (guint i = 1; i < 5; i++)
    cr_xlsx_sheet_add_blank (sheet);
  cr_xlsx_sheet_add_count_if (sheet, _ ("Done"), done);
  cr_xlsx_sheet_end_row (sheet);
}

static void
write_requests (CrXlsx     *xlsx,
                GArray     *data,
                const char *title,
                const char *on_date)
{
  static const CrXlsxColumn columns[] = {
    { N_ ("Review"), CR_XLSX_TEXT, 36 },
    { N_ ("Request for"), CR_XLSX_TEXT, 0 },
    { N_ ("Sent to"), CR_XLSX_TEXT, 0 },
    { N_ ("What"), CR_XLSX_TEXT, 40 },
    { N_ ("Sent on"), CR_XLSX_DATE, 0 },
    { N_ ("Response due"), CR_XLSX_DATE, 0 },
    { N_ ("Answered on"), CR_XLSX_DATE, 0 },
    { N_ ("Status"), CR_XLSX_TEXT, 0 },
  };
  CrXlsxColumn translated[G_N_ELEMENTS (columns)];
  CrXlsxSheet *sheet;
  gint64       overdue = 0;

  translate (columns, translated, G_N_ELEMENTS (columns));
  sheet = cr_xlsx_add_sheet (xlsx, _ ("Requests"), title, NULL, translated,
                             G_N_ELEMENTS (translated));
  for (guint i = 0; i < data->len; i++)
    {
      ReviewData *d = &g_array_index (data, ReviewData, i);

      for (guint j = 0; j < d->requests->len; j++)
        {
          CrInfoRequest *q = g_ptr_array_index (d->requests, j);

          cr_xlsx_sheet_add_text (sheet, d->review->title);
          cr_xlsx_sheet_add_text (sheet, cr_request_kind_get_label (q->kind));
          cr_xlsx_sheet_add_text (sheet, q->sent_to);
          cr_xlsx_sheet_add_text (sheet, q->what);
          cr_xlsx_sheet_add_date_iso (sheet, q->sent_on);
          cr_xlsx_sheet_add_date_iso (sheet, q->response_due);
          cr_xlsx_sheet_add_date_iso (sheet, q->answered_on);
          cr_xlsx_sheet_add_text (sheet, request_state (q, on_date));
          if (cr_info_request_is_overdue (q, on_date))
            overdue++;
          if (!cr_xlsx_sheet_end_row (sheet))
            return;
        }
    }
  cr_xlsx_sheet_begin_totals (sheet, _ ("Overdue"));
  for (guint i = 1; i < 7; i++)
    cr_xlsx_sheet_add_blank (sheet);
  cr_xlsx_sheet_add_count_if (sheet, _ ("Overdue"), overdue);
  cr_xlsx_sheet_end_row (sheet);
}

static void
write_recommendations (CrXlsx     *xlsx,
                       GArray     *data,
                       const char *title,
                       const char *on_date)
{
  static const CrXlsxColumn columns[] = {
    { N_ ("Review"), CR_XLSX_TEXT, 30 },
    { N_ ("No."), CR_XLSX_INTEGER, 6 },
    { N_ ("Recommendation"), CR_XLSX_TEXT, 44 },
    { N_ ("Response"), CR_XLSX_TEXT, 0 },
    { N_ ("Reason"), CR_XLSX_TEXT, 30 },
    { N_ ("Responded on"), CR_XLSX_DATE, 0 },
    { N_ ("Action"), CR_XLSX_TEXT, 40 },
    { N_ ("Who"), CR_XLSX_TEXT, 0 },
    { N_ ("Action due"), CR_XLSX_DATE, 0 },
    { N_ ("Action status"), CR_XLSX_TEXT, 0 },
    { N_ ("Impact due"), CR_XLSX_DATE, 0 },
    { N_ ("Impact assessed"), CR_XLSX_DATE, 0 },
    { N_ ("Follow-up"), CR_XLSX_TEXT, 0 },
  };
  CrXlsxColumn translated[G_N_ELEMENTS (columns)];
  CrXlsxSheet *sheet;
  gint64       accepted = 0;

  translate (columns, translated, G_N_ELEMENTS (columns));
  sheet = cr_xlsx_add_sheet (xlsx, _ ("Recommendations"), title, NULL,
                             translated, G_N_ELEMENTS (translated));
  for (guint i = 0; i < data->len; i++)
    {
      ReviewData *d = &g_array_index (data, ReviewData, i);

      for (guint j = 0; j < d->recommendations->len; j++)
        {
          CrRecommendation *c = g_ptr_array_index (d->recommendations, j);

          cr_xlsx_sheet_add_text (sheet, d->review->title);
          cr_xlsx_sheet_add_integer (sheet, c->position);
          cr_xlsx_sheet_add_text (sheet, c->text);
          cr_xlsx_sheet_add_text (sheet, cr_response_get_label (c->response));
          cr_xlsx_sheet_add_text (sheet, c->reason);
          cr_xlsx_sheet_add_date_iso (sheet, c->responded_on);
          cr_xlsx_sheet_add_text (sheet, c->action_text);
          cr_xlsx_sheet_add_text (sheet, c->action_owner);
          cr_xlsx_sheet_add_date_iso (sheet, c->action_due);
          cr_xlsx_sheet_add_text (
              sheet, cr_recommendation_get_action_status_label (c));
          cr_xlsx_sheet_add_date_iso (sheet, c->impact_due);
          cr_xlsx_sheet_add_date_iso (sheet, c->impact_done_on);
          cr_xlsx_sheet_add_text (
              sheet,
              follow_up_label (cr_recommendation_follow_up (c, on_date)));
          if (c->response == CR_RESPONSE_ACCEPTED)
            accepted++;
          if (!cr_xlsx_sheet_end_row (sheet))
            return;
        }
    }
  cr_xlsx_sheet_begin_totals (sheet, _ ("Accepted"));
  for (guint i = 1; i < 3; i++)
    cr_xlsx_sheet_add_blank (sheet);
  cr_xlsx_sheet_add_count_if (
      sheet, cr_response_get_label (CR_RESPONSE_ACCEPTED), accepted);
  cr_xlsx_sheet_end_row (sheet);
}

/**
 * cr_report_workplan:
 * @store: the association file
 * @path: where to write the .xlsx; an existing file is replaced only once
 *   the new one is complete
 * @group_id: only this group's plan and reviews; 0 for every group's
 * @group_name: (nullable): that group's name, for the titles
 * @on_date: (nullable): ISO date overdue requests and follow-ups are
 *   judged on; today if %NULL
 * @error: return location for a #CR_STORE_ERROR or a #CR_XLSX_ERROR
 *
 * Writes the work plan workbook: priorities, reviews, stages, requests
 * and recommendations.
 *
 * Returns: %TRUE if the report was saved
 */
gboolean
cr_report_workplan (CrStore    *store,
                    const char *path,
                    gint64      group_id,
                    const char *group_name,
                    const char *on_date,
                    GError    **error)
{
  g_autoptr (GPtrArray) reviews = NULL;
  g_autoptr (GArray) data = NULL;
  g_autoptr (CrXlsx) xlsx = NULL;
  g_autofree char *today = NULL;
  g_autofree char *title = NULL;
  const char      *who;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (on_date == NULL)
    on_date = today = cr_date_today_iso ();
  reviews = cr_store_list_reviews (store, group_id, 0, error);
  if (reviews == NULL)
    return FALSE;
  data = read_reviews (store, reviews, error);
  if (data == NULL)
    return FALSE;

  who = group_name != NULL ? group_name : cr_store_get_association_name (store);
  /* Translators: the title of the work plan report; %s is a group. */
  title = g_strdup_printf (_ ("%s: work plan and service reviews"), who);
  xlsx = cr_xlsx_new (path, cr_store_get_association_name (store),
                      _ ("Work plan"), error);
  if (xlsx == NULL)
    return FALSE;
  {
    /* The plan as it stands on the day overdue items are judged on. */
    g_autofree char *as_at = cr_xlsx_describe_as_at (on_date);

    cr_xlsx_set_period (xlsx, as_at);
  }
  if (!write_priorities (store, xlsx, group_id, title, error))
    return FALSE;
  write_reviews (xlsx, data, title);
  write_stages (xlsx, data, title, on_date);
  write_requests (xlsx, data, title, on_date);
  write_recommendations (xlsx, data, title, on_date);
  return cr_xlsx_close (xlsx, cr_store_get_path (store), error);
}
