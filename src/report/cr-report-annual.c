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
 * The layout is the house format of cr-xlsx.c (title in row 1, period in
 * row 2, bold frozen header in row 4, records from row 5, autofilter, A4
 * fitted to the width, header row repeated, "About" sheet last), written
 * here with libxlsxwriter directly because the pack needs what cr-xlsx
 * does not offer yet: formulas that refer to other sheets, internal
 * links, native charts and a totals row that is not a plain SUM. The
 * pack is small (a year of one association), so it is built in memory
 * and its sheets are filled in any order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-report"

#include "config.h"

#include "cr-report-annual.h"

#include "cr-date.h"
#include "cr-meeting.h"
#include "cr-money.h"
#include "cr-store-annual.h"
#include "cr-xlsx.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

/* The house layout (cr-xlsx.c): title, period, header, records. */
#define TITLE_ROW       0
#define PERIOD_ROW      1
#define HEADER_ROW      3
#define FIRST_DATA_ROW  4
#define PAPER_A4        9
#define LANDSCAPE_WIDTH 100.0

typedef struct
{
  const char *title;
  double      width;
} Column;

typedef struct _Pack Pack;

typedef struct
{
  Pack          *pack;
  lxw_worksheet *ws;
  const char    *name;
  guint          n_columns;
  lxw_row_t      row; /* the next record's row */
} Sheet;

struct _Pack
{
  lxw_workbook *wb;
  CrAnnual     *annual;
  char         *display_name;
  lxw_error     failed;
  const char   *failed_doing;

  lxw_format *title;
  lxw_format *period;
  lxw_format *header;
  lxw_format *date;
  lxw_format *integer;
  lxw_format *percent;
  lxw_format *bold;
  lxw_format *wrap;
  lxw_format *total_integer;
  lxw_format *total_percent;
  lxw_format *total_label;
  lxw_format *link;
  lxw_format *yes;
  lxw_format *no;
  lxw_format *datetime;
  lxw_format *money;
  lxw_format *total_money;
  lxw_format *top;

  Sheet cover;
  Sheet checklist;
  Sheet membership;
  Sheet groups;
  Sheet months;
  Sheet meetings;
  Sheet decisions;
  Sheet actions;
  Sheet money_sheet;
  Sheet grants;
  Sheet balances;
  Sheet training;
  Sheet about;

  /* Where the figures are, for the cover and the checklist. */
  lxw_row_t membership_total;
  lxw_row_t groups_total;
  lxw_row_t meetings_total;
  lxw_row_t money_total;
  lxw_row_t grants_total;
  lxw_row_t balances_total;
  lxw_row_t training_total;
  lxw_row_t cover_version;
  lxw_row_t cover_officers_first;
  guint     n_officer_rows;
  guint     n_agm;
};

/* ---- the checklist -------------------------------------------------- */

void
cr_annual_point_free (CrAnnualPoint *point)
{
  if (point == NULL)
    return;
  g_free (point->evidence);
  g_free (point);
}

static char *
uk (const char *iso)
{
  char *text = iso != NULL ? cr_date_iso_to_uk (iso) : NULL;

  return text != NULL ? text : g_strdup (iso != NULL ? iso : "");
}

/**
 * cr_annual_describe_period:
 *
 * Returns: (transfer full): "Year 2026" for a calendar year, otherwise
 *   "01/04/2026 to 31/03/2027"
 */
char *
cr_annual_describe_period (const CrAnnual *annual)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (annual != NULL, NULL);

  if (g_str_has_suffix (annual->from, "-01-01") &&
      g_str_has_suffix (annual->to, "-12-31") &&
      strncmp (annual->from, annual->to, 4) == 0)
    return g_strdup_printf (_ ("Year %.4s"), annual->from);
  from = uk (annual->from);
  to = uk (annual->to);
  /* Translators: a report's period; two dates. */
  return g_strdup_printf (_ ("%s to %s"), from, to);
}

static CrAnnualPoint *
point_new (const char *name, gboolean met, char *evidence)
{
  CrAnnualPoint *point = g_new0 (CrAnnualPoint, 1);

  point->point = name;
  point->checked = TRUE;
  point->met = met;
  point->evidence = evidence;
  return point;
}

static const CrAnnualOfficer *
find_officer (const CrAnnual *annual, const char *role)
{
  for (guint i = 0; i < annual->officers->len; i++)
    {
      const CrAnnualOfficer *o = g_ptr_array_index (annual->officers, i);

      if (g_ascii_strcasecmp (o->role, role) == 0)
        return o;
    }
  return NULL;
}

static CrAnnualPoint *
check_constitution (const CrAnnual *annual)
{
  g_autofree char *adopted = NULL;
  g_autofree char *on = uk (annual->to);

  if (annual->terms_version == 0)
    return point_new (N_ ("Constitution adopted"), FALSE,
                      g_strdup_printf (_ ("No terms of reference were in force "
                                          "on %s. Adopt them at a general "
                                          "meeting and record the date."),
                                       on));
  adopted = uk (annual->terms_adopted_on);
  return point_new (N_ ("Constitution adopted"), TRUE,
                    g_strdup_printf (_ ("Version %u, adopted on %s, was in "
                                        "force on %s."),
                                     annual->terms_version, adopted, on));
}

static CrAnnualPoint *
check_agm (const CrAnnual *annual)
{
  guint max = annual->agm_max_months > 0 ? annual->agm_max_months : 15;
  g_autofree char *rule = NULL;
  g_autofree char *last = NULL;
  GString         *evidence = g_string_new (NULL);
  gboolean         met;

  if (annual->agm_max_months > 0)
    rule = g_strdup_printf (_ ("the constitution allows at most %u months "
                               "between AGMs"),
                            max);
  else
    rule = g_strdup_printf (_ ("the constitution sets no limit, so the usual "
                               "%u months between AGMs is used"),
                            max);

  if (annual->agms->len == 0)
    {
      met = FALSE;
      g_string_append (evidence, _ ("No AGM was held in the period"));
      if (annual->previous_agm != NULL)
        {
          last = uk (annual->previous_agm);
          g_string_append_printf (evidence, _ ("; the last was on %s"), last);
        }
      g_string_append_printf (evidence,
                              _ (" (%s). Hold one and record it as "
                                 "an AGM."),
                              rule);
      return point_new (N_ ("AGM held in time"), met,
                        g_string_free (evidence, FALSE));
    }

  met = TRUE;
  for (guint i = 0; i < annual->agms->len; i++)
    {
      const char      *agm = g_ptr_array_index (annual->agms, i);
      const char      *before = i == 0 ? annual->previous_agm
                                       : g_ptr_array_index (annual->agms, i - 1);
      g_autofree char *date = uk (agm);

      g_string_append_printf (
          evidence, i == 0 ? _ ("AGM held on %s") : _ ("; another on %s"),
          date);
      if (before != NULL)
        {
          GDate limit, held;
          guint months = cr_annual_months_between (before, agm);

          cr_date_parse_iso (before, &limit);
          cr_date_add_months (&limit, (int) max);
          cr_date_parse_iso (agm, &held);
          if (g_date_compare (&held, &limit) > 0)
            met = FALSE;
          g_string_append_printf (evidence,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               ", %u month after the one "
                                               "before",
                                               ", %u months after the one "
                                               "before",
                                               months),
                                  months);
        }
    }
  g_string_append_printf (evidence, " (%s).", rule);
  return point_new (N_ ("AGM held in time"), met,
                    g_string_free (evidence, FALSE));
}

static CrAnnualPoint *
check_officers (const CrAnnual *annual)
{
  static const char *const roles[] = { N_ ("Chair"), N_ ("Secretary"),
                                       N_ ("Treasurer") };
  GString                 *evidence = g_string_new (NULL);
  g_autofree char         *on = uk (annual->officers_on);
  GString                 *missing = g_string_new (NULL);

  g_string_append_printf (evidence, _ ("On %s: "), on);
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      const CrAnnualOfficer *o = find_officer (annual, roles[i]);

      if (o == NULL)
        {
          g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "",
                                  _ (roles[i]));
          continue;
        }
      g_string_append_printf (evidence, "%s %s; ", _ (roles[i]), o->name);
    }
  g_string_append_printf (evidence,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u office was taken up during the "
                                       "period.",
                                       "%u offices were taken up during the "
                                       "period.",
                                       annual->offices_taken),
                          annual->offices_taken);
  if (missing->len > 0)
    g_string_append_printf (evidence,
                            _ (" No one held: %s; elect them at the "
                               "next general meeting."),
                            missing->str);
  {
    gboolean met = missing->len == 0;

    g_string_free (missing, TRUE);
    return point_new (N_ ("Officers elected"), met,
                      g_string_free (evidence, FALSE));
  }
}

static CrAnnualPoint *
check_membership (const CrAnnual *annual)
{
  gboolean met = annual->members_at_end > 0 && annual->joined > 0;
  GString *evidence = g_string_new (NULL);

  g_string_append_printf (evidence,
                          _ ("%u members at the end of the period (%u at the "
                             "start); %u joined and %u left."),
                          annual->members_at_end, annual->members_at_start,
                          annual->joined, annual->left);
  if (annual->joined == 0)
    g_string_append (evidence, _ (" No one joined: show how residents can "
                                  "join."));
  return point_new (N_ ("Membership open and counted"), met,
                    g_string_free (evidence, FALSE));
}

