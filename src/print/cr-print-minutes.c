/* cr-print-minutes.c: the minutes of a meeting
 *
 * Who was there, whether the meeting was quorate, then each item: what
 * was said, what was decided (and how), and who will do what by when;
 * ending with the line the chair signs at the next meeting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-print"

#include "config.h"

#include "cr-print-minutes.h"

#include "cr-print-private.h"

#include <glib/gi18n-lib.h>

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* "Aisha Begum (Chair), Tom O'Brien, …", sorted by family name. */
static void
add_people (CrPageDoc  *doc,
            const char *label,
            GPtrArray  *people)
{
  g_autoptr (GPtrArray) sorted = NULL;
  g_autoptr (GString) markup = g_string_new (NULL);
  g_autofree char *escaped_label = cr_page_escape (label);

  if (people == NULL || people->len == 0)
    return;

  sorted = cr_print_people_sorted (people);
  g_string_append_printf (markup, "<b>%s</b>  ", escaped_label);
  for (guint i = 0; i < sorted->len; i++)
    {
      const CrPrintPerson *person = g_ptr_array_index (sorted, i);
      g_autofree char *name = cr_print_person_dup_name (person);
      g_autofree char *escaped = cr_page_escape (name);

      if (i > 0)
        g_string_append (markup, ", ");
      g_string_append (markup, escaped);
      if (!is_empty (person->note))
        {
          g_autofree char *note = cr_page_escape (person->note);

          g_string_append_printf (markup, " (%s)", note);
        }
    }
  cr_page_doc_add_markup (doc, CR_PAGE_STYLE_BODY, CR_PAGE_BLOCK_NONE,
                          markup->str);
}

static char *
votes_text (const CrPrintDecision *decision)
{
  g_autofree char *abstentions = NULL;

  abstentions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u abstention",
                                              "%u abstentions",
                                              decision->votes_abstain),
                                 decision->votes_abstain);
  /* TRANSLATORS: "5 for, 2 against, 1 abstention" */
  return g_strdup_printf (_("%u for, %u against, %s"), decision->votes_for,
                          decision->votes_against, abstentions);
}

/* How the decision was reached, in a sentence. */
static char *
outcome_text (const CrPrintDecision *decision)
{
  g_autofree char *votes = NULL;

  if (decision->outcome == CR_PRINT_OUTCOME_DEFERRED)
    return g_strdup (_("Deferred to a later meeting."));

  if (decision->method == CR_PRINT_DECISION_CONSENSUS)
    return g_strdup (decision->outcome == CR_PRINT_OUTCOME_CARRIED ?
                     _("Agreed by consensus.") : _("Not agreed."));

  votes = votes_text (decision);
  if (decision->casting_vote != CR_PRINT_CASTING_NONE)
    return g_strdup_printf (decision->outcome == CR_PRINT_OUTCOME_CARRIED ?
                            _("Carried on the chair’s casting vote (%s).") :
                            _("Not carried on the chair’s casting vote (%s)."),
                            votes);
  return g_strdup_printf (decision->outcome == CR_PRINT_OUTCOME_CARRIED ?
                          _("Carried: %s.") : _("Not carried: %s."), votes);
}

static void
add_decision (CrPageDoc             *doc,
              const CrPrintDecision *decision)
{
  g_autofree char *text = cr_page_escape (decision->text);
  g_autofree char *outcome_plain = outcome_text (decision);
  g_autofree char *outcome = cr_page_escape (outcome_plain);
  g_autofree char *label = cr_page_escape (_("Decision:"));
  g_autoptr (GString) markup = g_string_new (NULL);

  g_string_append_printf (markup, "<b>%s</b> %s\n<i>%s</i>", label, text,
                          outcome);
  if (decision->to_be_ratified)
    {
      g_autofree char *ratify = cr_page_escape (_("To be ratified at the next "
                                                  "quorate meeting."));

      g_string_append_printf (markup, "\n<b>%s</b>", ratify);
    }
  cr_page_doc_add_markup (doc, CR_PAGE_STYLE_BODY, CR_PAGE_BLOCK_BAR,
                          markup->str);
}

static void
add_actions (CrPageDoc *doc,
             GPtrArray *actions)
{
  const CrPageColumn columns[] = {
    { _("Action"), 0.60 },
    { _("Who"), 0.22 },
    { _("By"), 0.18 },
  };
  CrPageTable *table;

  if (actions == NULL || actions->len == 0)
    return;

  table = cr_page_doc_add_table (doc, columns, G_N_ELEMENTS (columns),
                                 CR_PAGE_TABLE_HEADER | CR_PAGE_TABLE_RULES,
                                 0, _("Actions (continued)"));
  for (guint i = 0; i < actions->len; i++)
    {
      const CrPrintAction *action = g_ptr_array_index (actions, i);
      g_autofree char *what = cr_page_escape (action->what);
      g_autofree char *who = cr_page_escape (action->who);
      g_autofree char *due_plain = NULL;
      g_autofree char *due = NULL;
      const char *cells[3];

      if (!is_empty (action->due))
        due_plain = _cr_print_date_short (action->due);
      due = cr_page_escape (due_plain);
      cells[0] = what;
      cells[1] = who;
      cells[2] = due;
      cr_page_table_add_row (table, cells);
    }
  cr_page_doc_add_space (doc, 8);
}

/* Each blank-line-separated paragraph of @text as its own paragraph, so
 * a long minute breaks between paragraphs as readily as within them. */
