/* cr-report-annual.c: the council pack, one workbook a year
 *
 * A cover sheet (association, period, officers, constitution, AGM and the
 * counts), a checklist of the recognition points a council asks for, and
 * the sheets each figure comes from: membership by tenure and by group,
 * membership month by month, every meeting held with its quorum and
 * attendance, the decisions and the "You said, we did" actions. Every
 * figure on the cover and the checklist is a formula pointing at the cell
 * it comes from (='Membership'!E9), carrying its value, so a council
 * officer can click through, and a link beside it opens that sheet.
 *
 * The recognition points themselves are worked out in
 * cr-annual-checklist.c. Everything goes through the house format of cr-xlsx.c
 * (title in row 1, period in row 2, bold frozen header in row 4, records from
 * row 5, autofilter, A4 fitted to the width, header row repeated, "About" sheet
 * last), so the pack looks like every other report. cr-xlsx streams each
 * sheet's rows in order (constant-memory mode); the cover and the
 * checklist come first yet point at totals further on, which is fine
 * because a totals row's place follows from the number of records, known
 * before anything is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-report"

#include "config.h"

#include "cr-report-annual.h"

#include "cr-date.h"
#include "cr-meeting.h"
#include "cr-store-annual.h"
#include "cr-xlsx.h"

#include <glib/gi18n-lib.h>

/* ---- the workbook --------------------------------------------------- */

static char *
uk (const char *iso)
{
  char *text = iso != NULL ? cr_date_iso_to_uk (iso) : NULL;

  return text != NULL ? text : g_strdup (iso != NULL ? iso : "");
}

typedef struct
{
  CrXlsx         *xlsx;
  const CrAnnual *annual;

  /* Where the figures will be, worked out before the cover and the
   * checklist, which come first, are written to point at them. */
  guint membership_total;
  guint groups_total;
  guint meetings_total;
  guint actions_total;
  guint money_total;
  guint balances_total;
  guint training_total;
  guint cover_version;
  guint cover_officers_first;
  guint n_agm;
} Pack;

/* A sheet in the house format: "Association: subject", the period. */
static CrXlsxSheet *
begin (Pack               *pack,
       gboolean            form,
       const char         *name,
       const char         *subject,
       const CrXlsxColumn *columns,
       guint               n_columns)
{
  g_autofree char *period = cr_annual_describe_period (pack->annual);
  /* Translators: a sheet's title: the association, what the sheet shows. */
  g_autofree char *title =
      g_strdup_printf (_ ("%s: %s"), pack->annual->association, subject);

  if (form)
    return cr_xlsx_add_form_sheet (pack->xlsx, name, title, period, columns,
                                   n_columns);
  return cr_xlsx_add_sheet (pack->xlsx, name, title, period, columns,
                            n_columns);
}

/* The totals row must land where the cover was told it would. */
static void
begin_totals (CrXlsxSheet *sheet, const char *label, guint expected_row)
{
  cr_xlsx_sheet_begin_totals (sheet, label);
  g_warn_if_fail (cr_xlsx_sheet_get_row (sheet) == expected_row);
}

static void
add_blanks (CrXlsxSheet *sheet, guint n)
{
  for (guint i = 0; i < n; i++)
    cr_xlsx_sheet_add_blank (sheet);
}

static void
write_membership (Pack *pack)
{
  const CrXlsxColumn columns[] = {
    { _ ("Tenure"), CR_XLSX_TEXT, 22 },
    { _ ("At the start"), CR_XLSX_INTEGER, 13 },
    { _ ("Joined"), CR_XLSX_INTEGER, 10 },
    { _ ("Left"), CR_XLSX_INTEGER, 10 },
    { _ ("At the end"), CR_XLSX_INTEGER, 12 },
  };
  const CrAnnual *annual = pack->annual;
  CrXlsxSheet    *sheet =
      begin (pack, FALSE, CR_ANNUAL_SHEET_MEMBERSHIP,
             _ ("membership by tenure"), columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < annual->tenures->len; i++)
    {
      const CrAnnualCount *c = g_ptr_array_index (annual->tenures, i);

      cr_xlsx_sheet_add_text (sheet, c->label);
      cr_xlsx_sheet_add_integer (sheet, c->at_start);
      cr_xlsx_sheet_add_integer (sheet, c->joined);
      cr_xlsx_sheet_add_integer (sheet, c->left);
      cr_xlsx_sheet_add_integer (sheet, c->at_end);
      cr_xlsx_sheet_end_row (sheet);
    }
  begin_totals (sheet, _ ("All members"), pack->membership_total);
  for (guint j = 0; j < 4; j++)
    cr_xlsx_sheet_add_sum (sheet);
  cr_xlsx_sheet_end_row (sheet);
  cr_xlsx_sheet_end_row (sheet);
  cr_xlsx_sheet_add_note (sheet, _ ("At the start: members on the first day "
                                    "who joined before it."));
  cr_xlsx_sheet_add_note (sheet, _ ("At the end: members on the last day "
                                    "who stay on."));
  cr_xlsx_sheet_add_note (sheet, _ ("A person in several groups counts "
                                    "once."));
}

