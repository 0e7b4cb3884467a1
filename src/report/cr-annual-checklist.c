/* cr-annual-checklist.c: the recognition points of the annual return,
 * worked out from a period's figures
 *
 * What a council asks of a recognised group (constitution adopted, AGM
 * held in time, officers elected, membership open and counted, meetings
 * quorate, accounts in order, members trained), each met or not with the
 * evidence in a sentence. The workbook (cr-report-annual.c), the printed
 * summary and the window all show the same points from here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-report"

#include "config.h"

#include "cr-report-annual.h"

#include "cr-date.h"
#include "cr-money.h"
#include "cr-store-annual.h"
#include "cr-xlsx.h"

#include <glib/gi18n-lib.h>

#include <string.h>

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
  g_return_val_if_fail (annual != NULL, NULL);

  if (g_str_has_suffix (annual->from, "-01-01") &&
      g_str_has_suffix (annual->to, "-12-31") &&
      strncmp (annual->from, annual->to, 4) == 0)
    return g_strdup_printf (_ ("Year %.4s"), annual->from);
  return cr_xlsx_describe_period (annual->from, annual->to);
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

gint64
cr_annual_total_in (const CrAnnual *annual)
{
  gint64 sum = 0;

  for (guint i = 0; i < annual->categories->len; i++)
    sum += ((CrAnnualCategory *) g_ptr_array_index (annual->categories, i))
               ->money_in;
  return sum;
}

gint64
cr_annual_total_out (const CrAnnual *annual)
{
  gint64 sum = 0;

  for (guint i = 0; i < annual->categories->len; i++)
    sum += ((CrAnnualCategory *) g_ptr_array_index (annual->categories, i))
               ->money_out;
  return sum;
}

gint64
cr_annual_total_held (const CrAnnual *annual)
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

  money_in = cr_money_format (cr_annual_total_in (annual));
  money_out = cr_money_format (cr_annual_total_out (annual));
  held = cr_money_format (cr_annual_total_held (annual));
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