static CrAnnualPoint *
check_quorate (const CrAnnual *annual)
{
  guint    judged = 0;
  guint    quorate = cr_annual_count_quorate (annual, &judged);
  GString *evidence = g_string_new (NULL);
  guint    listed = 0;

  g_string_append_printf (evidence,
                          _ ("%u of %u meetings with attendance taken were "
                             "quorate, by the rules in force on each date"),
                          quorate, judged);
  if (annual->meetings->len > judged)
    g_string_append_printf (evidence,
                            _ ("; %u held without attendance "
                               "recorded"),
                            annual->meetings->len - judged);
  for (guint i = 0; i < annual->meetings->len; i++)
    {
      const CrAnnualMeeting *m = g_ptr_array_index (annual->meetings, i);
      g_autofree char       *date = NULL;

      if (m->quorate != CR_QUORATE_NO)
        continue;
      if (listed == 5)
        {
          g_string_append (evidence, _ (", and more"));
          break;
        }
      date = uk (m->date);
      g_string_append_printf (evidence, "%s %s %s",
                              listed == 0 ? _ (". Not quorate:") : ",", date,
                              m->group_name);
      listed++;
    }
  g_string_append (evidence, ".");
  if (listed > 0)
    g_string_append (evidence, _ (" Decisions of those meetings must be "
                                  "ratified at a quorate one."));
  return point_new (N_ ("Meetings quorate"), judged > 0 && quorate == judged,
                    g_string_free (evidence, FALSE));
}

static CrAnnualPoint *
not_checked (const char *name, const char *why)
{
  CrAnnualPoint *point = point_new (name, FALSE, g_strdup (why));

  point->checked = FALSE;
  return point;
}

static gint64
total_in (const CrAnnual *annual)
{
  gint64 sum = 0;

  for (guint i = 0; i < annual->categories->len; i++)
    sum += ((CrAnnualCategory *) g_ptr_array_index (annual->categories, i))
               ->money_in;
  return sum;
}

static gint64
total_out (const CrAnnual *annual)
{
  gint64 sum = 0;

  for (guint i = 0; i < annual->categories->len; i++)
    sum += ((CrAnnualCategory *) g_ptr_array_index (annual->categories, i))
               ->money_out;
  return sum;
}

static gint64
total_held (const CrAnnual *annual)
{
  gint64 sum = 0;

  for (guint i = 0; i < annual->accounts->len; i++)
    sum +=
        ((CrAnnualAccount *) g_ptr_array_index (annual->accounts, i))->at_end;
  return sum;
}

static CrAnnualPoint *
check_accounts (const CrAnnual *annual)
{
  g_autofree char *money_in = NULL;
  g_autofree char *money_out = NULL;
  g_autofree char *held = NULL;
  g_autofree char *to = uk (annual->reports_by);
  GString         *evidence;
  GString         *over = g_string_new (NULL);
  GString         *below = g_string_new (NULL);
  guint            n_over = 0;

  if (annual->accounts->len == 0 && annual->categories->len == 0 &&
      annual->grants->len == 0)
    {
      g_string_free (over, TRUE);
      g_string_free (below, TRUE);
      return not_checked (N_ ("Accounts in order"),
                          _ ("Not checked: no accounts, cash book or grants "
                             "are kept in Common Room for this period; attach "
                             "the treasurer’s statement."));
    }

  money_in = cr_money_format (total_in (annual));
  money_out = cr_money_format (total_out (annual));
  held = cr_money_format (total_held (annual));
  evidence = g_string_new (NULL);
  g_string_append_printf (evidence,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%s in and %s out during the period; "
                                       "%s held at the end in %u account.",
                                       "%s in and %s out during the period; "
                                       "%s held at the end in %u accounts.",
                                       annual->accounts->len),
                          money_in, money_out, held, annual->accounts->len);

  for (guint i = 0; i < annual->grants->len; i++)
    {
      const CrAnnualGrant *g = g_ptr_array_index (annual->grants, i);

      if (!g->over)
        continue;
      g_string_append_printf (over, "%s%s", n_over > 0 ? ", " : "", g->name);
      n_over++;
    }
  if (n_over == 0)
    g_string_append_printf (
        evidence,
        g_dngettext (GETTEXT_PACKAGE, " %u grant, not overspent.",
                     " %u grants, none overspent.", annual->grants->len),
        annual->grants->len);
  else
    g_string_append_printf (evidence,
                            _ (" Overspent against the award or a "
                               "budget line: %s."),
                            over->str);

  if (annual->reports_due > 0 && annual->reports_late == 0)
    g_string_append_printf (evidence,
                            g_dngettext (GETTEXT_PACKAGE,
                                         " The %u grant report due by %s "
                                         "was sent.",
                                         " All %u grant reports due by %s "
                                         "were sent.",
                                         annual->reports_due),
                            annual->reports_due, to);
  else if (annual->reports_late > 0)
    g_string_append_printf (evidence,
                            _ (" %u of %u grant reports due by %s "
                               "were not sent in time."),
                            annual->reports_late, annual->reports_due, to);

  for (guint i = 0; i < annual->accounts->len; i++)
    {
      const CrAnnualAccount *a = g_ptr_array_index (annual->accounts, i);

      if (a->at_end < 0)
        g_string_append_printf (below, "%s%s", below->len > 0 ? ", " : "",
                                a->name);
    }
  if (below->len > 0)
    g_string_append_printf (evidence, _ (" Overdrawn at the end: %s."),
                            below->str);

  {
    gboolean met = n_over == 0 && annual->reports_late == 0 && below->len == 0;

    g_string_free (over, TRUE);
    g_string_free (below, TRUE);
    return point_new (N_ ("Accounts in order"), met,
                      g_string_free (evidence, FALSE));
  }
}

static CrAnnualPoint *
check_training (const CrAnnual *annual)
{
  GString *evidence = g_string_new (NULL);
  guint    n_groups = 0, members = 0, met = 0;

  for (guint i = 0; i < annual->training->len; i++)
    {
      const CrAnnualTraining *t = g_ptr_array_index (annual->training, i);

      if (t->threshold == 0)
        continue;
      members += t->members;
      met += t->met;
      if (n_groups < 6)
        g_string_append_printf (evidence,
                                _ ("%s%s: %u of %u members meet the %u%% "
                                   "threshold"),
                                n_groups > 0 ? "; " : "", t->group_name, t->met,
                                t->members, t->threshold);
      else if (n_groups == 6)
        g_string_append (evidence, _ ("; …"));
      n_groups++;
    }
  if (n_groups == 0)
    {
      g_string_free (evidence, TRUE);
      return not_checked (N_ ("Members trained"),
                          _ ("Not checked: no group’s constitution sets a "
                             "training threshold (the rule "
                             "training-threshold-percent)."));
    }
  g_string_append (evidence, ".");
  if (met < members)
    g_string_append (evidence, _ (" Offer the core courses to those below "
                                  "it before full membership."));
  return point_new (N_ ("Members trained"), met == members,
                    g_string_free (evidence, FALSE));
}

/**
 * cr_annual_get_checklist:
 * @annual: a period's figures
 *
 * The recognition points a council asks about, each met or not with the
 * evidence, in the checklist's order: constitution adopted, AGM held in
 * time, officers elected, membership open and counted, meetings quorate,
 * accounts in order, members trained.
 *
 * Returns: (transfer full) (element-type CrAnnualPoint): the points
 */
GPtrArray *
cr_annual_get_checklist (const CrAnnual *annual)
{
  GPtrArray *points;

  g_return_val_if_fail (annual != NULL, NULL);

  points =
      g_ptr_array_new_with_free_func ((GDestroyNotify) cr_annual_point_free);
  g_ptr_array_add (points, check_constitution (annual));
  g_ptr_array_add (points, check_agm (annual));
  g_ptr_array_add (points, check_officers (annual));
  g_ptr_array_add (points, check_membership (annual));
  g_ptr_array_add (points, check_quorate (annual));
  g_ptr_array_add (points, check_accounts (annual));
  g_ptr_array_add (points, check_training (annual));
  return points;
}

/* ---- writing cells -------------------------------------------------- */

static void
check (Pack *pack, lxw_error err, const char *doing)
{
  if (err != LXW_NO_ERROR && pack->failed == LXW_NO_ERROR)
    {
      pack->failed = err;
      pack->failed_doing = doing;
    }
}

static void
put_text (Sheet      *sheet,
          lxw_row_t   row,
          lxw_col_t   col,
          const char *text,
          lxw_format *format)
{
  g_autofree char *valid = NULL;

  if (text == NULL || *text == '\0')
    return;
  valid = g_utf8_make_valid (text, -1);
  if (g_utf8_strlen (valid, -1) > CR_XLSX_MAX_TEXT)
    {
      g_autofree char *head = g_utf8_substring (valid, 0, CR_XLSX_MAX_TEXT - 1);

      g_free (valid);
      valid = g_strconcat (head, "…", NULL);
    }
  /* Always a string cell: "=x", "+44 …" and "-5" stay as typed. */
  check (sheet->pack,
         worksheet_write_string (sheet->ws, row, col, valid,
                                 format != NULL ? format : sheet->pack->top),
         "text");
}

static void
put_date (Sheet *sheet, lxw_row_t row, lxw_col_t col, const char *iso)
{
  lxw_datetime datetime = { 0 };
  GDate        date;

  if (iso == NULL || *iso == '\0')
    return;
  if (!cr_date_parse_iso (iso, &date) || g_date_get_year (&date) < 1900)
    {
      put_text (sheet, row, col, iso, NULL);
      return;
    }
  datetime.year = g_date_get_year (&date);
  datetime.month = g_date_get_month (&date);
  datetime.day = g_date_get_day (&date);
  check (sheet->pack,
         worksheet_write_datetime (sheet->ws, row, col, &datetime,
                                   sheet->pack->date),
         "date");
}