static void
write_groups (Pack *pack)
{
  const CrXlsxColumn columns[] = {
    { _ ("Group"), CR_XLSX_TEXT, 0 },
    { _ ("At the start"), CR_XLSX_INTEGER, 13 },
    { _ ("Joined"), CR_XLSX_INTEGER, 9 },
    { _ ("Left"), CR_XLSX_INTEGER, 9 },
    { _ ("At the end"), CR_XLSX_INTEGER, 12 },
    { _ ("Meetings held"), CR_XLSX_INTEGER, 15 },
    { _ ("Quorate"), CR_XLSX_INTEGER, 10 },
    { _ ("Attendance"), CR_XLSX_PERCENT, 13 },
  };
  const CrAnnual *annual = pack->annual;
  CrXlsxSheet    *sheet = begin (pack, FALSE, CR_ANNUAL_SHEET_GROUPS,
                                 _ ("groups, their members and meetings"), columns,
                                 G_N_ELEMENTS (columns));

  for (guint i = 0; i < annual->groups->len; i++)
    {
      const CrAnnualCount *c = g_ptr_array_index (annual->groups, i);

      cr_xlsx_sheet_add_text (sheet, c->label);
      cr_xlsx_sheet_add_integer (sheet, c->at_start);
      cr_xlsx_sheet_add_integer (sheet, c->joined);
      cr_xlsx_sheet_add_integer (sheet, c->left);
      cr_xlsx_sheet_add_integer (sheet, c->at_end);
      cr_xlsx_sheet_add_integer (sheet, c->meetings_held);
      cr_xlsx_sheet_add_integer (sheet, c->meetings_quorate);
      cr_xlsx_sheet_add_percent (sheet, c->voting_present, c->voting_expected);
      cr_xlsx_sheet_end_row (sheet);
    }
  begin_totals (sheet, _ ("All groups"), pack->groups_total);
  add_blanks (sheet, 4);
  cr_xlsx_sheet_add_sum (sheet);
  cr_xlsx_sheet_add_sum (sheet);
  cr_xlsx_sheet_end_row (sheet);
}

static void
write_months (Pack *pack)
{
  const CrXlsxColumn columns[] = {
    { _ ("Month end"), CR_XLSX_DATE, 13 },
    { _ ("Members"), CR_XLSX_INTEGER, 11 },
  };
  const CrXlsxChart chart = {
    .kind = CR_XLSX_CHART_LINE,
    .title = _ ("Membership over the period"),
    .series_name = _ ("Members"),
    .category_column = 0,
    .value_column = 1,
  };
  const CrAnnual *annual = pack->annual;
  CrXlsxSheet    *sheet =
      begin (pack, FALSE, CR_ANNUAL_SHEET_MONTHS,
             _ ("membership month by month"), columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < annual->months->len; i++)
    {
      const CrAnnualMonth *m = g_ptr_array_index (annual->months, i);

      cr_xlsx_sheet_add_date_iso (sheet, m->date);
      cr_xlsx_sheet_add_integer (sheet, m->members);
      cr_xlsx_sheet_end_row (sheet);
    }
  cr_xlsx_sheet_add_chart (sheet, sheet, &chart, CR_XLSX_FIRST_DATA_ROW, 3);
}

static const char *
quorate_label (CrQuorate quorate)
{
  switch (quorate)
    {
      case CR_QUORATE_YES:
        return _ ("Yes");
      case CR_QUORATE_NO:
        return _ ("No");
      case CR_QUORATE_UNKNOWN:
      default:
        return _ ("Not taken");
    }
}

