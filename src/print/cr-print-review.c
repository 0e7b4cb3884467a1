/* cr-print-review.c: a service review's summary, printed
 *
 * For the panel's meeting and for the service manager: what the review
 * is and why it was started, its stages as a checklist with their dates,
 * the requests made and whether they were answered in time, and each
 * recommendation with management's response, the action that delivers it
 * and its impact assessment. Overdue requests and follow-ups are as on the
 * date given (today, from the window). The same drawing code as the
 * meeting pages (cr-page.h), so it prints from the window and writes a PDF
 * from `commonroom-cli print review`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-print"

#include "config.h"

#include "cr-print-review.h"

#include "cr-date.h"
#include "cr-print-private.h"
#include "cr-store-workplan.h"
#include "cr-workplan.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static char *
uk (const char *iso)
{
  return iso != NULL ? _cr_print_date_short (iso) : g_strdup ("—");
}

static void
add_fact (GString *markup, const char *label, const char *value)
{
  g_autofree char *l = cr_page_escape (label);
  g_autofree char *v = NULL;

  if (value == NULL || *value == '\0')
    return;
  v = cr_page_escape (value);
  g_string_append_printf (markup, "%s<b>%s:</b> %s", markup->len ? "\n" : "", l,
                          v);
}

static void
add_stages (CrPageDoc *doc, GPtrArray *stages, const char *on_date)
{
  const CrPageColumn columns[] = {
    { _ ("Stage"), 0.40 },
    { _ ("Planned for"), 0.18 },
    { _ ("Done on"), 0.18 },
    { _ ("Status"), 0.24 },
  };
  CrPageTable *table;

  cr_page_doc_add_text (doc, CR_PAGE_STYLE_HEADING,
                        CR_PAGE_BLOCK_KEEP_WITH_NEXT, _ ("Stages"));
  table = cr_page_doc_add_table (doc, columns, G_N_ELEMENTS (columns),
                                 CR_PAGE_TABLE_HEADER | CR_PAGE_TABLE_RULES, 0,
                                 _ ("Stages (continued)"));
  for (guint i = 0; i < stages->len; i++)
    {
      CrStageRecord   *s = g_ptr_array_index (stages, i);
      g_autofree char *name = NULL;
      g_autofree char *planned = uk (s->planned_on);
      g_autofree char *done = uk (s->done_on);
      g_autofree char *state = NULL;
      const char      *cells[4];

      name =
          g_markup_printf_escaped ("%s %u. %s",
                                   s->done_on != NULL ? "☑"
                                   : s->skipped       ? "–"
                                                      : "☐",
                                   i + 1, cr_review_stage_get_label (s->stage));
      if (s->skipped)
        state = g_markup_escape_text (_ ("Not used"), -1);
      else if (s->done_on != NULL)
        state = g_markup_escape_text (_ ("Done"), -1);
      else if (s->planned_on != NULL && strcmp (s->planned_on, on_date) < 0)
        state = g_markup_printf_escaped ("<b>%s</b>", _ ("Late"));
      else if (s->planned_on != NULL)
        state = g_markup_escape_text (_ ("Planned"), -1);
      else
        state = g_markup_escape_text (_ ("Not planned"), -1);
      cells[0] = name;
      cells[1] = planned;
      cells[2] = done;
      cells[3] = state;
      cr_page_table_add_row (table, cells);
    }
}

static void
add_requests (CrPageDoc *doc, GPtrArray *requests, const char *on_date)
{
  const CrPageColumn columns[] = {
    { _ ("Request"), 0.46 },
    { _ ("Sent"), 0.15 },
    { _ ("Due"), 0.15 },
    { _ ("Answered"), 0.24 },
  };
  CrPageTable *table;

  cr_page_doc_add_space (doc, 8);
  cr_page_doc_add_text (doc, CR_PAGE_STYLE_HEADING,
                        CR_PAGE_BLOCK_KEEP_WITH_NEXT,
                        _ ("Requests to managers"));
  if (requests->len == 0)
    {
      cr_page_doc_add_text (doc, CR_PAGE_STYLE_NOTE, CR_PAGE_BLOCK_NONE,
                            _ ("No requests made yet."));
      return;
    }
  table = cr_page_doc_add_table (doc, columns, G_N_ELEMENTS (columns),
                                 CR_PAGE_TABLE_HEADER | CR_PAGE_TABLE_RULES, 0,
                                 _ ("Requests (continued)"));
  for (guint i = 0; i < requests->len; i++)
    {
      CrInfoRequest   *q = g_ptr_array_index (requests, i);
      g_autofree char *what = NULL;
      g_autofree char *sent = uk (q->sent_on);
      g_autofree char *due = uk (q->response_due);
      g_autofree char *answered = NULL;
      const char      *cells[4];

      what = g_markup_printf_escaped ("%s\n<span size=\"10pt\">%s · %s</span>",
                                      q->what, q->sent_to,
                                      cr_request_kind_get_label (q->kind));
      if (cr_info_request_is_overdue (q, on_date))
        answered = g_markup_printf_escaped ("<b>%s</b>", _ ("Overdue"));
      else if (q->answered_on != NULL)
        answered = uk (q->answered_on);
      else
        answered = g_markup_escape_text (_ ("Waiting"), -1);
      cells[0] = what;
      cells[1] = sent;
      cells[2] = due;
      cells[3] = answered;
      cr_page_table_add_row (table, cells);
    }
}

static void
add_recommendations (CrPageDoc  *doc,
                     GPtrArray  *recommendations,
                     const char *on_date)
{
  const CrPageColumn columns[] = {
    { _ ("No."), 0.07 },
    { _ ("Recommendation and response"), 0.58 },
    { _ ("Action and impact"), 0.35 },
  };
  CrPageTable *table;

  cr_page_doc_add_space (doc, 8);
  cr_page_doc_add_text (doc, CR_PAGE_STYLE_HEADING,
                        CR_PAGE_BLOCK_KEEP_WITH_NEXT, _ ("Recommendations"));
  if (recommendations->len == 0)
    {
      cr_page_doc_add_text (doc, CR_PAGE_STYLE_NOTE, CR_PAGE_BLOCK_NONE,
                            _ ("No recommendations yet."));
      return;
    }
  table = cr_page_doc_add_table (doc, columns, G_N_ELEMENTS (columns),
                                 CR_PAGE_TABLE_HEADER | CR_PAGE_TABLE_RULES, 0,
                                 _ ("Recommendations (continued)"));
  for (guint i = 0; i < recommendations->len; i++)
    {
      CrRecommendation *c = g_ptr_array_index (recommendations, i);
      g_autofree char  *number = g_strdup_printf ("%u", c->position);
      g_autoptr (GString) text = g_string_new (NULL);
      g_autoptr (GString) action = g_string_new (NULL);
      g_autofree char *escaped = g_markup_escape_text (c->text, -1);
      const char      *cells[3];
      CrFollowUp       follow_up = cr_recommendation_follow_up (c, on_date);

      g_string_append (text, escaped);
      {
        g_autofree char *line = NULL;
        g_autofree char *on = uk (c->responded_on);

        if (c->response == CR_RESPONSE_NONE)
          line = g_markup_printf_escaped ("\n<i>%s</i>",
                                          cr_response_get_label (c->response));
        else
          line = g_markup_printf_escaped ("\n<b>%s</b> %s%s%s",
                                          cr_response_get_label (c->response),
                                          on, c->reason != NULL ? " — " : "",
                                          c->reason != NULL ? c->reason : "");
        g_string_append (text, line);
      }

      if (c->action_text != NULL)
        {
          g_autofree char *due = c->action_due ? uk (c->action_due) : NULL;
          g_autofree char *line = NULL;

          /* Translators: "Action: Repairs Manager · Open" */
          line = g_markup_printf_escaped (
              _ ("Action: %s · %s"),
              c->action_owner ? c->action_owner : _ ("no one named"),
              cr_recommendation_get_action_status_label (c));
          g_string_append (action, line);
          if (due != NULL)
            {
              g_autofree char *by =
                  g_markup_printf_escaped (_ (", by %s"), due);

              g_string_append (action, by);
            }
          if (c->action_outcome != NULL)
            {
              g_autofree char *did = g_markup_printf_escaped (
                  _ ("\nWe did: %s"), c->action_outcome);

              g_string_append (action, did);
            }
        }
      if (c->impact_due != NULL)
        {
          g_autofree char *due = uk (c->impact_due);
          g_autofree char *done = uk (c->impact_done_on);
          g_autofree char *line = NULL;

          if (c->impact_done_on != NULL)
            line = g_markup_printf_escaped (_ ("%sImpact assessed %s"),
                                            action->len ? "\n" : "", done);
          else
            line = g_markup_printf_escaped (_ ("%sImpact due %s"),
                                            action->len ? "\n" : "", due);
          g_string_append (action, line);
        }
      if (follow_up == CR_FOLLOW_UP_ACTION ||
          follow_up == CR_FOLLOW_UP_IMPACT_LATE)
        {
          g_autofree char *line =
              g_markup_printf_escaped ("%s<b>%s</b>", action->len ? "\n" : "",
                                       follow_up == CR_FOLLOW_UP_ACTION
                                           ? _ ("Needs an action")
                                           : _ ("Impact assessment overdue"));
          g_string_append (action, line);
        }
      cells[0] = number;
      cells[1] = text->str;
      cells[2] = action->str;
      cr_page_table_add_row (table, cells);
    }
}