static void
put_number (Sheet      *sheet,
            lxw_row_t   row,
            lxw_col_t   col,
            double      value,
            lxw_format *format)
{
  check (sheet->pack,
         worksheet_write_number (sheet->ws, row, col, value, format), "number");
}

static void
put_percent (
    Sheet *sheet, lxw_row_t row, lxw_col_t col, guint part, guint whole)
{
  if (whole == 0)
    return;
  put_number (sheet, row, col, (double) part / (double) whole,
              sheet->pack->percent);
}

static void
put_formula (Sheet      *sheet,
             lxw_row_t   row,
             lxw_col_t   col,
             const char *formula,
             double      value,
             lxw_format *format)
{
  check (
      sheet->pack,
      worksheet_write_formula_num (sheet->ws, row, col, formula, format, value),
      "formula");
}

/* 'Sheet name'!$C$9, for a formula on another sheet. */
static char *
ref (const Sheet *sheet, lxw_row_t row, lxw_col_t col)
{
  char cell[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell_abs (cell, row, col, 1, 1);
  return g_strdup_printf ("'%s'!%s", sheet->name, cell);
}

/* ="the cell elsewhere", for a figure that comes from another sheet. */
static char *
formula_ref (const Sheet *sheet, lxw_row_t row, lxw_col_t col)
{
  g_autofree char *where = ref (sheet, row, col);

  return g_strdup_printf ("=%s", where);
}

static char *
ref_range (const Sheet *sheet, lxw_row_t first, lxw_row_t last, lxw_col_t col)
{
  char range[LXW_MAX_CELL_RANGE_LENGTH];

  lxw_rowcol_to_range_abs (range, first, col, last, col);
  return g_strdup_printf ("'%s'!%s", sheet->name, range);
}

/* A link to the sheet (and cell) a figure comes from. */
static char *
formula_counta (const Sheet *sheet,
                lxw_row_t    first,
                lxw_row_t    last,
                lxw_col_t    col)
{
  g_autofree char *range = ref_range (sheet, first, last, col);

  return g_strdup_printf ("=COUNTA(%s)", range);
}

static void
put_link (Sheet       *sheet,
          lxw_row_t    row,
          lxw_col_t    col,
          const Sheet *target,
          lxw_row_t    target_row,
          lxw_col_t    target_col)
{
  g_autofree char *where = ref (target, target_row, target_col);
  g_autofree char *url = g_strdup_printf ("internal:%s", where);
  g_autofree char *label = g_strdup_printf (_ ("See %s"), target->name);

  check (sheet->pack,
         worksheet_write_url_opt (sheet->ws, row, col, url, sheet->pack->link,
                                  label, NULL),
         "link");
}

static void
sheet_begin (Pack         *pack,
             Sheet        *sheet,
             const char   *name,
             const char   *title,
             const Column *columns,
             guint         n_columns)
{
  g_autofree char *period = cr_annual_describe_period (pack->annual);
  g_autofree char *full_title =
      g_strdup_printf (_ ("%s: %s"), pack->annual->association, title);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");
  g_autofree char *header = NULL;
  g_autofree char *footer = NULL;
  GString         *escaped = g_string_new (NULL);
  double           total_width = 0;

  sheet->pack = pack;
  sheet->name = name;
  sheet->n_columns = n_columns;
  sheet->row = FIRST_DATA_ROW;
  sheet->ws = workbook_add_worksheet (pack->wb, name);
  if (sheet->ws == NULL)
    {
      check (pack, LXW_ERROR_MEMORY_MALLOC_FAILED, "sheet");
      g_string_free (escaped, TRUE);
      return;
    }

  put_text (sheet, TITLE_ROW, 0, full_title, pack->title);
  put_text (sheet, PERIOD_ROW, 0, period, pack->period);
  for (guint i = 0; i < n_columns; i++)
    {
      put_text (sheet, HEADER_ROW, (lxw_col_t) i, columns[i].title,
                pack->header);
      check (pack,
             worksheet_set_column (sheet->ws, (lxw_col_t) i, (lxw_col_t) i,
                                   columns[i].width, NULL),
             "width");
      total_width += columns[i].width;
    }

  worksheet_freeze_panes (sheet->ws, FIRST_DATA_ROW, 0);
  worksheet_set_paper (sheet->ws, PAPER_A4);
  worksheet_fit_to_pages (sheet->ws, 1, 0);
  check (pack, worksheet_repeat_rows (sheet->ws, HEADER_ROW, HEADER_ROW),
         "print titles");
  if (total_width > LANDSCAPE_WIDTH)
    worksheet_set_landscape (sheet->ws);
  else
    worksheet_set_portrait (sheet->ws);

  /* '&' starts a code in a header, so a literal one is doubled. */
  for (const char *p = full_title; *p != '\0' && escaped->len < 200; p++)
    {
      if (*p == '&')
        g_string_append_c (escaped, '&');
      g_string_append_c (escaped, *p);
    }
  header = g_strdup_printf ("&C%s", escaped->str);
  {
    /* Translators: the left of each printed page's footer; %s is a date. */
    g_autofree char *made =
        g_strdup_printf (_ ("Made by Common Room on %s"), today);

    /* Translators: keep &P (this page) and &N (the number of pages). */
    footer = g_strdup_printf ("&L%s&R%s", made, _ ("Page &P of &N"));
  }
  check (pack, worksheet_set_header (sheet->ws, header), "header");
  check (pack, worksheet_set_footer (sheet->ws, footer), "footer");
  g_string_free (escaped, TRUE);
}

/* The records are done: filter them (header row to the last record). */
static void
sheet_filter (Sheet *sheet)
{
  lxw_row_t last = sheet->row > FIRST_DATA_ROW ? sheet->row - 1 : HEADER_ROW;

  if (sheet->ws == NULL || sheet->n_columns == 0)
    return;
  check (sheet->pack,
         worksheet_autofilter (sheet->ws, HEADER_ROW, 0, last,
                               (lxw_col_t) (sheet->n_columns - 1)),
         "filter");
}

/* =SUM over the records of @col, carrying @value. */
static void
put_sum (Sheet *sheet, lxw_row_t row, lxw_col_t col, double value)
{
  char             range[LXW_MAX_CELL_RANGE_LENGTH];
  g_autofree char *formula = NULL;

  if (row == FIRST_DATA_ROW)
    {
      put_number (sheet, row, col, 0, sheet->pack->total_integer);
      return;
    }
  lxw_rowcol_to_range (range, FIRST_DATA_ROW, col, row - 1, col);
  formula = g_strdup_printf ("=SUM(%s)", range);
  put_formula (sheet, row, col, formula, value, sheet->pack->total_integer);
}

static void
put_count_if (
    Sheet *sheet, lxw_row_t row, lxw_col_t col, const char *text, double value)
{
  char             range[LXW_MAX_CELL_RANGE_LENGTH];
  g_autofree char *formula = NULL;

  if (row == FIRST_DATA_ROW)
    {
      put_number (sheet, row, col, 0, sheet->pack->total_integer);
      return;
    }
  lxw_rowcol_to_range (range, FIRST_DATA_ROW, col, row - 1, col);
  formula = g_strdup_printf ("=COUNTIF(%s,\"%s\")", range, text);
  put_formula (sheet, row, col, formula, value, sheet->pack->total_integer);
}

/* ---- the sheets ----------------------------------------------------- */

/* How many lines @text takes wrapped in a column @width characters wide;
 * LibreOffice does not grow a row for wrapped text on its own. */
static guint
wrapped_lines (const char *text, double width)
{
  guint per_line = (guint) MAX (width - 1, 8);
  guint lines = 0, run = 0;

  if (text == NULL || *text == '\0')
    return 1;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (*p == '\n' || ++run > per_line)
        {
          lines++;
          run = *p == '\n' ? 0 : 1;
        }
    }
  return lines + 1;
}

static void
set_lines (Sheet *sheet, lxw_row_t row, guint lines)
{
  if (sheet->ws != NULL && lines > 1)
    worksheet_set_row (sheet->ws, row, 15.0 * MIN (lines, 20), NULL);
}

/* A column wide enough for the longest of @texts, within bounds. */
static double
fit_width (GPtrArray *items, gsize offset, double least, double most)
{
  double width = least;

  for (guint i = 0; i < items->len; i++)
    {
      const char *text =
          G_STRUCT_MEMBER (const char *, g_ptr_array_index (items, i), offset);

      if (text != NULL)
        width = MAX (width, (double) g_utf8_strlen (text, -1) + 2);
    }
  return MIN (width, most);
}