static void
write_meetings (Pack *pack)
{
  const CrXlsxColumn columns[] = {
    { _ ("Date"), CR_XLSX_DATE, 12 },
    { _ ("Group"), CR_XLSX_TEXT, 0 },
    { _ ("Kind"), CR_XLSX_TEXT, 24 },
    { _ ("Voting members"), CR_XLSX_INTEGER, 15 },
    { _ ("Present"), CR_XLSX_INTEGER, 10 },
    { _ ("Quorum"), CR_XLSX_INTEGER, 10 },
    { _ ("Quorate"), CR_XLSX_TEXT, 10 },
    { _ ("Attendance"), CR_XLSX_PERCENT, 13 },
    { _ ("Guests and officers"), CR_XLSX_INTEGER, 19 },
  };
  /* Dates as categories would make LibreOffice space the bars by the
   * calendar; the meetings in order read better, numbered as the rows. */
  const CrXlsxChart chart = {
    .kind = CR_XLSX_CHART_COLUMN,
    .title = _ ("Attendance of voting members at each meeting, in date "
                "order"),
    .series_name = _ ("Attendance"),
    .category_axis_name = _ ("Meetings, in the order of the table above"),
    .category_column = -1,
    .value_column = 7,
    .x_scale = 1.8,
    .y_scale = 1.2,
  };
  const CrAnnual *annual = pack->annual;
  CrXlsxSheet    *sheet = begin (pack, FALSE, CR_ANNUAL_SHEET_MEETINGS,
                                 _ ("meetings held, quorum and attendance"),
                                 columns, G_N_ELEMENTS (columns));
  guint           quorate = 0;

  for (guint i = 0; i < annual->meetings->len; i++)
    {
      const CrAnnualMeeting *m = g_ptr_array_index (annual->meetings, i);

      cr_xlsx_sheet_add_date_iso (sheet, m->date);
      cr_xlsx_sheet_add_text (sheet, m->group_name);
      cr_xlsx_sheet_add_text (sheet, cr_meeting_kind_get_label (m->kind));
      cr_xlsx_sheet_add_integer (sheet, m->voting_members);
      cr_xlsx_sheet_add_integer (sheet, m->voting_present);
      cr_xlsx_sheet_add_integer (sheet, m->quorum_required);
      cr_xlsx_sheet_add_marked_text (
          sheet, quorate_label (m->quorate),
          m->quorate == CR_QUORATE_NO ? CR_XLSX_MARK_BAD : CR_XLSX_MARK_NONE);
      if (m->quorate != CR_QUORATE_UNKNOWN)
        cr_xlsx_sheet_add_percent (sheet, m->voting_present, m->voting_members);
      else
        cr_xlsx_sheet_add_blank (sheet);
      cr_xlsx_sheet_add_integer (sheet, m->others_present);
      cr_xlsx_sheet_end_row (sheet);
      if (m->quorate == CR_QUORATE_YES)
        quorate++;
    }
  begin_totals (sheet, _ ("Total"), pack->meetings_total);
  add_blanks (sheet, 1);
  cr_xlsx_sheet_add_count_if (
      sheet, cr_meeting_kind_get_label (CR_MEETING_KIND_AGM), pack->n_agm);
  add_blanks (sheet, 3);
  cr_xlsx_sheet_add_count_if (sheet, _ ("Yes"), quorate);
  cr_xlsx_sheet_end_row (sheet);
  /* What the two counts count, under them. */
  cr_xlsx_sheet_begin_totals (sheet, "");
  add_blanks (sheet, 1);
  cr_xlsx_sheet_add_text (sheet, _ ("AGMs"));
  add_blanks (sheet, 3);
  cr_xlsx_sheet_add_text (sheet, _ ("quorate"));
  cr_xlsx_sheet_end_row (sheet);

  /* Below the table, so the printed page stays one column wide. */
  cr_xlsx_sheet_add_chart (sheet, sheet, &chart,
                           cr_xlsx_sheet_get_row (sheet) + 1, 0);
}

static void
write_decisions (Pack *pack)
{
  const CrXlsxColumn columns[] = {
    { _ ("Date"), CR_XLSX_DATE, 12 },
    { _ ("Group"), CR_XLSX_TEXT, 0 },
    { _ ("Item"), CR_XLSX_WRAP, 26 },
    { _ ("Decision"), CR_XLSX_WRAP, 44 },
    { _ ("How"), CR_XLSX_TEXT, 14 },
    { _ ("For"), CR_XLSX_INTEGER, 6 },
    { _ ("Against"), CR_XLSX_INTEGER, 9 },
    { _ ("Abstain"), CR_XLSX_INTEGER, 9 },
    { _ ("Outcome"), CR_XLSX_TEXT, 20 },
    { _ ("Quorate"), CR_XLSX_TEXT, 19 },
  };
  const CrAnnual *annual = pack->annual;
  CrXlsxSheet    *sheet = begin (pack, FALSE, CR_ANNUAL_SHEET_DECISIONS,
                                 _ ("decisions"), columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < annual->decisions->len; i++)
    {
      const CrAnnualDecision *d = g_ptr_array_index (annual->decisions, i);

      cr_xlsx_sheet_add_date_iso (sheet, d->date);
      cr_xlsx_sheet_add_text (sheet, d->group_name);
      cr_xlsx_sheet_add_text (sheet, d->item);
      cr_xlsx_sheet_add_text (sheet, d->text);
      cr_xlsx_sheet_add_text (sheet, cr_decision_method_get_label (d->method));
      if (d->method == CR_DECISION_VOTE)
        {
          cr_xlsx_sheet_add_integer (sheet, d->votes_for);
          cr_xlsx_sheet_add_integer (sheet, d->votes_against);
          cr_xlsx_sheet_add_integer (sheet, d->votes_abstain);
        }
      else
        add_blanks (sheet, 3);
      cr_xlsx_sheet_add_text (sheet, cr_vote_outcome_get_label (d->outcome));
      if (d->quorate_at_time)
        cr_xlsx_sheet_add_text (sheet, _ ("Yes"));
      else
        cr_xlsx_sheet_add_marked_text (sheet, _ ("No: to be ratified"),
                                       CR_XLSX_MARK_BAD);
      cr_xlsx_sheet_end_row (sheet);
    }
}

