/* cr-print-annual.c: the annual return's summary for the AGM, printed
 *
 * What members and the council want on paper at the AGM: who the officers
 * are, which constitution is in force, the key figures of the year, the
 * recognition checklist with its evidence, and each group's meetings. The
 * workbook (cr-report-annual.c) holds the detail behind every figure; the
 * figures and the checklist come from the same functions, so the two
 * always agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-print"

#include "config.h"

#include "cr-print-annual.h"

#include "cr-meeting.h"
#include "cr-money.h"
#include "cr-print-private.h"
#include "cr-report-annual.h"

#include <glib/gi18n-lib.h>

static void
add_heading (CrPageDoc *doc, const char *text)
{
  cr_page_doc_add_space (doc, 10);
  cr_page_doc_add_text (doc, CR_PAGE_STYLE_HEADING,
                        CR_PAGE_BLOCK_KEEP_WITH_NEXT, text);
}

static void
row2 (CrPageTable *table, const char *label, const char *value)
{
  g_autofree char *l = cr_page_escape (label);
  g_autofree char *v = cr_page_escape (value);
  const char      *cells[2] = { l, v };

  cr_page_table_add_row (table, cells);
}

static void
row_count (CrPageTable *table, const char *label, guint value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  row2 (table, label, text);
}

static char *
percent (guint part, guint whole)
{
  if (whole == 0)
    return g_strdup ("—");
  return g_strdup_printf ("%u%%", (guint) ((part * 100u + whole / 2) / whole));
}

static void
row_money (CrPageTable *table, const char *label, gint64 pence)
{
  g_autofree char *text = cr_money_format (pence);

  row2 (table, label, text);
}

static CrPageDoc *
build (const CrAnnual *annual, char **title)
{
  const CrPageColumn two[] = {
    { _ ("What"), 0.55 },
    { _ ("Figure"), 0.45 },
  };
  const CrPageColumn officers[] = {
    { _ ("Office"), 0.3 },
    { _ ("Name"), 0.4 },
    { _ ("Since"), 0.3 },
  };
  const CrPageColumn tenure[] = {
    { _ ("Tenure"), 0.32 },     { _ ("At the start"), 0.17 },
    { _ ("Joined"), 0.17 },     { _ ("Left"), 0.17 },
    { _ ("At the end"), 0.17 },
  };
  const CrPageColumn checklist[] = {
    { _ ("Recognition point"), 0.28 },
    { _ ("Met"), 0.1 },
    { _ ("Evidence"), 0.62 },
  };
  const CrPageColumn groups[] = {
    { _ ("Group"), 0.4 },       { _ ("Members"), 0.15 },
    { _ ("Meetings"), 0.15 },   { _ ("Quorate"), 0.15 },
    { _ ("Attendance"), 0.15 },
  };
  g_autofree char *period = cr_annual_describe_period (annual);
  g_autofree char *subtitle = NULL;
  g_autofree char *subtitle_markup = NULL;
  g_autofree char *officers_on = _cr_print_date_short (annual->officers_on);
  g_autofree char *heading = NULL;
  g_autoptr (GPtrArray) points = cr_annual_get_checklist (annual);
  guint        judged = 0;
  guint        quorate = cr_annual_count_quorate (annual, &judged);
  guint        present = 0, expected = 0;
  CrPageTable *table;
  CrPageDoc   *doc;

  /* Translators: a printed page's subtitle: "Annual return · Year 2026" */
  subtitle = g_strdup_printf (_ ("Annual return · %s"), period);
  doc = cr_page_doc_new (annual->association, subtitle);
  cr_page_doc_add_text (doc, CR_PAGE_STYLE_TITLE, CR_PAGE_BLOCK_NONE,
                        annual->association);
  subtitle_markup = cr_page_escape (subtitle);
  cr_page_doc_add_markup (doc, CR_PAGE_STYLE_SUBTITLE, CR_PAGE_BLOCK_NONE,
                          subtitle_markup);
  cr_page_doc_add_text (doc, CR_PAGE_STYLE_NOTE, CR_PAGE_BLOCK_NONE,
                        _ ("A summary for the annual general meeting and the "
                           "council. The workbook of the annual return holds "
                           "every record behind these figures."));
  cr_page_doc_add_rule (doc);

  add_heading (doc, _ ("Constitution and AGM"));
  table = cr_page_doc_add_table (doc, two, G_N_ELEMENTS (two),
                                 CR_PAGE_TABLE_RULES, 0, NULL);
  if (annual->terms_version > 0)
    {
      g_autofree char *adopted = _cr_print_date_long (annual->terms_adopted_on);
      g_autofree char *text = g_strdup_printf (_ ("Version %u, adopted on %s"),
                                               annual->terms_version, adopted);

      row2 (table, _ ("Constitution in force"), text);
    }
  else
    row2 (table, _ ("Constitution in force"), _ ("None adopted"));
  if (annual->agms->len == 0)
    row2 (table, _ ("AGM held on"), _ ("No AGM in the period"));
  for (guint i = 0; i < annual->agms->len; i++)
    {
      g_autofree char *date =
          _cr_print_date_long (g_ptr_array_index (annual->agms, i));

      row2 (table, i == 0 ? _ ("AGM held on") : "", date);
    }

  /* Translators: %s is a date. */
  heading = g_strdup_printf (_ ("Officers on %s"), officers_on);
  add_heading (doc, heading);
  if (annual->officers->len == 0)
    cr_page_doc_add_text (doc, CR_PAGE_STYLE_BODY, CR_PAGE_BLOCK_NONE,
                          _ ("No officers are recorded."));
  else
    {
      table = cr_page_doc_add_table (doc, officers, G_N_ELEMENTS (officers),
                                     CR_PAGE_TABLE_HEADER | CR_PAGE_TABLE_RULES,
                                     0, NULL);
      for (guint i = 0; i < annual->officers->len; i++)
        {
          const CrAnnualOfficer *o = g_ptr_array_index (annual->officers, i);
          g_autofree char       *role = cr_page_escape (o->role);
          g_autofree char       *name = cr_page_escape (o->name);
          g_autofree char       *since = _cr_print_date_short (o->since);
          const char            *cells[3] = { role, name, since };

          cr_page_table_add_row (table, cells);
        }
    }

  for (guint i = 0; i < annual->groups->len; i++)
    {
      const CrAnnualCount *g = g_ptr_array_index (annual->groups, i);

      present += g->voting_present;
      expected += g->voting_expected;
    }
  add_heading (doc, _ ("Key figures"));
  table = cr_page_doc_add_table (doc, two, G_N_ELEMENTS (two),
                                 CR_PAGE_TABLE_RULES | CR_PAGE_TABLE_STRIPES |
                                     CR_PAGE_TABLE_KEEP_TOGETHER,
                                 0, NULL);
  row_count (table, _ ("Members at the start"), annual->members_at_start);
  row_count (table, _ ("Joined"), annual->joined);
  row_count (table, _ ("Left"), annual->left);
  row_count (table, _ ("Members at the end"), annual->members_at_end);
  row_count (table, _ ("Meetings held"), annual->meetings->len);
  {
    g_autofree char *text = g_strdup_printf (_ ("%u of %u with attendance "
                                                "taken"),
                                             quorate, judged);
    g_autofree char *att = percent (present, expected);

    row2 (table, _ ("Meetings quorate"), text);
    row2 (table, _ ("Attendance of voting members"), att);
  }
  row_count (table, _ ("Decisions made"), annual->decisions->len);
  row_count (table, _ ("Actions raised (you said)"), annual->actions->len);
  row_count (table, _ ("Of those, done (we did)"), annual->actions_done);
  {
    gint64 in = 0, out = 0, held = 0;

    for (guint i = 0; i < annual->categories->len; i++)
      {
        const CrAnnualCategory *c = g_ptr_array_index (annual->categories, i);

        in += c->money_in;
        out += c->money_out;
      }
    for (guint i = 0; i < annual->accounts->len; i++)
      held +=
          ((CrAnnualAccount *) g_ptr_array_index (annual->accounts, i))->at_end;
    if (annual->accounts->len > 0 || annual->categories->len > 0)
      {
        row_money (table, _ ("Money in"), in);
        row_money (table, _ ("Money out"), out);
        row_money (table, _ ("Held at the end"), held);
      }
  }

  add_heading (doc, _ ("Recognition checklist"));
  table = cr_page_doc_add_table (doc, checklist, G_N_ELEMENTS (checklist),
                                 CR_PAGE_TABLE_HEADER | CR_PAGE_TABLE_RULES, 0,
                                 NULL);
  for (guint i = 0; i < points->len; i++)
    {
      const CrAnnualPoint *p = g_ptr_array_index (points, i);
      g_autofree char     *point = cr_page_escape (_ (p->point));
      g_autofree char     *evidence = cr_page_escape (p->evidence);
      g_autofree char     *met = NULL;
      const char          *cells[3] = { point, NULL, evidence };

      if (!p->checked)
        met = g_strdup ("—");
      else
        met = g_strdup_printf ("<span weight=\"bold\" foreground=\"%s\">"
                               "%s</span>",
                               p->met ? "#26a269" : "#c01c28",
                               p->met ? _ ("Yes") : _ ("No"));
      cells[1] = met;
      cr_page_table_add_row (table, cells);
    }

  add_heading (doc, _ ("Membership by tenure"));
  table = cr_page_doc_add_table (doc, tenure, G_N_ELEMENTS (tenure),
                                 CR_PAGE_TABLE_HEADER | CR_PAGE_TABLE_RULES |
                                     CR_PAGE_TABLE_KEEP_TOGETHER,
                                 0, NULL);
  for (guint i = 0; i < annual->tenures->len; i++)
    {
      const CrAnnualCount *c = g_ptr_array_index (annual->tenures, i);
      g_autofree char     *label = cr_page_escape (c->label);
      g_autofree char     *a = g_strdup_printf ("%u", c->at_start);
      g_autofree char     *j = g_strdup_printf ("%u", c->joined);
      g_autofree char     *l = g_strdup_printf ("%u", c->left);
      g_autofree char     *e = g_strdup_printf ("%u", c->at_end);
      const char          *cells[5] = { label, a, j, l, e };

      cr_page_table_add_row (table, cells);
    }

  add_heading (doc, _ ("Groups and their meetings"));
  table = cr_page_doc_add_table (doc, groups, G_N_ELEMENTS (groups),
                                 CR_PAGE_TABLE_HEADER | CR_PAGE_TABLE_RULES, 0,
                                 _ ("Groups and their meetings (continued)"));
  for (guint i = 0; i < annual->groups->len; i++)
    {
      const CrAnnualCount *c = g_ptr_array_index (annual->groups, i);
      g_autofree char     *label = cr_page_escape (c->label);
      g_autofree char     *members = g_strdup_printf ("%u", c->at_end);
      g_autofree char     *held = g_strdup_printf ("%u", c->meetings_held);
      g_autofree char     *q = g_strdup_printf ("%u", c->meetings_quorate);
      g_autofree char *att = percent (c->voting_present, c->voting_expected);
      const char      *cells[5] = { label, members, held, q, att };

      cr_page_table_add_row (table, cells);
    }

  if (annual->grants->len > 0)
    {
      const CrPageColumn grants[] = {
        { _ ("Grant"), 0.34 },     { _ ("Funder"), 0.24 },
        { _ ("Awarded"), 0.14 },   { _ ("Spent"), 0.14 },
        { _ ("Remaining"), 0.14 },
      };

      add_heading (doc, _ ("Grants"));
      table = cr_page_doc_add_table (doc, grants, G_N_ELEMENTS (grants),
                                     CR_PAGE_TABLE_HEADER | CR_PAGE_TABLE_RULES,
                                     0, _ ("Grants (continued)"));
      for (guint i = 0; i < annual->grants->len; i++)
        {
          const CrAnnualGrant *g = g_ptr_array_index (annual->grants, i);
          g_autofree char     *name = cr_page_escape (g->name);
          g_autofree char     *funder = cr_page_escape (g->funder);
          g_autofree char     *awarded = cr_money_format (g->awarded);
          g_autofree char     *spent = cr_money_format (g->spent);
          g_autofree char     *left = cr_money_format (g->awarded - g->spent);
          const char *cells[5] = { name, funder, awarded, spent, left };

          cr_page_table_add_row (table, cells);
        }
    }

  if (annual->accounts->len > 0)
    {
      const CrPageColumn balances[] = {
        { _ ("Account"), 0.32 },    { _ ("At the start"), 0.17 },
        { _ ("In"), 0.17 },         { _ ("Out"), 0.17 },
        { _ ("At the end"), 0.17 },
      };

      add_heading (doc, _ ("Balances"));
      table =
          cr_page_doc_add_table (doc, balances, G_N_ELEMENTS (balances),
                                 CR_PAGE_TABLE_HEADER | CR_PAGE_TABLE_RULES |
                                     CR_PAGE_TABLE_KEEP_TOGETHER,
                                 0, NULL);
      for (guint i = 0; i < annual->accounts->len; i++)
        {
          const CrAnnualAccount *a = g_ptr_array_index (annual->accounts, i);
          g_autofree char       *name = cr_page_escape (a->name);
          g_autofree char       *start = cr_money_format (a->at_start);
          g_autofree char       *in = cr_money_format (a->money_in);
          g_autofree char       *out = cr_money_format (a->money_out);
          g_autofree char       *end = cr_money_format (a->at_end);
          const char            *cells[5] = { name, start, in, out, end };

          cr_page_table_add_row (table, cells);
        }
    }

  if (annual->training->len > 0)
    {
      const CrPageColumn training[] = {
        { _ ("Group"), 0.4 },      { _ ("Members"), 0.15 },
        { _ ("Threshold"), 0.15 }, { _ ("Meet it"), 0.15 },
        { _ ("Average"), 0.15 },
      };

      add_heading (doc, _ ("Training"));
      table = cr_page_doc_add_table (doc, training, G_N_ELEMENTS (training),
                                     CR_PAGE_TABLE_HEADER | CR_PAGE_TABLE_RULES,
                                     0, _ ("Training (continued)"));
      for (guint i = 0; i < annual->training->len; i++)
        {
          const CrAnnualTraining *t = g_ptr_array_index (annual->training, i);
          g_autofree char        *name = cr_page_escape (t->group_name);
          g_autofree char        *members = g_strdup_printf ("%u", t->members);
          g_autofree char        *threshold =
              t->threshold > 0 ? g_strdup_printf ("%u%%", t->threshold)
                                      : g_strdup (_ ("None set"));
          g_autofree char *met = t->threshold > 0
                                     ? g_strdup_printf ("%u", t->met)
                                     : g_strdup ("—");
          g_autofree char *average =
              t->threshold > 0 ? percent (t->percent_sum, t->members * 100)
                               : g_strdup ("—");
          const char *cells[5] = { name, members, threshold, met, average };

          cr_page_table_add_row (table, cells);
        }
    }

  if (title != NULL)
    *title = g_strdup_printf (_ ("%s — %s"), annual->association, subtitle);
  return doc;
}