static void
write_membership (Pack *pack)
{
  const Column columns[] = {
    { _ ("Tenure"), 22 }, { _ ("At the start"), 13 }, { _ ("Joined"), 10 },
    { _ ("Left"), 10 },   { _ ("At the end"), 12 },
  };
  Sheet    *sheet = &pack->membership;
  CrAnnual *annual = pack->annual;
  guint     sums[4] = { 0 };

  sheet_begin (pack, sheet, CR_ANNUAL_SHEET_MEMBERSHIP,
               _ ("membership by tenure"), columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < annual->tenures->len; i++)
    {
      const CrAnnualCount *c = g_ptr_array_index (annual->tenures, i);
      const guint values[4] = { c->at_start, c->joined, c->left, c->at_end };

      put_text (sheet, sheet->row, 0, c->label, NULL);
      for (guint j = 0; j < 4; j++)
        {
          put_number (sheet, sheet->row, (lxw_col_t) (j + 1), values[j],
                      pack->integer);
          sums[j] += values[j];
        }
      sheet->row++;
    }
  sheet_filter (sheet);
  pack->membership_total = sheet->row;
  put_text (sheet, sheet->row, 0, _ ("All members"), pack->total_label);
  for (guint j = 0; j < 4; j++)
    put_sum (sheet, sheet->row, (lxw_col_t) (j + 1), sums[j]);
  worksheet_set_row (sheet->ws, sheet->row + 2, 45, NULL);
  check (pack,
         worksheet_merge_range (sheet->ws, sheet->row + 2, 0, sheet->row + 2, 4,
                                NULL, pack->wrap),
         "merge");
  put_text (sheet, sheet->row + 2, 0,
            _ ("At the start: members on the first day who joined before it. "
               "At the end: members on the last day who stay on. A person in "
               "several groups counts once."),
            pack->wrap);
}

static void
write_groups (Pack *pack)
{
  const Column columns[] = {
    { _ ("Group"), fit_width (pack->annual->groups,
                              G_STRUCT_OFFSET (CrAnnualCount, label), 20, 50) },
    { _ ("At the start"), 13 },
    { _ ("Joined"), 9 },
    { _ ("Left"), 9 },
    { _ ("At the end"), 12 },
    { _ ("Meetings held"), 15 },
    { _ ("Quorate"), 10 },
    { _ ("Attendance"), 13 },
  };
  Sheet    *sheet = &pack->groups;
  CrAnnual *annual = pack->annual;
  guint     held = 0, quorate = 0;

  sheet_begin (pack, sheet, CR_ANNUAL_SHEET_GROUPS,
               _ ("groups, their members and meetings"), columns,
               G_N_ELEMENTS (columns));
  for (guint i = 0; i < annual->groups->len; i++)
    {
      const CrAnnualCount *c = g_ptr_array_index (annual->groups, i);
      lxw_row_t            r = sheet->row++;

      put_text (sheet, r, 0, c->label, NULL);
      put_number (sheet, r, 1, c->at_start, pack->integer);
      put_number (sheet, r, 2, c->joined, pack->integer);
      put_number (sheet, r, 3, c->left, pack->integer);
      put_number (sheet, r, 4, c->at_end, pack->integer);
      put_number (sheet, r, 5, c->meetings_held, pack->integer);
      put_number (sheet, r, 6, c->meetings_quorate, pack->integer);
      put_percent (sheet, r, 7, c->voting_present, c->voting_expected);
      held += c->meetings_held;
      quorate += c->meetings_quorate;
    }
  sheet_filter (sheet);
  pack->groups_total = sheet->row;
  put_text (sheet, sheet->row, 0, _ ("All groups"), pack->total_label);
  put_sum (sheet, sheet->row, 5, held);
  put_sum (sheet, sheet->row, 6, quorate);
}

static void
write_months (Pack *pack)
{
  const Column columns[] = {
    { _ ("Month end"), 13 },
    { _ ("Members"), 11 },
  };
  Sheet            *sheet = &pack->months;
  CrAnnual         *annual = pack->annual;
  g_autofree char  *categories = NULL;
  g_autofree char  *values = NULL;
  lxw_chart_series *series;
  lxw_chart        *chart;

  sheet_begin (pack, sheet, CR_ANNUAL_SHEET_MONTHS,
               _ ("membership month by month"), columns,
               G_N_ELEMENTS (columns));
  for (guint i = 0; i < annual->months->len; i++)
    {
      const CrAnnualMonth *m = g_ptr_array_index (annual->months, i);

      put_date (sheet, sheet->row, 0, m->date);
      put_number (sheet, sheet->row, 1, m->members, pack->integer);
      sheet->row++;
    }
  sheet_filter (sheet);
  if (sheet->ws == NULL || annual->months->len == 0)
    return;

  chart = workbook_add_chart (pack->wb, LXW_CHART_LINE);
  categories = ref_range (sheet, FIRST_DATA_ROW, sheet->row - 1, 0);
  values = ref_range (sheet, FIRST_DATA_ROW, sheet->row - 1, 1);
  {
    /* A chart's ranges are formulas. */
    g_autofree char *c =
        categories != NULL ? g_strconcat ("=", categories, NULL) : NULL;
    g_autofree char *v = g_strconcat ("=", values, NULL);

    series = chart_add_series (chart, c, v);
  }
  chart_series_set_name (series, _ ("Members"));
  chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
  chart_title_set_name (chart, _ ("Membership over the period"));
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  chart_axis_set_num_format (chart->x_axis, "mmm yy");
  chart_axis_set_min (chart->y_axis, 0);
  check (pack, worksheet_insert_chart (sheet->ws, FIRST_DATA_ROW, 3, chart),
         "chart");
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
  const Column columns[] = {
    { _ ("Date"), 12 },
    { _ ("Group"),
      fit_width (pack->annual->meetings,
                 G_STRUCT_OFFSET (CrAnnualMeeting, group_name), 20, 50) },
    { _ ("Kind"), 24 },
    { _ ("Voting members"), 15 },
    { _ ("Present"), 10 },
    { _ ("Quorum"), 10 },
    { _ ("Quorate"), 10 },
    { _ ("Attendance"), 13 },
    { _ ("Guests and officers"), 19 },
  };
  Sheet            *sheet = &pack->meetings;
  CrAnnual         *annual = pack->annual;
  guint             quorate = 0, agms = 0;
  g_autofree char  *categories = NULL;
  g_autofree char  *values = NULL;
  lxw_chart_series *series;
  lxw_chart_options options = { 0 };
  lxw_chart        *chart;
  lxw_row_t         first;

  sheet_begin (pack, sheet, CR_ANNUAL_SHEET_MEETINGS,
               _ ("meetings held, quorum and attendance"), columns,
               G_N_ELEMENTS (columns));
  for (guint i = 0; i < annual->meetings->len; i++)
    {
      const CrAnnualMeeting *m = g_ptr_array_index (annual->meetings, i);
      lxw_row_t              r = sheet->row++;

      put_date (sheet, r, 0, m->date);
      put_text (sheet, r, 1, m->group_name, NULL);
      put_text (sheet, r, 2, cr_meeting_kind_get_label (m->kind), NULL);
      put_number (sheet, r, 3, m->voting_members, pack->integer);
      put_number (sheet, r, 4, m->voting_present, pack->integer);
      put_number (sheet, r, 5, m->quorum_required, pack->integer);
      put_text (sheet, r, 6, quorate_label (m->quorate),
                m->quorate == CR_QUORATE_NO ? pack->no : NULL);
      if (m->quorate != CR_QUORATE_UNKNOWN)
        put_percent (sheet, r, 7, m->voting_present, m->voting_members);
      put_number (sheet, r, 8, m->others_present, pack->integer);
      if (m->quorate == CR_QUORATE_YES)
        quorate++;
      if (m->kind == CR_MEETING_KIND_AGM)
        agms++;
    }
  sheet_filter (sheet);
  pack->meetings_total = sheet->row;
  pack->n_agm = agms;
  put_text (sheet, sheet->row, 0, _ ("Total"), pack->total_label);
  put_count_if (sheet, sheet->row, 2,
                cr_meeting_kind_get_label (CR_MEETING_KIND_AGM), agms);
  put_count_if (sheet, sheet->row, 6, _ ("Yes"), quorate);
  put_text (sheet, sheet->row + 1, 2, _ ("AGMs"), NULL);
  put_text (sheet, sheet->row + 1, 6, _ ("quorate"), NULL);

  if (sheet->ws == NULL || annual->meetings->len == 0)
    return;

  /* Below the table, so the printed page stays one column wide. */
  first = FIRST_DATA_ROW;
  chart = workbook_add_chart (pack->wb, LXW_CHART_COLUMN);
  /* Dates as categories make LibreOffice space the bars by the calendar;
   * the meetings in order read better, numbered as the rows are. */
  categories = NULL;
  values = ref_range (sheet, first, sheet->row - 1, 7);
  {
    /* A chart's ranges are formulas. */
    g_autofree char *c =
        categories != NULL ? g_strconcat ("=", categories, NULL) : NULL;
    g_autofree char *v = g_strconcat ("=", values, NULL);

    series = chart_add_series (chart, c, v);
  }
  chart_series_set_name (series, _ ("Attendance"));
  chart_title_set_name (chart, _ ("Attendance of voting members at each "
                                  "meeting, in date order"));
  chart_set_series_gap (chart, 40);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  chart_axis_set_num_format (chart->y_axis, "0%");
  chart_axis_set_min (chart->y_axis, 0);
  chart_axis_set_max (chart->y_axis, 1);
  chart_axis_set_name (chart->x_axis, _ ("Meetings, in the order of the "
                                         "table above"));
  options.x_scale = 1.8;
  options.y_scale = 1.2;
  check (pack,
         worksheet_insert_chart_opt (sheet->ws, sheet->row + 3, 0, chart,
                                     &options),
         "chart");
}