static void
write_actions (Pack *pack)
{
  const CrXlsxColumn columns[] = {
    { _ ("Raised on"), CR_XLSX_DATE, 12 }, { _ ("Group"), CR_XLSX_TEXT, 0 },
    { _ ("You said"), CR_XLSX_WRAP, 40 },  { _ ("Who"), CR_XLSX_TEXT, 0 },
    { _ ("Due"), CR_XLSX_DATE, 12 },       { _ ("Status"), CR_XLSX_TEXT, 12 },
    { _ ("We did"), CR_XLSX_WRAP, 40 },    { _ ("Done on"), CR_XLSX_DATE, 12 },
  };
  const CrAnnual *annual = pack->annual;
  CrXlsxSheet    *sheet =
      begin (pack, FALSE, CR_ANNUAL_SHEET_ACTIONS, _ ("you said, we did"),
             columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < annual->actions->len; i++)
    {
      const CrAction *a = g_ptr_array_index (annual->actions, i);

      cr_xlsx_sheet_add_date_iso (sheet, a->meeting_date);
      cr_xlsx_sheet_add_text (sheet, a->group_name);
      cr_xlsx_sheet_add_text (sheet, a->description);
      cr_xlsx_sheet_add_text (sheet, a->owner_name);
      cr_xlsx_sheet_add_date_iso (sheet, a->due_date);
      cr_xlsx_sheet_add_text (sheet, cr_action_status_get_label (a->status));
      cr_xlsx_sheet_add_text (sheet, a->outcome);
      cr_xlsx_sheet_add_date_iso (sheet, a->done_on);
      cr_xlsx_sheet_end_row (sheet);
    }
  begin_totals (sheet, _ ("Total"), pack->actions_total);
  add_blanks (sheet, 1);
  cr_xlsx_sheet_add_count_all (sheet, annual->actions->len);
  add_blanks (sheet, 2);
  cr_xlsx_sheet_add_count_if (
      sheet, cr_action_status_get_label (CR_ACTION_DONE), annual->actions_done);
  cr_xlsx_sheet_end_row (sheet);
}

static void
write_money (Pack *pack)
{
  const CrXlsxColumn columns[] = {
    { _ ("Category"), CR_XLSX_TEXT, 0 },
    { _ ("Money in"), CR_XLSX_MONEY, 14 },
    { _ ("Money out"), CR_XLSX_MONEY, 14 },
  };
  const CrAnnual   *annual = pack->annual;
  const CrXlsxChart chart = {
    .kind = CR_XLSX_CHART_BAR,
    .title = _ ("Spending by category"),
    .series_name = _ ("Money out"),
    .category_column = 0,
    .value_column = 2,
    .y_scale = MAX (1.0, annual->categories->len / 10.0),
  };
  CrXlsxSheet *sheet = begin (pack, FALSE, CR_ANNUAL_SHEET_MONEY,
                              _ ("income and expenditure by category"), columns,
                              G_N_ELEMENTS (columns));

  for (guint i = 0; i < annual->categories->len; i++)
    {
      const CrAnnualCategory *c = g_ptr_array_index (annual->categories, i);

      cr_xlsx_sheet_add_text (sheet, c->category);
      cr_xlsx_sheet_add_money (sheet, c->money_in);
      cr_xlsx_sheet_add_money (sheet, c->money_out);
      cr_xlsx_sheet_end_row (sheet);
    }
  begin_totals (sheet, _ ("Total"), pack->money_total);
  cr_xlsx_sheet_add_sum (sheet);
  cr_xlsx_sheet_add_sum (sheet);
  cr_xlsx_sheet_end_row (sheet);
  cr_xlsx_sheet_add_chart (sheet, sheet, &chart, CR_XLSX_FIRST_DATA_ROW, 4);
}

static void
write_grants (Pack *pack)
{
  const CrXlsxColumn columns[] = {
    { _ ("Grant"), CR_XLSX_TEXT, 0 },
    { _ ("Funder"), CR_XLSX_TEXT, 0 },
    { _ ("Status"), CR_XLSX_TEXT, 10 },
    { _ ("Awarded on"), CR_XLSX_DATE, 12 },
    { _ ("Awarded"), CR_XLSX_MONEY, 14 },
    { _ ("Spent by the end"), CR_XLSX_MONEY, 17 },
    { _ ("Remaining"), CR_XLSX_MONEY, 14 },
  };
  const CrAnnual *annual = pack->annual;
  CrXlsxSheet    *sheet = begin (pack, FALSE, CR_ANNUAL_SHEET_GRANTS,
                                 _ ("grants awarded, spent and remaining"),
                                 columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < annual->grants->len; i++)
    {
      const CrAnnualGrant *g = g_ptr_array_index (annual->grants, i);
      guint                row = cr_xlsx_sheet_get_row (sheet);
      g_autofree char     *awarded = cr_xlsx_cell (row, 4);
      g_autofree char     *spent = cr_xlsx_cell (row, 5);
      g_autofree char     *formula = g_strdup_printf ("=%s-%s", awarded, spent);

      cr_xlsx_sheet_add_marked_text (
          sheet, g->name, g->over ? CR_XLSX_MARK_BAD : CR_XLSX_MARK_NONE);
      cr_xlsx_sheet_add_text (sheet, g->funder);
      cr_xlsx_sheet_add_text (sheet, g->status);
      cr_xlsx_sheet_add_date_iso (sheet, g->awarded_on);
      cr_xlsx_sheet_add_money (sheet, g->awarded);
      cr_xlsx_sheet_add_money (sheet, g->spent);
      cr_xlsx_sheet_add_formula (sheet, formula, CR_XLSX_MONEY,
                                 g->awarded - g->spent);
      cr_xlsx_sheet_end_row (sheet);
    }
  begin_totals (sheet, _ ("Total"),
                CR_XLSX_FIRST_DATA_ROW + annual->grants->len);
  add_blanks (sheet, 3);
  for (guint j = 0; j < 3; j++)
    cr_xlsx_sheet_add_sum (sheet);
  cr_xlsx_sheet_end_row (sheet);
}