/**
 * cr_print_review_build:
 * @on_date: (nullable): ISO date overdue items are judged on; today if
 *   %NULL
 * @title: (out) (optional): the document's title, for the PDF
 *
 * Returns: (transfer full): the summary laid out, or %NULL with @error
 */
CrPageDoc *
cr_print_review_build (CrStore    *store,
                       gint64      review_id,
                       const char *on_date,
                       char      **title,
                       GError    **error)
{
  g_autoptr (CrReview) review = NULL;
  g_autoptr (GPtrArray) stages = NULL;
  g_autoptr (GPtrArray) requests = NULL;
  g_autoptr (GPtrArray) recommendations = NULL;
  g_autofree char *today = NULL;
  g_autofree char *what = NULL;
  g_autoptr (GString) facts = g_string_new (NULL);
  g_autofree char *year = NULL;
  CrPrintMeeting   meeting = { 0 };
  CrPageDoc       *doc;
  guint            done, used;

  g_return_val_if_fail (CR_IS_STORE (store), NULL);

  if (on_date == NULL)
    on_date = today = cr_date_today_iso ();
  review = cr_store_get_review (store, review_id, error);
  if (review == NULL)
    return NULL;
  stages = cr_store_list_review_stages (store, review_id, error);
  if (stages == NULL)
    return NULL;
  requests = cr_store_list_review_requests (store, review_id, error);
  if (requests == NULL)
    return NULL;
  recommendations = cr_store_list_recommendations (store, review_id, error);
  if (recommendations == NULL)
    return NULL;

  /* The opening every printed page has: association, what and group,
   * then the date it was printed as of. */
  meeting.association = (char *) cr_store_get_association_name (store);
  meeting.group = review->group_name;
  meeting.date = (char *) on_date;
  /* Translators: a printed page's heading: "Service review: Repairs". */
  what = g_strdup_printf (_ ("Service review: %s"), review->title);
  doc = _cr_print_begin (&meeting, what, title);

  cr_review_stages_count (stages, &done, &used);
  year = g_strdup_printf ("%u", review->year);
  add_fact (facts, _ ("Year"), year);
  add_fact (facts, _ ("Status"), cr_review_status_get_label (review->status));
  add_fact (facts, _ ("Triggered by"),
            cr_review_trigger_get_label (review->trigger));
  add_fact (facts, _ ("Service manager"), review->service_manager);
  add_fact (facts, _ ("Scope"), review->scope);
  add_fact (facts, _ ("Timescale"), review->timescale);
  {
    /* Translators: "7 of 11 stages done" */
    g_autofree char *progress =
        g_strdup_printf (_ ("%u of %u stages done"), done, used);
    add_fact (facts, _ ("Progress"), progress);
  }
  cr_page_doc_add_markup (doc, CR_PAGE_STYLE_BODY, CR_PAGE_BLOCK_NONE,
                          facts->str);
  cr_page_doc_add_space (doc, 8);

  add_stages (doc, stages, on_date);
  add_requests (doc, requests, on_date);
  add_recommendations (doc, recommendations, on_date);
  return doc;
}

/**
 * cr_print_review_to_pdf:
 * @on_date: (nullable): as for cr_print_review_build()
 * @path: the PDF to write; replaced only once the new one is complete
 */
gboolean
cr_print_review_to_pdf (CrStore    *store,
                        gint64      review_id,
                        const char *on_date,
                        const char *path,
                        GError    **error)
{
  g_autoptr (CrPageDoc) doc = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  doc = cr_print_review_build (store, review_id, on_date, &title, error);
  if (doc == NULL)
    return FALSE;
  return cr_page_doc_write_pdf (doc, path, title, error);
}