static void
write_decisions (Pack *pack)
{
  const Column columns[] = {
    { _ ("Date"), 12 },
    { _ ("Group"),
      fit_width (pack->annual->decisions,
                 G_STRUCT_OFFSET (CrAnnualDecision, group_name), 16, 40) },
    { _ ("Item"), 26 },
    { _ ("Decision"), 44 },
    { _ ("How"), 14 },
    { _ ("For"), 6 },
    { _ ("Against"), 9 },
    { _ ("Abstain"), 9 },
    { _ ("Outcome"), 20 },
    { _ ("Quorate"), 19 },
  };
  Sheet    *sheet = &pack->decisions;
  CrAnnual *annual = pack->annual;

  sheet_begin (pack, sheet, CR_ANNUAL_SHEET_DECISIONS, _ ("decisions"), columns,
               G_N_ELEMENTS (columns));
  for (guint i = 0; i < annual->decisions->len; i++)
    {
      const CrAnnualDecision *d = g_ptr_array_index (annual->decisions, i);
      lxw_row_t               r = sheet->row++;

      put_date (sheet, r, 0, d->date);
      put_text (sheet, r, 1, d->group_name, NULL);
      put_text (sheet, r, 2, d->item, pack->wrap);
      put_text (sheet, r, 3, d->text, pack->wrap);
      put_text (sheet, r, 4, cr_decision_method_get_label (d->method), NULL);
      if (d->method == CR_DECISION_VOTE)
        {
          put_number (sheet, r, 5, d->votes_for, pack->integer);
          put_number (sheet, r, 6, d->votes_against, pack->integer);
          put_number (sheet, r, 7, d->votes_abstain, pack->integer);
        }
      put_text (sheet, r, 8, cr_vote_outcome_get_label (d->outcome), NULL);
      put_text (sheet, r, 9,
                d->quorate_at_time ? _ ("Yes") : _ ("No: to be ratified"),
                d->quorate_at_time ? NULL : pack->no);
      set_lines (sheet, r,
                 MAX (wrapped_lines (d->item, columns[2].width),
                      wrapped_lines (d->text, columns[3].width)));
    }
  sheet_filter (sheet);
}

static void
write_actions (Pack *pack)
{
  const Column columns[] = {
    { _ ("Raised on"), 12 },
    { _ ("Group"), fit_width (pack->annual->actions,
                              G_STRUCT_OFFSET (CrAction, group_name), 16, 40) },
    { _ ("You said"), 40 },
    { _ ("Who"), fit_width (pack->annual->actions,
                            G_STRUCT_OFFSET (CrAction, owner_name), 12, 30) },
    { _ ("Due"), 12 },
    { _ ("Status"), 12 },
    { _ ("We did"), 40 },
    { _ ("Done on"), 12 },
  };
  Sheet    *sheet = &pack->actions;
  CrAnnual *annual = pack->annual;
  char      range[LXW_MAX_CELL_RANGE_LENGTH];

  sheet_begin (pack, sheet, CR_ANNUAL_SHEET_ACTIONS, _ ("you said, we did"),
               columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < annual->actions->len; i++)
    {
      const CrAction *a = g_ptr_array_index (annual->actions, i);
      lxw_row_t       r = sheet->row++;

      put_date (sheet, r, 0, a->meeting_date);
      put_text (sheet, r, 1, a->group_name, NULL);
      put_text (sheet, r, 2, a->description, pack->wrap);
      put_text (sheet, r, 3, a->owner_name, NULL);
      put_date (sheet, r, 4, a->due_date);
      put_text (sheet, r, 5, cr_action_status_get_label (a->status), NULL);
      put_text (sheet, r, 6, a->outcome, pack->wrap);
      put_date (sheet, r, 7, a->done_on);
      set_lines (sheet, r,
                 MAX (wrapped_lines (a->description, columns[2].width),
                      wrapped_lines (a->outcome, columns[6].width)));
    }
  sheet_filter (sheet);
  put_text (sheet, sheet->row, 0, _ ("Total"), pack->total_label);
  if (sheet->row > FIRST_DATA_ROW)
    {
      g_autofree char *formula = NULL;

      lxw_rowcol_to_range (range, FIRST_DATA_ROW, 2, sheet->row - 1, 2);
      formula = g_strdup_printf ("=COUNTA(%s)", range);
      put_formula (sheet, sheet->row, 2, formula, annual->actions->len,
                   pack->total_integer);
    }
  else
    put_number (sheet, sheet->row, 2, 0, pack->total_integer);
  put_count_if (sheet, sheet->row, 5,
                cr_action_status_get_label (CR_ACTION_DONE),
                annual->actions_done);
}

static void
put_money (Sheet *sheet, lxw_row_t row, lxw_col_t col, gint64 pence)
{
  /* Pence become pounds only here, on the way into the file. */
  put_number (sheet, row, col, (double) pence / 100.0, sheet->pack->money);
}

static void
put_money_sum (Sheet *sheet, lxw_row_t row, lxw_col_t col, gint64 pence)
{
  char             range[LXW_MAX_CELL_RANGE_LENGTH];
  g_autofree char *formula = NULL;

  if (row == FIRST_DATA_ROW)
    {
      put_number (sheet, row, col, 0, sheet->pack->total_money);
      return;
    }
  lxw_rowcol_to_range (range, FIRST_DATA_ROW, col, row - 1, col);
  formula = g_strdup_printf ("=SUM(%s)", range);
  put_formula (sheet, row, col, formula, (double) pence / 100.0,
               sheet->pack->total_money);
}

static void
write_money (Pack *pack)
{
  const Column columns[] = {
    { _ ("Category"),
      fit_width (pack->annual->categories,
                 G_STRUCT_OFFSET (CrAnnualCategory, category), 16, 40) },
    { _ ("Money in"), 14 },
    { _ ("Money out"), 14 },
  };
  Sheet            *sheet = &pack->money_sheet;
  CrAnnual         *annual = pack->annual;
  g_autofree char  *categories = NULL;
  g_autofree char  *values = NULL;
  lxw_chart_series *series;
  lxw_chart_options options = { 0 };
  lxw_chart        *chart;

  sheet_begin (pack, sheet, CR_ANNUAL_SHEET_MONEY,
               _ ("income and expenditure by category"), columns,
               G_N_ELEMENTS (columns));
  for (guint i = 0; i < annual->categories->len; i++)
    {
      const CrAnnualCategory *c = g_ptr_array_index (annual->categories, i);
      lxw_row_t               r = sheet->row++;

      put_text (sheet, r, 0, c->category, NULL);
      put_money (sheet, r, 1, c->money_in);
      put_money (sheet, r, 2, c->money_out);
    }
  sheet_filter (sheet);
  pack->money_total = sheet->row;
  put_text (sheet, sheet->row, 0, _ ("Total"), pack->total_label);
  put_money_sum (sheet, sheet->row, 1, total_in (annual));
  put_money_sum (sheet, sheet->row, 2, total_out (annual));

  if (sheet->ws == NULL || annual->categories->len == 0)
    return;
  chart = workbook_add_chart (pack->wb, LXW_CHART_BAR);
  categories = ref_range (sheet, FIRST_DATA_ROW, sheet->row - 1, 0);
  values = ref_range (sheet, FIRST_DATA_ROW, sheet->row - 1, 2);
  {
    g_autofree char *c = g_strconcat ("=", categories, NULL);
    g_autofree char *v = g_strconcat ("=", values, NULL);

    series = chart_add_series (chart, c, v);
  }
  chart_series_set_name (series, _ ("Money out"));
  chart_title_set_name (chart, _ ("Spending by category"));
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  chart_axis_set_num_format (chart->x_axis, "£#,##0");
  chart_axis_set_reverse (chart->y_axis);
  options.y_scale = MAX (1.0, annual->categories->len / 10.0);
  check (pack,
         worksheet_insert_chart_opt (sheet->ws, FIRST_DATA_ROW, 4, chart,
                                     &options),
         "chart");
}

static void
write_grants (Pack *pack)
{
  const Column columns[] = {
    { _ ("Grant"), fit_width (pack->annual->grants,
                              G_STRUCT_OFFSET (CrAnnualGrant, name), 16, 40) },
    { _ ("Funder"),
      fit_width (pack->annual->grants, G_STRUCT_OFFSET (CrAnnualGrant, funder),
                 12, 36) },
    { _ ("Status"), 10 },
    { _ ("Awarded on"), 12 },
    { _ ("Awarded"), 14 },
    { _ ("Spent by the end"), 17 },
    { _ ("Remaining"), 14 },
  };
  Sheet    *sheet = &pack->grants;
  CrAnnual *annual = pack->annual;
  gint64    awarded = 0, spent = 0;

  sheet_begin (pack, sheet, CR_ANNUAL_SHEET_GRANTS,
               _ ("grants awarded, spent and remaining"), columns,
               G_N_ELEMENTS (columns));
  for (guint i = 0; i < annual->grants->len; i++)
    {
      const CrAnnualGrant *g = g_ptr_array_index (annual->grants, i);
      lxw_row_t            r = sheet->row++;
      char             a[LXW_MAX_CELL_NAME_LENGTH], b[LXW_MAX_CELL_NAME_LENGTH];
      g_autofree char *formula = NULL;

      put_text (sheet, r, 0, g->name, g->over ? pack->no : NULL);
      put_text (sheet, r, 1, g->funder, NULL);
      put_text (sheet, r, 2, g->status, NULL);
      put_date (sheet, r, 3, g->awarded_on);
      put_money (sheet, r, 4, g->awarded);
      put_money (sheet, r, 5, g->spent);
      lxw_rowcol_to_cell (a, r, 4);
      lxw_rowcol_to_cell (b, r, 5);
      formula = g_strdup_printf ("=%s-%s", a, b);
      put_formula (sheet, r, 6, formula,
                   (double) (g->awarded - g->spent) / 100.0, pack->money);
      awarded += g->awarded;
      spent += g->spent;
    }
  sheet_filter (sheet);
  pack->grants_total = sheet->row;
  put_text (sheet, sheet->row, 0, _ ("Total"), pack->total_label);
  put_money_sum (sheet, sheet->row, 4, awarded);
  put_money_sum (sheet, sheet->row, 5, spent);
  put_money_sum (sheet, sheet->row, 6, awarded - spent);
}