static void
write_balances (Pack *pack)
{
  const CrXlsxColumn columns[] = {
    { _ ("Account"), CR_XLSX_TEXT, 0 },
    { _ ("At the start"), CR_XLSX_MONEY, 14 },
    { _ ("Money in"), CR_XLSX_MONEY, 14 },
    { _ ("Money out"), CR_XLSX_MONEY, 14 },
    { _ ("At the end"), CR_XLSX_MONEY, 14 },
  };
  const CrAnnual *annual = pack->annual;
  CrXlsxSheet    *sheet = begin (pack, FALSE, CR_ANNUAL_SHEET_BALANCES,
                                 _ ("opening and closing balances"), columns,
                                 G_N_ELEMENTS (columns));

  for (guint i = 0; i < annual->accounts->len; i++)
    {
      const CrAnnualAccount *a = g_ptr_array_index (annual->accounts, i);
      guint                  row = cr_xlsx_sheet_get_row (sheet);
      g_autofree char       *start = cr_xlsx_cell (row, 1);
      g_autofree char       *in = cr_xlsx_cell (row, 2);
      g_autofree char       *out = cr_xlsx_cell (row, 3);
      g_autofree char *formula = g_strdup_printf ("=%s+%s-%s", start, in, out);

      cr_xlsx_sheet_add_text (sheet, a->name);
      cr_xlsx_sheet_add_money (sheet, a->at_start);
      cr_xlsx_sheet_add_money (sheet, a->money_in);
      cr_xlsx_sheet_add_money (sheet, a->money_out);
      cr_xlsx_sheet_add_formula (sheet, formula, CR_XLSX_MONEY, a->at_end);
      cr_xlsx_sheet_end_row (sheet);
    }
  begin_totals (sheet, _ ("Total"), pack->balances_total);
  for (guint j = 0; j < 4; j++)
    cr_xlsx_sheet_add_sum (sheet);
  cr_xlsx_sheet_end_row (sheet);
}

static void
write_training (Pack *pack)
{
  const CrXlsxColumn columns[] = {
    { _ ("Group"), CR_XLSX_TEXT, 0 },
    { _ ("Members"), CR_XLSX_INTEGER, 10 },
    { _ ("Threshold"), CR_XLSX_PERCENT, 11 },
    { _ ("Meet it"), CR_XLSX_INTEGER, 10 },
    { _ ("Below it"), CR_XLSX_INTEGER, 10 },
    { _ ("Average completion"), CR_XLSX_PERCENT, 19 },
  };
  const CrAnnual *annual = pack->annual;
  CrXlsxSheet    *sheet =
      begin (pack, FALSE, CR_ANNUAL_SHEET_TRAINING,
             _ ("core training against each group’s threshold"), columns,
             G_N_ELEMENTS (columns));

  for (guint i = 0; i < annual->training->len; i++)
    {
      const CrAnnualTraining *t = g_ptr_array_index (annual->training, i);

      cr_xlsx_sheet_add_text (sheet, t->group_name);
      cr_xlsx_sheet_add_integer (sheet, t->members);
      if (t->threshold > 0)
        {
          cr_xlsx_sheet_add_percent (sheet, t->threshold, 100);
          cr_xlsx_sheet_add_integer (sheet, t->met);
          cr_xlsx_sheet_add_integer (sheet, t->members - t->met);
        }
      else
        {
          cr_xlsx_sheet_add_text (sheet, _ ("None set"));
          add_blanks (sheet, 2);
        }
      if (t->members > 0 && t->threshold > 0)
        cr_xlsx_sheet_add_percent (sheet, t->percent_sum,
                                   (gint64) t->members * 100);
      cr_xlsx_sheet_end_row (sheet);
    }
  begin_totals (sheet, _ ("All groups"), pack->training_total);
  cr_xlsx_sheet_add_sum (sheet);
  add_blanks (sheet, 1);
  cr_xlsx_sheet_add_sum (sheet);
  cr_xlsx_sheet_add_sum (sheet);
  cr_xlsx_sheet_end_row (sheet);
}

static guint
training_met (const CrAnnual *annual)
{
  guint met = 0;

  for (guint i = 0; i < annual->training->len; i++)
    met += ((CrAnnualTraining *) g_ptr_array_index (annual->training, i))->met;
  return met;
}