static void
add_minute_text (CrPageDoc  *doc,
                 const char *text)
{
  g_autofree char *valid = NULL;
  g_auto (GStrv) paragraphs = NULL;

  if (is_empty (text))
    return;

  valid = g_utf8_make_valid (text, -1);
  g_strdelimit (valid, "\r", ' ');
  paragraphs = g_regex_split_simple ("\\n[ \\t]*\\n", valid, 0, 0);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] == '\0')
        continue;
      cr_page_doc_add_text (doc, CR_PAGE_STYLE_BODY, CR_PAGE_BLOCK_NONE,
                            paragraphs[i]);
    }
}

static CrPageDoc *
build (const CrMinutesData  *data,
       char                **title)
{
  CrPageDoc *doc;
  g_autofree char *quorum = NULL;
  g_autofree char *quorum_markup = NULL;

  doc = _cr_print_begin (&data->meeting, _("Minutes"), title);

  add_people (doc, _("Present:"), data->present);
  add_people (doc, _("Apologies:"), data->apologies);
  add_people (doc, _("Absent:"), data->absent);
  add_people (doc, _("Guests and visitors:"), data->guests);

  if (data->quorum_needed == 0)
    {
      g_autofree char *count = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u voting member present.",
                     "%u voting members present.", data->n_voting_present),
        data->n_voting_present);

      quorum_markup = cr_page_escape (count);
    }
  else
    {
      gboolean quorate = data->n_voting_present >= data->quorum_needed;
      g_autofree char *count = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u voting member present",
                     "%u voting members present", data->n_voting_present),
        data->n_voting_present);
      g_autofree char *needed = NULL;
      g_autofree char *label = NULL;

      /* TRANSLATORS: "Quorate: 6 voting members present, 4 needed." */
      needed = g_strdup_printf (_("%s, %u needed."), count,
                                data->quorum_needed);
      label = cr_page_escape (quorate ? _("Quorate:") : _("Not quorate:"));
      quorum = cr_page_escape (needed);
      if (quorate)
        quorum_markup = g_strdup_printf ("<b>%s</b> %s", label, quorum);
      else
        {
          g_autofree char *warning = cr_page_escape (
            _("Decisions taken are to be ratified at the next quorate "
              "meeting."));

          quorum_markup = g_strdup_printf ("<b>%s</b> %s %s", label, quorum,
                                           warning);
        }
    }
  cr_page_doc_add_markup (doc, CR_PAGE_STYLE_BODY, CR_PAGE_BLOCK_NONE,
                          quorum_markup);
  cr_page_doc_add_rule (doc);

  for (guint i = 0; data->items != NULL && i < data->items->len; i++)
    {
      const CrPrintMinutesItem *item = g_ptr_array_index (data->items, i);
      g_autofree char *number = NULL;
      g_autofree char *heading = NULL;

      if (!is_empty (item->number))
        number = g_strdup (item->number);
      else
        number = g_strdup_printf ("%u", i + 1);
      /* TRANSLATORS: an item's heading in the minutes: "3. Repairs" */
      heading = g_strdup_printf (_("%s.  %s"), number, item->title);

      cr_page_doc_add_space (doc, 8);
      cr_page_doc_add_text (doc, CR_PAGE_STYLE_HEADING, CR_PAGE_BLOCK_NONE,
                            heading);
      add_minute_text (doc, item->text);
      for (guint j = 0; j < item->decisions->len; j++)
        add_decision (doc, g_ptr_array_index (item->decisions, j));
      add_actions (doc, item->actions);
    }

  cr_page_doc_add_space (doc, 24);
  cr_page_doc_add_text (doc, CR_PAGE_STYLE_BODY,
                        CR_PAGE_BLOCK_KEEP_WITH_NEXT,
                        _("Signed as a true record of the meeting"));
  cr_page_doc_add_signature (doc, _("Chair"), 210, _("Date"), 110);
  return doc;
}

/**
 * cr_print_minutes_get_n_pages:
 * @data: the minutes
 *
 * Returns: how many pages the minutes take, at least 1
 */
int
cr_print_minutes_get_n_pages (const CrMinutesData *data)
{
  g_autoptr (CrPageDoc) doc = NULL;

  g_return_val_if_fail (data != NULL, 0);

  doc = build (data, NULL);
  return cr_page_doc_get_n_pages (doc);
}

/**
 * cr_print_minutes_draw_page:
 * @data: the minutes
 * @cr: where to draw, in points
 * @page: the page, from 0 to one less than cr_print_minutes_get_n_pages()
 * @width: the page's width on @cr
 * @height: its height
 *
 * Draws one page of the minutes, as cr_page_doc_draw_page() does; pages
 * may be drawn in any order.
 */
void
cr_print_minutes_draw_page (const CrMinutesData *data,
                            cairo_t             *cr,
                            int                  page,
                            double               width,
                            double               height)
{
  g_autoptr (CrPageDoc) doc = NULL;

  g_return_if_fail (data != NULL);
  g_return_if_fail (cr != NULL);

  doc = build (data, NULL);
  cr_page_doc_draw_page (doc, cr, page, width, height);
}

/**
 * cr_print_minutes_to_pdf:
 * @data: the minutes
 * @path: where to save the PDF; replaced only once the new one is whole
 * @error: return location for a #CR_PRINT_ERROR
 *
 * Returns: %TRUE if the PDF was saved
 */
gboolean
cr_print_minutes_to_pdf (const CrMinutesData  *data,
                         const char           *path,
                         GError              **error)
{
  g_autoptr (CrPageDoc) doc = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  doc = build (data, &title);
  return cr_page_doc_write_pdf (doc, path, title, error);
}