static void
write_balances (Pack *pack)
{
  const Column columns[] = {
    { _ ("Account"),
      fit_width (pack->annual->accounts,
                 G_STRUCT_OFFSET (CrAnnualAccount, name), 14, 36) },
    { _ ("At the start"), 14 },
    { _ ("Money in"), 14 },
    { _ ("Money out"), 14 },
    { _ ("At the end"), 14 },
  };
  Sheet    *sheet = &pack->balances;
  CrAnnual *annual = pack->annual;
  gint64    sums[4] = { 0 };

  sheet_begin (pack, sheet, CR_ANNUAL_SHEET_BALANCES,
               _ ("opening and closing balances"), columns,
               G_N_ELEMENTS (columns));
  for (guint i = 0; i < annual->accounts->len; i++)
    {
      const CrAnnualAccount *a = g_ptr_array_index (annual->accounts, i);
      lxw_row_t              r = sheet->row++;
      char s0[LXW_MAX_CELL_NAME_LENGTH], s1[LXW_MAX_CELL_NAME_LENGTH],
          s2[LXW_MAX_CELL_NAME_LENGTH];
      g_autofree char *formula = NULL;

      put_text (sheet, r, 0, a->name, NULL);
      put_money (sheet, r, 1, a->at_start);
      put_money (sheet, r, 2, a->money_in);
      put_money (sheet, r, 3, a->money_out);
      lxw_rowcol_to_cell (s0, r, 1);
      lxw_rowcol_to_cell (s1, r, 2);
      lxw_rowcol_to_cell (s2, r, 3);
      formula = g_strdup_printf ("=%s+%s-%s", s0, s1, s2);
      put_formula (sheet, r, 4, formula, (double) a->at_end / 100.0,
                   a->at_end < 0 ? pack->no : pack->money);
      sums[0] += a->at_start;
      sums[1] += a->money_in;
      sums[2] += a->money_out;
      sums[3] += a->at_end;
    }
  sheet_filter (sheet);
  pack->balances_total = sheet->row;
  put_text (sheet, sheet->row, 0, _ ("Total"), pack->total_label);
  for (guint j = 0; j < 4; j++)
    put_money_sum (sheet, sheet->row, (lxw_col_t) (j + 1), sums[j]);
}

static void
write_training (Pack *pack)
{
  const Column columns[] = {
    { _ ("Group"),
      fit_width (pack->annual->training,
                 G_STRUCT_OFFSET (CrAnnualTraining, group_name), 20, 50) },
    { _ ("Members"), 10 },
    { _ ("Threshold"), 11 },
    { _ ("Meet it"), 10 },
    { _ ("Below it"), 10 },
    { _ ("Average completion"), 19 },
  };
  Sheet    *sheet = &pack->training;
  CrAnnual *annual = pack->annual;
  guint     members = 0, met = 0, below = 0;

  sheet_begin (pack, sheet, CR_ANNUAL_SHEET_TRAINING,
               _ ("core training against each group’s threshold"), columns,
               G_N_ELEMENTS (columns));
  for (guint i = 0; i < annual->training->len; i++)
    {
      const CrAnnualTraining *t = g_ptr_array_index (annual->training, i);
      lxw_row_t               r = sheet->row++;

      put_text (sheet, r, 0, t->group_name, NULL);
      put_number (sheet, r, 1, t->members, pack->integer);
      if (t->threshold > 0)
        {
          put_percent (sheet, r, 2, t->threshold, 100);
          put_number (sheet, r, 3, t->met, pack->integer);
          put_number (sheet, r, 4, t->members - t->met, pack->integer);
          met += t->met;
          below += t->members - t->met;
        }
      else
        put_text (sheet, r, 2, _ ("None set"), NULL);
      if (t->members > 0 && t->threshold > 0)
        put_number (sheet, r, 5,
                    (double) t->percent_sum / 100.0 / (double) t->members,
                    pack->percent);
      members += t->members;
    }
  sheet_filter (sheet);
  pack->training_total = sheet->row;
  put_text (sheet, sheet->row, 0, _ ("All groups"), pack->total_label);
  put_sum (sheet, sheet->row, 1, members);
  put_sum (sheet, sheet->row, 3, met);
  put_sum (sheet, sheet->row, 4, below);
}

/* The cover: one figure a row, each pointing at where it comes from. */
typedef struct
{
  Pack     *pack;
  lxw_row_t row;
} Cover;

static void
cover_text (Cover *cover, const char *label, const char *value)
{
  Sheet *sheet = &cover->pack->cover;

  put_text (sheet, cover->row, 0, label, cover->pack->bold);
  put_text (sheet, cover->row, 1, value, NULL);
  cover->row++;
}

static void
cover_figure (Cover       *cover,
              const char  *label,
              const char  *formula,
              double       value,
              const Sheet *from,
              lxw_row_t    from_row,
              lxw_col_t    from_col)
{
  Sheet *sheet = &cover->pack->cover;

  put_text (sheet, cover->row, 0, label, cover->pack->bold);
  put_formula (sheet, cover->row, 1, formula, value, cover->pack->integer);
  put_link (sheet, cover->row, 2, from, from_row, from_col);
  cover->row++;
}

static void
cover_money (Cover       *cover,
             const char  *label,
             gint64       pence,
             const Sheet *from,
             lxw_row_t    from_row,
             lxw_col_t    from_col)
{
  Sheet           *sheet = &cover->pack->cover;
  g_autofree char *formula = formula_ref (from, from_row, from_col);

  put_text (sheet, cover->row, 0, label, cover->pack->bold);
  put_formula (sheet, cover->row, 1, formula, (double) pence / 100.0,
               cover->pack->money);
  put_link (sheet, cover->row, 2, from, from_row, from_col);
  cover->row++;
}

static void
write_cover (Pack *pack)
{
  const Column columns[] = {
    { _ ("What"), 36 },
    { _ ("Figure"), 24 },
    { _ ("Where it comes from"), 36 },
  };
  Sheet           *sheet = &pack->cover;
  CrAnnual        *annual = pack->annual;
  Cover            cover = { pack, FIRST_DATA_ROW };
  g_autofree char *period = cr_annual_describe_period (annual);
  g_autofree char *officers_on = uk (annual->officers_on);
  g_autofree char *officers_label = NULL;
  g_autofree char *f = NULL;
  guint            judged = 0;
  guint            quorate = cr_annual_count_quorate (annual, &judged);

  /* The cover is not a table to filter or freeze below its header;
   * sheet_begin() freezes it all the same so the columns stay titled. */
  sheet_begin (pack, sheet, CR_ANNUAL_SHEET_COVER, _ ("annual return"), columns,
               G_N_ELEMENTS (columns));

  cover_text (&cover, _ ("Association"), annual->association);
  cover_text (&cover, _ ("Period"), period);

  pack->cover_version = cover.row;
  put_text (sheet, cover.row, 0, _ ("Constitution version"), pack->bold);
  if (annual->terms_version > 0)
    put_number (sheet, cover.row, 1, annual->terms_version, pack->integer);
  else
    put_text (sheet, cover.row, 1, _ ("None adopted"), pack->no);
  cover.row++;
  put_text (sheet, cover.row, 0, _ ("Constitution adopted on"), pack->bold);
  put_date (sheet, cover.row, 1, annual->terms_adopted_on);
  cover.row++;

  for (guint i = 0; i < MAX (annual->agms->len, 1); i++)
    {
      put_text (sheet, cover.row, 0, i == 0 ? _ ("AGM held on") : "",
                pack->bold);
      if (i < annual->agms->len)
        put_date (sheet, cover.row, 1, g_ptr_array_index (annual->agms, i));
      else
        put_text (sheet, cover.row, 1, _ ("No AGM in the period"), pack->no);
      cover.row++;
    }

  cover.row++;
  /* Translators: %s is a date. */
  officers_label = g_strdup_printf (_ ("Officers on %s"), officers_on);
  put_text (sheet, cover.row++, 0, officers_label, pack->header);
  pack->cover_officers_first = cover.row;
  for (guint i = 0; i < annual->officers->len; i++)
    {
      const CrAnnualOfficer *o = g_ptr_array_index (annual->officers, i);
      g_autofree char       *since = uk (o->since);
      g_autofree char       *detail = g_strdup_printf (_ ("since %s"), since);

      put_text (sheet, cover.row, 0, o->role, pack->bold);
      put_text (sheet, cover.row, 1, o->name, NULL);
      put_text (sheet, cover.row, 2, detail, NULL);
      cover.row++;
    }
  pack->n_officer_rows = annual->officers->len;
  if (annual->officers->len == 0)
    put_text (sheet, cover.row++, 0, _ ("No officers recorded"), pack->no);

  cover.row++;
  put_text (sheet, cover.row++, 0, _ ("Counts"), pack->header);
  f = formula_ref (&pack->membership, pack->membership_total, 1);
  cover_figure (&cover, _ ("Members at the start"), f, annual->members_at_start,
                &pack->membership, pack->membership_total, 1);
  g_clear_pointer (&f, g_free);
  f = formula_ref (&pack->membership, pack->membership_total, 2);
  cover_figure (&cover, _ ("Joined"), f, annual->joined, &pack->membership,
                pack->membership_total, 2);
  g_clear_pointer (&f, g_free);
  f = formula_ref (&pack->membership, pack->membership_total, 3);
  cover_figure (&cover, _ ("Left"), f, annual->left, &pack->membership,
                pack->membership_total, 3);
  g_clear_pointer (&f, g_free);
  f = formula_ref (&pack->membership, pack->membership_total, 4);
  cover_figure (&cover, _ ("Members at the end"), f, annual->members_at_end,
                &pack->membership, pack->membership_total, 4);
  g_clear_pointer (&f, g_free);
  f = formula_ref (&pack->groups, pack->groups_total, 5);
  cover_figure (&cover, _ ("Meetings held"), f, annual->meetings->len,
                &pack->groups, pack->groups_total, 5);
  g_clear_pointer (&f, g_free);
  f = formula_ref (&pack->meetings, pack->meetings_total, 6);
  cover_figure (&cover, _ ("Meetings quorate"), f, quorate, &pack->meetings,
                pack->meetings_total, 6);
  g_clear_pointer (&f, g_free);
  if (annual->decisions->len > 0)
    f = formula_counta (&pack->decisions, FIRST_DATA_ROW,
                        FIRST_DATA_ROW + annual->decisions->len - 1, 3);
  else
    f = g_strdup ("=0");
  cover_figure (&cover, _ ("Decisions made"), f, annual->decisions->len,
                &pack->decisions, FIRST_DATA_ROW, 0);
  g_clear_pointer (&f, g_free);
  f = formula_ref (&pack->actions, pack->actions.row, 2);
  cover_figure (&cover, _ ("Actions raised (you said)"), f,
                annual->actions->len, &pack->actions, pack->actions.row, 2);
  g_clear_pointer (&f, g_free);
  f = formula_ref (&pack->actions, pack->actions.row, 5);
  cover_figure (&cover, _ ("Of those, done (we did)"), f, annual->actions_done,
                &pack->actions, pack->actions.row, 5);
  g_clear_pointer (&f, g_free);
  put_text (sheet, cover.row, 0, _ ("Actions done in the period"), pack->bold);
  put_number (sheet, cover.row, 1, annual->actions_done_in_period,
              pack->integer);
  put_text (sheet, cover.row, 2, _ ("any action, whenever it was raised"),
            NULL);
  cover.row++;

  cover_money (&cover, _ ("Money in"), total_in (annual), &pack->money_sheet,
               pack->money_total, 1);
  cover_money (&cover, _ ("Money out"), total_out (annual), &pack->money_sheet,
               pack->money_total, 2);
  cover_money (&cover, _ ("Held at the end"), total_held (annual),
               &pack->balances, pack->balances_total, 4);
  {
    guint met = 0;

    for (guint i = 0; i < annual->training->len; i++)
      met +=
          ((CrAnnualTraining *) g_ptr_array_index (annual->training, i))->met;
    f = formula_ref (&pack->training, pack->training_total, 3);
    cover_figure (&cover, _ ("Members meeting a training threshold"), f, met,
                  &pack->training, pack->training_total, 3);
    g_clear_pointer (&f, g_free);
  }
}