/* One figure of the cover: a formula into the sheet it comes from, and a
 * link beside it that opens that sheet at the cell. */
static void
cover_figure (CrXlsxSheet *cover,
              const char  *label,
              CrXlsxKind   kind,
              gint64       value,
              const char  *from,
              guint        row,
              guint        col,
              const char  *formula)
{
  g_autofree char *where = cr_xlsx_ref (from, row, col);
  g_autofree char *own =
      formula == NULL ? g_strconcat ("=", where, NULL) : NULL;
  /* Translators: a link to the sheet a figure comes from. */
  g_autofree char *see = g_strdup_printf (_ ("See %s"), from);

  cr_xlsx_sheet_add_label (cover, label);
  cr_xlsx_sheet_add_formula (cover, formula != NULL ? formula : own, kind,
                             value);
  cr_xlsx_sheet_add_link (cover, see, where);
  cr_xlsx_sheet_end_row (cover);
}

static void
cover_text (CrXlsxSheet *cover, const char *label, const char *value)
{
  cr_xlsx_sheet_add_label (cover, label);
  cr_xlsx_sheet_add_text (cover, value);
  cr_xlsx_sheet_end_row (cover);
}

static void
write_cover (Pack *pack)
{
  const CrXlsxColumn columns[] = {
    { _ ("What"), CR_XLSX_TEXT, 36 },
    { _ ("Figure"), CR_XLSX_TEXT, 24 },
    { _ ("Where it comes from"), CR_XLSX_TEXT, 36 },
  };
  const CrAnnual *annual = pack->annual;
  CrXlsxSheet    *cover =
      begin (pack, TRUE, CR_ANNUAL_SHEET_COVER, _ ("annual return"), columns,
             G_N_ELEMENTS (columns));
  g_autofree char *period = cr_annual_describe_period (annual);
  g_autofree char *officers_on = uk (annual->officers_on);
  g_autofree char *officers_label = NULL;
  g_autofree char *decisions = NULL;
  guint            judged = 0;
  guint            quorate = cr_annual_count_quorate (annual, &judged);

  cover_text (cover, _ ("Association"), annual->association);
  cover_text (cover, _ ("Period"), period);

  pack->cover_version = cr_xlsx_sheet_get_row (cover);
  cr_xlsx_sheet_add_label (cover, _ ("Constitution version"));
  if (annual->terms_version > 0)
    cr_xlsx_sheet_add_integer (cover, annual->terms_version);
  else
    cr_xlsx_sheet_add_marked_text (cover, _ ("None adopted"), CR_XLSX_MARK_BAD);
  cr_xlsx_sheet_end_row (cover);
  cr_xlsx_sheet_add_label (cover, _ ("Constitution adopted on"));
  cr_xlsx_sheet_add_date_iso (cover, annual->terms_adopted_on);
  cr_xlsx_sheet_end_row (cover);

  for (guint i = 0; i < MAX (annual->agms->len, 1); i++)
    {
      cr_xlsx_sheet_add_label (cover, i == 0 ? _ ("AGM held on") : NULL);
      if (i < annual->agms->len)
        cr_xlsx_sheet_add_date_iso (cover, g_ptr_array_index (annual->agms, i));
      else
        cr_xlsx_sheet_add_marked_text (cover, _ ("No AGM in the period"),
                                       CR_XLSX_MARK_BAD);
      cr_xlsx_sheet_end_row (cover);
    }

  cr_xlsx_sheet_end_row (cover);
  /* Translators: %s is a date. */
  officers_label = g_strdup_printf (_ ("Officers on %s"), officers_on);
  cr_xlsx_sheet_add_heading (cover, officers_label);
  cr_xlsx_sheet_end_row (cover);
  pack->cover_officers_first = cr_xlsx_sheet_get_row (cover);
  for (guint i = 0; i < annual->officers->len; i++)
    {
      const CrAnnualOfficer *o = g_ptr_array_index (annual->officers, i);
      g_autofree char       *since = uk (o->since);
      g_autofree char       *detail = g_strdup_printf (_ ("since %s"), since);

      cr_xlsx_sheet_add_label (cover, o->role);
      cr_xlsx_sheet_add_text (cover, o->name);
      cr_xlsx_sheet_add_text (cover, detail);
      cr_xlsx_sheet_end_row (cover);
    }
  if (annual->officers->len == 0)
    {
      cr_xlsx_sheet_add_marked_text (cover, _ ("No officers recorded"),
                                     CR_XLSX_MARK_BAD);
      cr_xlsx_sheet_end_row (cover);
    }

  cr_xlsx_sheet_end_row (cover);
  cr_xlsx_sheet_add_heading (cover, _ ("Counts"));
  cr_xlsx_sheet_end_row (cover);
  cover_figure (cover, _ ("Members at the start"), CR_XLSX_INTEGER,
                annual->members_at_start, CR_ANNUAL_SHEET_MEMBERSHIP,
                pack->membership_total, 1, NULL);
  cover_figure (cover, _ ("Joined"), CR_XLSX_INTEGER, annual->joined,
                CR_ANNUAL_SHEET_MEMBERSHIP, pack->membership_total, 2, NULL);
  cover_figure (cover, _ ("Left"), CR_XLSX_INTEGER, annual->left,
                CR_ANNUAL_SHEET_MEMBERSHIP, pack->membership_total, 3, NULL);
  cover_figure (cover, _ ("Members at the end"), CR_XLSX_INTEGER,
                annual->members_at_end, CR_ANNUAL_SHEET_MEMBERSHIP,
                pack->membership_total, 4, NULL);
  cover_figure (cover, _ ("Meetings held"), CR_XLSX_INTEGER,
                annual->meetings->len, CR_ANNUAL_SHEET_GROUPS,
                pack->groups_total, 5, NULL);
  cover_figure (cover, _ ("Meetings quorate"), CR_XLSX_INTEGER, quorate,
                CR_ANNUAL_SHEET_MEETINGS, pack->meetings_total, 6, NULL);
  if (annual->decisions->len > 0)
    {
      g_autofree char *range = cr_xlsx_range_ref (
          CR_ANNUAL_SHEET_DECISIONS, CR_XLSX_FIRST_DATA_ROW,
          CR_XLSX_FIRST_DATA_ROW + annual->decisions->len - 1, 3);

      decisions = g_strdup_printf ("=COUNTA(%s)", range);
    }
  cover_figure (cover, _ ("Decisions made"), CR_XLSX_INTEGER,
                annual->decisions->len, CR_ANNUAL_SHEET_DECISIONS,
                CR_XLSX_FIRST_DATA_ROW, 0,
                decisions != NULL ? decisions : "=0");
  cover_figure (cover, _ ("Actions raised (you said)"), CR_XLSX_INTEGER,
                annual->actions->len, CR_ANNUAL_SHEET_ACTIONS,
                pack->actions_total, 2, NULL);
  cover_figure (cover, _ ("Of those, done (we did)"), CR_XLSX_INTEGER,
                annual->actions_done, CR_ANNUAL_SHEET_ACTIONS,
                pack->actions_total, 5, NULL);
  cr_xlsx_sheet_add_label (cover, _ ("Actions done in the period"));
  cr_xlsx_sheet_add_integer (cover, annual->actions_done_in_period);
  cr_xlsx_sheet_add_text (cover, _ ("any action, whenever it was raised"));
  cr_xlsx_sheet_end_row (cover);
  cover_figure (cover, _ ("Money in"), CR_XLSX_MONEY,
                cr_annual_total_in (annual), CR_ANNUAL_SHEET_MONEY,
                pack->money_total, 1, NULL);
  cover_figure (cover, _ ("Money out"), CR_XLSX_MONEY,
                cr_annual_total_out (annual), CR_ANNUAL_SHEET_MONEY,
                pack->money_total, 2, NULL);
  cover_figure (cover, _ ("Held at the end"), CR_XLSX_MONEY,
                cr_annual_total_held (annual), CR_ANNUAL_SHEET_BALANCES,
                pack->balances_total, 4, NULL);
  cover_figure (cover, _ ("Members meeting a training threshold"),
                CR_XLSX_INTEGER, training_met (annual),
                CR_ANNUAL_SHEET_TRAINING, pack->training_total, 3, NULL);
}