/**
 * cr_print_annual_get_n_pages:
 * @annual: a period's figures
 *
 * Returns: how many pages the summary takes, at least 1
 */
int
cr_print_annual_get_n_pages (const CrAnnual *annual)
{
  g_autoptr (CrPageDoc) doc = NULL;

  g_return_val_if_fail (annual != NULL, 0);

  doc = build (annual, NULL);
  return cr_page_doc_get_n_pages (doc);
}

/**
 * cr_print_annual_draw_page:
 * @annual: a period's figures
 * @cr: where to draw, in points
 * @page: the page, from 0
 * @width: the page's width on @cr
 * @height: its height
 *
 * Draws one page of the summary; pages may be drawn in any order.
 */
void
cr_print_annual_draw_page (
    const CrAnnual *annual, cairo_t *cr, int page, double width, double height)
{
  g_autoptr (CrPageDoc) doc = NULL;

  g_return_if_fail (annual != NULL);
  g_return_if_fail (cr != NULL);

  doc = build (annual, NULL);
  cr_page_doc_draw_page (doc, cr, page, width, height);
}

/**
 * cr_print_annual_to_pdf:
 * @store: the association file
 * @path: where to save the PDF; replaced only once the new one is whole
 * @from: the period's first day, ISO
 * @to: its last day, ISO
 * @error: return location for a #CR_STORE_ERROR or #CR_PRINT_ERROR
 *
 * Returns: %TRUE if the PDF was saved
 */
gboolean
cr_print_annual_to_pdf (CrStore    *store,
                        const char *path,
                        const char *from,
                        const char *to,
                        GError    **error)
{
  g_autoptr (CrAnnual) annual = NULL;
  g_autoptr (CrPageDoc) doc = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  annual = cr_store_get_annual (store, from, to, error);
  if (annual == NULL)
    return FALSE;
  doc = build (annual, &title);
  return cr_page_doc_write_pdf (doc, path, title, error);
}