static void
write_checklist (Pack *pack, GPtrArray *points)
{
  const Column columns[] = {
    { _ ("Recognition point"), 28 },
    { _ ("Met"), 6 },
    { _ ("Evidence"), 80 },
    { _ ("Figure"), 12 },
    { _ ("Where it comes from"), 18 },
  };
  Sheet    *sheet = &pack->checklist;
  CrAnnual *annual = pack->annual;
  guint     judged = 0;
  guint     quorate = cr_annual_count_quorate (annual, &judged);

  sheet_begin (pack, sheet, CR_ANNUAL_SHEET_CHECKLIST,
               _ ("recognition checklist"), columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < points->len; i++)
    {
      const CrAnnualPoint *p = g_ptr_array_index (points, i);
      lxw_row_t            r = sheet->row++;
      const Sheet         *from = NULL;
      lxw_row_t            from_row = 0;
      lxw_col_t            from_col = 0;
      g_autofree char     *formula = NULL;
      lxw_format          *format = pack->integer;
      double               value = 0;

      put_text (sheet, r, 0, _ (p->point), pack->bold);
      put_text (sheet, r, 1,
                !p->checked ? _ ("—")
                : p->met    ? _ ("Yes")
                            : _ ("No"),
                !p->checked ? pack->top
                : p->met    ? pack->yes
                            : pack->no);
      put_text (sheet, r, 2, p->evidence, pack->wrap);
      set_lines (sheet, r, wrapped_lines (p->evidence, columns[2].width) + 1);

      switch (i)
        {
          case 0: /* constitution: its version, from the cover */
            from = &pack->cover;
            from_row = pack->cover_version;
            from_col = 1;
            value = annual->terms_version;
            if (annual->terms_version > 0)
              formula = formula_ref (from, from_row, from_col);
            break;
          case 1: /* AGMs held, from the meetings */
            from = &pack->meetings;
            from_row = pack->meetings_total;
            from_col = 2;
            value = pack->n_agm;
            formula = formula_ref (from, from_row, from_col);
            break;
          case 2: /* officers in post, from the cover */
            from = &pack->cover;
            from_row = pack->cover_officers_first;
            from_col = 1;
            value = annual->officers->len;
            if (annual->officers->len > 0)
              formula = formula_counta (
                  from, from_row, from_row + annual->officers->len - 1, 1);
            break;
          case 3: /* members at the end */
            from = &pack->membership;
            from_row = pack->membership_total;
            from_col = 4;
            value = annual->members_at_end;
            formula = formula_ref (from, from_row, from_col);
            break;
          case 4: /* quorate meetings */
            from = &pack->meetings;
            from_row = pack->meetings_total;
            from_col = 6;
            value = quorate;
            formula = formula_ref (from, from_row, from_col);
            break;
          case 5: /* held at the end, from the balances */
            if (!p->checked)
              break;
            from = &pack->balances;
            from_row = pack->balances_total;
            from_col = 4;
            value = (double) total_held (annual) / 100.0;
            formula = formula_ref (from, from_row, from_col);
            format = pack->money;
            break;
          case 6: /* members meeting a threshold */
            if (!p->checked)
              break;
            from = &pack->training;
            from_row = pack->training_total;
            from_col = 3;
            for (guint j = 0; j < annual->training->len; j++)
              value +=
                  ((CrAnnualTraining *) g_ptr_array_index (annual->training, j))
                      ->met;
            formula = formula_ref (from, from_row, from_col);
            break;
          default:
            break;
        }
      if (formula != NULL)
        put_formula (sheet, r, 3, formula, value, format);
      else if (from != NULL)
        put_number (sheet, r, 3, value, pack->integer);
      if (from != NULL)
        put_link (sheet, r, 4, from, from_row, from_col);
    }
  sheet_filter (sheet);
}

static void
about_row (Sheet *about, const char *label, const char *value)
{
  put_text (about, about->row, 0, label, about->pack->bold);
  put_text (about, about->row, 1, value, NULL);
  about->row++;
}

static void
write_about (Pack *pack, const char *source_file)
{
  const Column columns[] = {
    { _ ("About this report"), 26 },
    { "", 70 },
  };
  Sheet *about = &pack->about;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  lxw_datetime made = {
    g_date_time_get_year (now),         g_date_time_get_month (now),
    g_date_time_get_day_of_month (now), g_date_time_get_hour (now),
    g_date_time_get_minute (now),       0
  };
  g_autofree char *made_by =
      g_strdup_printf ("%s %s", PACKAGE_NAME, PACKAGE_VERSION);
  g_autofree char *source_name = NULL;
  g_autofree char *source_path = NULL;
  const Sheet     *sheets[] = {
        &pack->cover,       &pack->checklist, &pack->membership, &pack->groups,
        &pack->months,      &pack->meetings,  &pack->decisions,  &pack->actions,
        &pack->money_sheet, &pack->grants,    &pack->balances,   &pack->training,
  };
  const guint rows[] = {
    0,
    7,
    pack->annual->tenures->len,
    pack->annual->groups->len,
    pack->annual->months->len,
    pack->annual->meetings->len,
    pack->annual->decisions->len,
    pack->annual->actions->len,
    pack->annual->categories->len,
    pack->annual->grants->len,
    pack->annual->accounts->len,
    pack->annual->training->len,
  };

  sheet_begin (pack, about, _ ("About"), _ ("annual return"), columns,
               G_N_ELEMENTS (columns));
  about_row (about, _ ("Report"), _ ("Annual return"));
  about_row (about, _ ("Association"), pack->annual->association);
  put_text (about, about->row, 0, _ ("Made on"), pack->bold);
  check (pack,
         worksheet_write_datetime (about->ws, about->row, 1, &made,
                                   pack->datetime),
         "date");
  about->row++;
  about_row (about, _ ("Made by"), made_by);
  if (source_file != NULL && *source_file != '\0')
    {
      source_name = g_filename_display_basename (source_file);
      source_path = g_filename_display_name (source_file);
    }
  about_row (about, _ ("From file"),
             source_name != NULL ? source_name : _ ("(none)"));
  about_row (about, _ ("Full path"), source_path);
  about->row++;
  for (guint i = 1; i < G_N_ELEMENTS (sheets); i++)
    {
      g_autofree char *label =
          g_strdup_printf (_ ("Rows in “%s”"), sheets[i]->name);

      put_text (about, about->row, 0, label, pack->bold);
      put_number (about, about->row, 1, rows[i], pack->integer);
      about->row++;
    }
}