static void
write_checklist (Pack *pack, GPtrArray *points)
{
  const CrXlsxColumn columns[] = {
    { _ ("Recognition point"), CR_XLSX_TEXT, 28 },
    { _ ("Met"), CR_XLSX_TEXT, 6 },
    { _ ("Evidence"), CR_XLSX_WRAP, 80 },
    { _ ("Figure"), CR_XLSX_TEXT, 12 },
    { _ ("Where it comes from"), CR_XLSX_TEXT, 18 },
  };
  const CrAnnual *annual = pack->annual;
  CrXlsxSheet    *sheet =
      begin (pack, FALSE, CR_ANNUAL_SHEET_CHECKLIST,
             _ ("recognition checklist"), columns, G_N_ELEMENTS (columns));
  guint judged = 0;
  guint quorate = cr_annual_count_quorate (annual, &judged);

  for (guint i = 0; i < points->len; i++)
    {
      const CrAnnualPoint *p = g_ptr_array_index (points, i);
      const char          *from = NULL;
      guint                row = 0, col = 1;
      g_autofree char     *formula = NULL;
      CrXlsxKind           kind = CR_XLSX_INTEGER;
      gint64               value = 0;
      gboolean             nothing_to_count = FALSE;

      cr_xlsx_sheet_add_label (sheet, _ (p->point));
      if (!p->checked)
        cr_xlsx_sheet_add_text (sheet, _ ("—"));
      else
        cr_xlsx_sheet_add_marked_text (sheet, p->met ? _ ("Yes") : _ ("No"),
                                       p->met ? CR_XLSX_MARK_GOOD
                                              : CR_XLSX_MARK_BAD);
      cr_xlsx_sheet_add_text (sheet, p->evidence);

      switch (i)
        {
          case 0: /* constitution: its version, from the cover */
            from = CR_ANNUAL_SHEET_COVER;
            row = pack->cover_version;
            value = annual->terms_version;
            nothing_to_count = annual->terms_version == 0;
            break;
          case 1: /* AGMs held, from the meetings */
            from = CR_ANNUAL_SHEET_MEETINGS;
            row = pack->meetings_total;
            col = 2;
            value = pack->n_agm;
            break;
          case 2: /* officers in post, from the cover */
            from = CR_ANNUAL_SHEET_COVER;
            row = pack->cover_officers_first;
            value = annual->officers->len;
            if (annual->officers->len > 0)
              {
                g_autofree char *range = cr_xlsx_range_ref (
                    from, row, row + annual->officers->len - 1, 1);

                formula = g_strdup_printf ("=COUNTA(%s)", range);
              }
            nothing_to_count = annual->officers->len == 0;
            break;
          case 3: /* members at the end */
            from = CR_ANNUAL_SHEET_MEMBERSHIP;
            row = pack->membership_total;
            col = 4;
            value = annual->members_at_end;
            break;
          case 4: /* quorate meetings */
            from = CR_ANNUAL_SHEET_MEETINGS;
            row = pack->meetings_total;
            col = 6;
            value = quorate;
            break;
          case 5: /* held at the end, from the balances */
            if (!p->checked)
              break;
            from = CR_ANNUAL_SHEET_BALANCES;
            row = pack->balances_total;
            col = 4;
            value = cr_annual_total_held (annual);
            kind = CR_XLSX_MONEY;
            break;
          case 6: /* members meeting a threshold */
            if (!p->checked)
              break;
            from = CR_ANNUAL_SHEET_TRAINING;
            row = pack->training_total;
            col = 3;
            value = training_met (annual);
            break;
          default:
            break;
        }

      if (from != NULL)
        {
          g_autofree char *where = cr_xlsx_ref (from, row, col);
          g_autofree char *see = g_strdup_printf (_ ("See %s"), from);

          /* With no version or officer on the cover, a formula there
           * would count a "None" as one: the figure is a plain 0. */
          if (formula == NULL)
            formula = g_strconcat ("=", where, NULL);
          if (nothing_to_count)
            cr_xlsx_sheet_add_integer (sheet, value);
          else
            cr_xlsx_sheet_add_formula (sheet, formula, kind, value);
          cr_xlsx_sheet_add_link (sheet, see, where);
        }
      cr_xlsx_sheet_end_row (sheet);
    }
}