static lxw_format *
add_format (Pack *pack, gboolean bold, const char *num_format)
{
  lxw_format *format = workbook_add_format (pack->wb);

  if (bold)
    format_set_bold (format);
  if (num_format != NULL)
    format_set_num_format (format, num_format);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  return format;
}

static void
add_formats (Pack *pack)
{
  pack->title = add_format (pack, TRUE, NULL);
  format_set_font_size (pack->title, 14);
  pack->period = add_format (pack, FALSE, NULL);
  format_set_italic (pack->period);
  pack->header = add_format (pack, TRUE, NULL);
  format_set_bottom (pack->header, LXW_BORDER_THIN);
  pack->date = add_format (pack, FALSE, "dd/mm/yyyy");
  format_set_align (pack->date, LXW_ALIGN_LEFT);
  pack->datetime = add_format (pack, FALSE, "dd/mm/yyyy hh:mm");
  format_set_align (pack->datetime, LXW_ALIGN_LEFT);
  pack->integer = add_format (pack, FALSE, "0");
  pack->percent = add_format (pack, FALSE, "0%");
  pack->bold = add_format (pack, TRUE, NULL);
  pack->top = add_format (pack, FALSE, NULL);
  pack->wrap = add_format (pack, FALSE, NULL);
  format_set_text_wrap (pack->wrap);
  pack->total_label = add_format (pack, TRUE, NULL);
  format_set_top (pack->total_label, LXW_BORDER_THIN);
  pack->total_integer = add_format (pack, TRUE, "0");
  format_set_top (pack->total_integer, LXW_BORDER_THIN);
  pack->total_percent = add_format (pack, TRUE, "0%");
  pack->money = add_format (pack, FALSE, "£#,##0.00");
  pack->total_money = add_format (pack, TRUE, "£#,##0.00");
  format_set_top (pack->total_money, LXW_BORDER_THIN);
  format_set_top (pack->total_percent, LXW_BORDER_THIN);
  pack->link = add_format (pack, FALSE, NULL);
  format_set_underline (pack->link, LXW_UNDERLINE_SINGLE);
  format_set_font_color (pack->link, 0x1A5FB4);
  pack->yes = add_format (pack, TRUE, NULL);
  format_set_font_color (pack->yes, 0x26A269);
  pack->no = add_format (pack, TRUE, NULL);
  format_set_font_color (pack->no, 0xC01C28);
}

static void
set_failed (Pack *pack, GError **error)
{
  if (pack->failed == LXW_ERROR_CREATING_XLSX_FILE ||
      pack->failed == LXW_ERROR_CREATING_TMPFILE ||
      pack->failed == LXW_ERROR_ZIP_FILE_OPERATION ||
      pack->failed == LXW_ERROR_ZIP_FILE_ADD ||
      pack->failed == LXW_ERROR_ZIP_CLOSE)
    g_set_error (error, CR_XLSX_ERROR, CR_XLSX_ERROR_NO_SPACE,
                 _ ("The disk is full or not writable; nothing was saved to "
                    "“%s”. Free some space or choose another folder. (%s)"),
                 pack->display_name, lxw_strerror (pack->failed));
  else
    g_set_error (error, CR_XLSX_ERROR, CR_XLSX_ERROR_WRITE,
                 _ ("Could not write the annual return; nothing was saved to "
                    "“%s”. (%s)"),
                 pack->display_name, lxw_strerror (pack->failed));
}

static gboolean
fail_errno (Pack *pack, int saved_errno, GError **error)
{
  g_set_error (error, CR_XLSX_ERROR,
               saved_errno == ENOSPC || saved_errno == EDQUOT
                   ? CR_XLSX_ERROR_NO_SPACE
                   : CR_XLSX_ERROR_WRITE,
               _ ("Could not save “%s”: %s. Nothing was saved; check the "
                  "folder or choose another one."),
               pack->display_name, g_strerror (saved_errno));
  return FALSE;
}

/* Writes the workbook to @tmp_path; the caller renames it into place. */
static gboolean
write_pack (Pack       *pack,
            const char *tmp_path,
            const char *source_file,
            GError    **error)
{
  lxw_workbook_options options = { 0 };
  lxw_doc_properties   properties = { 0 };
  g_autofree char     *tmpdir =
      g_build_filename (g_get_user_cache_dir (), "commonroom", "tmp", NULL);
  g_autoptr (GPtrArray) points = cr_annual_get_checklist (pack->annual);
  g_autofree char *comments = NULL;
  g_autofree char *title = NULL;
  CrAnnual        *annual = pack->annual;
  lxw_error        err;

  if (g_mkdir_with_parents (tmpdir, 0700) != 0)
    return fail_errno (pack, errno, error);
  options.tmpdir = tmpdir;
  pack->wb = workbook_new_opt (tmp_path, &options);
  if (pack->wb == NULL)
    return fail_errno (pack, ENOMEM, error);
  add_formats (pack);

  /* Where each figure will land, so that the cover and the checklist,
   * which come first, can point at sheets not yet written. */
  pack->membership.name = CR_ANNUAL_SHEET_MEMBERSHIP;
  pack->groups.name = CR_ANNUAL_SHEET_GROUPS;
  pack->meetings.name = CR_ANNUAL_SHEET_MEETINGS;
  pack->decisions.name = CR_ANNUAL_SHEET_DECISIONS;
  pack->actions.name = CR_ANNUAL_SHEET_ACTIONS;
  pack->money_sheet.name = CR_ANNUAL_SHEET_MONEY;
  pack->grants.name = CR_ANNUAL_SHEET_GRANTS;
  pack->balances.name = CR_ANNUAL_SHEET_BALANCES;
  pack->training.name = CR_ANNUAL_SHEET_TRAINING;
  pack->money_total = FIRST_DATA_ROW + annual->categories->len;
  pack->grants_total = FIRST_DATA_ROW + annual->grants->len;
  pack->balances_total = FIRST_DATA_ROW + annual->accounts->len;
  pack->training_total = FIRST_DATA_ROW + annual->training->len;
  pack->membership_total = FIRST_DATA_ROW + annual->tenures->len;
  pack->groups_total = FIRST_DATA_ROW + annual->groups->len;
  pack->meetings_total = FIRST_DATA_ROW + annual->meetings->len;
  pack->actions.row = FIRST_DATA_ROW + annual->actions->len;
  for (guint i = 0; i < annual->meetings->len; i++)
    if (((CrAnnualMeeting *) g_ptr_array_index (annual->meetings, i))->kind ==
        CR_MEETING_KIND_AGM)
      pack->n_agm++;

  write_cover (pack);
  write_checklist (pack, points);
  write_membership (pack);
  write_groups (pack);
  write_months (pack);
  write_meetings (pack);
  write_decisions (pack);
  write_actions (pack);
  write_money (pack);
  write_grants (pack);
  write_balances (pack);
  write_training (pack);
  write_about (pack, source_file);
  if (pack->cover.ws != NULL)
    worksheet_activate (pack->cover.ws);

  title = g_strdup_printf (_ ("Annual return — %s"), annual->association);
  if (source_file != NULL)
    {
      g_autofree char *name = g_filename_display_basename (source_file);

      comments = g_strdup_printf (_ ("Made by Common Room from %s"), name);
    }
  properties.title = title;
  properties.author = (char *) PACKAGE_NAME;
  properties.company = annual->association;
  properties.comments = comments;
  check (pack, workbook_set_properties (pack->wb, &properties), "properties");

  if (pack->failed != LXW_NO_ERROR)
    {
      lxw_workbook_free (g_steal_pointer (&pack->wb));
      set_failed (pack, error);
      return FALSE;
    }
  err = workbook_close (g_steal_pointer (&pack->wb));
  if (err != LXW_NO_ERROR)
    {
      check (pack, err, "close");
      set_failed (pack, error);
      return FALSE;
    }
  return TRUE;
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
 * membership, groups, months, meetings, decisions, actions and About.
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
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  Pack             pack = { 0 };
  locale_t         c_locale, old;
  gboolean         ok;
  int              fd;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  annual = cr_store_get_annual (store, from, to, error);
  if (annual == NULL)
    return FALSE;

  pack.annual = annual;
  pack.display_name = g_filename_display_basename (path);

  /* Beside the real name, so the rename stays on one file system; nothing
   * appears under @path until the workbook is whole and on the disk. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  {
    g_autofree char *template = g_strdup_printf (".%s.XXXXXX.part", base);

    tmp_path = g_build_filename (dir, template, NULL);
  }
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      ok = fail_errno (&pack, errno, error);
      g_free (pack.display_name);
      return ok;
    }
  close (fd);

  /* libxlsxwriter prints numbers with printf, which follows LC_NUMERIC: a
   * comma decimal would spoil the file, so this thread writes in "C". */
  c_locale = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  old = uselocale (c_locale);
  ok = write_pack (&pack, tmp_path, cr_store_get_path (store), error);
  uselocale (old);
  freelocale (c_locale);

  if (ok)
    {
      fd = g_open (tmp_path, O_RDONLY | O_CLOEXEC, 0);
      if (fd < 0 || fsync (fd) != 0)
        ok = fail_errno (&pack, errno, error);
      if (fd >= 0)
        close (fd);
    }
  if (ok && g_rename (tmp_path, path) != 0)
    ok = fail_errno (&pack, errno, error);
  if (!ok)
    g_unlink (tmp_path);

  g_free (pack.display_name);
  return ok;
}