/**
 * cr_report_annual:
 * @store: the association file
 * @path: where to write the .xlsx; an existing file is replaced only once
 *   the new one is complete
 * @from: the period's first day, ISO
 * @to: its last day, ISO
 * @error: return location for a #CR_STORE_ERROR or a #CR_XLSX_ERROR
 *
 * Writes the annual return for the period: cover, recognition checklist,
 * membership, groups, months, meetings, decisions, actions, money,
 * grants, balances, training and About.
 *
 * Returns: %TRUE if the workbook was saved
 */
gboolean
cr_report_annual (CrStore    *store,
                  const char *path,
                  const char *from,
                  const char *to,
                  GError    **error)
{
  g_autoptr (CrAnnual) annual = NULL;
  g_autoptr (GPtrArray) points = NULL;
  g_autoptr (CrXlsx) xlsx = NULL;
  Pack pack = { 0 };

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  annual = cr_store_get_annual (store, from, to, error);
  if (annual == NULL)
    return FALSE;
  points = cr_annual_get_checklist (annual);

  xlsx = cr_xlsx_new (path, annual->association, _ ("Annual return"), error);
  if (xlsx == NULL)
    return FALSE;

  pack.xlsx = xlsx;
  pack.annual = annual;
  /* Each sheet is streamed top to bottom, the cover first; its figures
   * live in totals rows whose place is known from the counts alone. */
  pack.membership_total = CR_XLSX_FIRST_DATA_ROW + annual->tenures->len;
  pack.groups_total = CR_XLSX_FIRST_DATA_ROW + annual->groups->len;
  pack.meetings_total = CR_XLSX_FIRST_DATA_ROW + annual->meetings->len;
  pack.actions_total = CR_XLSX_FIRST_DATA_ROW + annual->actions->len;
  pack.money_total = CR_XLSX_FIRST_DATA_ROW + annual->categories->len;
  pack.balances_total = CR_XLSX_FIRST_DATA_ROW + annual->accounts->len;
  pack.training_total = CR_XLSX_FIRST_DATA_ROW + annual->training->len;
  for (guint i = 0; i < annual->meetings->len; i++)
    if (((CrAnnualMeeting *) g_ptr_array_index (annual->meetings, i))->kind ==
        CR_MEETING_KIND_AGM)
      pack.n_agm++;

  write_cover (&pack);
  write_checklist (&pack, points);
  write_membership (&pack);
  write_groups (&pack);
  write_months (&pack);
  write_meetings (&pack);
  write_decisions (&pack);
  write_actions (&pack);
  write_money (&pack);
  write_grants (&pack);
  write_balances (&pack);
  write_training (&pack);

  return cr_xlsx_close (xlsx, cr_store_get_path (store), error);
}
