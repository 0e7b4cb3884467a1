/* cr-store-annual.c: the figures of one year (or any period) for the
 * council pack
 *
 * Everything the annual return shows is read here, in a few set-based
 * statements: membership counts by tenure and by group (one pass over the
 * memberships, grouped by person), the count of members at each month's
 * end, the held meetings of the period, their decisions and actions. A
 * meeting's quorum is judged by the rules in force on its own date
 * (cr_store_get_rules()), not today's, so a change of constitution never
 * rewrites what an earlier meeting was.
 *
 * "At the start" counts members on the period's first day who joined
 * before it; "at the end" those who are members on its last day and stay
 * on after it; a joiner's first membership began in the period and a
 * leaver's last one ended in it. The four then add up: start + joined -
 * left = end, for everyone whose membership had no break.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-store-annual.h"

#include "cr-date.h"
#include "cr-person.h"
#include "cr-rules.h"
#include "cr-store-meetings.h"
#include "cr-store-money.h"
#include "cr-store-private.h"
#include "cr-store-rules.h"
#include "cr-store-training.h"
#include "cr-training.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static void
officer_free (CrAnnualOfficer *officer)
{
  g_free (officer->role);
  g_free (officer->name);
  g_free (officer->since);
  g_free (officer);
}

static void
count_free (CrAnnualCount *count)
{
  g_free (count->label);
  g_free (count);
}

static void
meeting_free (CrAnnualMeeting *meeting)
{
  g_free (meeting->group_name);
  g_free (meeting->date);
  g_free (meeting);
}

static void
decision_free (CrAnnualDecision *decision)
{
  g_free (decision->date);
  g_free (decision->group_name);
  g_free (decision->item);
  g_free (decision->text);
  g_free (decision);
}

static void
category_free (CrAnnualCategory *category)
{
  g_free (category->category);
  g_free (category);
}

static void
grant_free (CrAnnualGrant *grant)
{
  g_free (grant->name);
  g_free (grant->funder);
  g_free (grant->status);
  g_free (grant->awarded_on);
  g_free (grant);
}

static void
account_free (CrAnnualAccount *account)
{
  g_free (account->name);
  g_free (account);
}

static void
training_free (CrAnnualTraining *training)
{
  g_free (training->group_name);
  g_free (training);
}

static void
month_free (CrAnnualMonth *month)
{
  g_free (month->date);
  g_free (month);
}

/**
 * cr_annual_free:
 * @annual: (nullable) (transfer full): a year's figures
 */
void
cr_annual_free (CrAnnual *annual)
{
  if (annual == NULL)
    return;
  g_free (annual->association);
  g_free (annual->from);
  g_free (annual->to);
  g_free (annual->officers_on);
  g_clear_pointer (&annual->officers, g_ptr_array_unref);
  g_free (annual->terms_adopted_on);
  g_clear_pointer (&annual->agms, g_ptr_array_unref);
  g_free (annual->previous_agm);
  g_free (annual->reports_by);
  g_clear_pointer (&annual->tenures, g_ptr_array_unref);
  g_clear_pointer (&annual->groups, g_ptr_array_unref);
  g_clear_pointer (&annual->months, g_ptr_array_unref);
  g_clear_pointer (&annual->meetings, g_ptr_array_unref);
  g_clear_pointer (&annual->decisions, g_ptr_array_unref);
  g_clear_pointer (&annual->actions, g_ptr_array_unref);
  g_clear_pointer (&annual->categories, g_ptr_array_unref);
  g_clear_pointer (&annual->grants, g_ptr_array_unref);
  g_clear_pointer (&annual->accounts, g_ptr_array_unref);
  g_clear_pointer (&annual->training, g_ptr_array_unref);
  g_free (annual);
}

static const char *
column_text (sqlite3_stmt *stmt, int col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static char *
dup_column (sqlite3_stmt *stmt, int col)
{
  return g_strdup (column_text (stmt, col));
}

static gboolean
finish_read (CrStore *self, sqlite3_stmt *stmt, int rc, GError **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  _cr_store_set_error (self, error, rc, _ ("reading the year’s records"));
  return FALSE;
}

static char *
spoken_name (const char *given, const char *family)
{
  if (given == NULL || *given == '\0')
    return g_strdup (family != NULL ? family : "");
  if (family == NULL || *family == '\0')
    return g_strdup (given);
  return g_strdup_printf ("%s %s", given, family);
}

/* The association's offices held on @on, the usual officers first. */
static gboolean
read_officers (CrStore *self, CrAnnual *annual, GError **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  stmt = _cr_store_prepare (self,
                            "SELECT o.role, p.given_name, p.family_name, "
                            "o.person_id, o.start_date FROM offices o "
                            "JOIN people p ON p.id = o.person_id "
                            "WHERE o.group_id = ?1 AND o.start_date <= ?2 "
                            "AND (o.end_date IS NULL OR o.end_date >= ?2) "
                            "ORDER BY CASE lower(o.role) "
                            "WHEN 'chair' THEN 0 WHEN 'vice-chair' THEN 1 "
                            "WHEN 'secretary' THEN 2 WHEN 'treasurer' THEN 3 "
                            "ELSE 4 END, o.role, o.start_date",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, annual->association_group);
  sqlite3_bind_text (stmt, 2, annual->officers_on, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrAnnualOfficer *o = g_new0 (CrAnnualOfficer, 1);

      o->role = dup_column (stmt, 0);
      o->name = spoken_name (column_text (stmt, 1), column_text (stmt, 2));
      o->person_id = sqlite3_column_int64 (stmt, 3);
      o->since = dup_column (stmt, 4);
      g_ptr_array_add (annual->officers, o);
    }
  if (!finish_read (self, stmt, rc, error))
    return FALSE;

  stmt = _cr_store_prepare (self,
                            "SELECT count(*) FROM offices WHERE group_id = ?1 "
                            "AND start_date BETWEEN ?2 AND ?3",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, annual->association_group);
  sqlite3_bind_text (stmt, 2, annual->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, annual->to, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      annual->offices_taken = sqlite3_column_int (stmt, 0);
      rc = SQLITE_DONE;
    }
  return finish_read (self, stmt, rc, error);
}

static gboolean
read_terms (CrStore *self, CrAnnual *annual, GError **error)
{
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (CrRules) rules = NULL;
  gint64 version_id = 0;

  if (!cr_store_get_terms_in_force (self, annual->association_group, annual->to,
                                    &version_id, error))
    return FALSE;
  if (version_id != 0)
    {
      versions = cr_store_list_terms (self, annual->association_group, error);
      if (versions == NULL)
        return FALSE;
      for (guint i = 0; i < versions->len; i++)
        {
          CrTermsVersion *v = g_ptr_array_index (versions, i);

          if (v->id != version_id)
            continue;
          annual->terms_version = v->version;
          annual->terms_adopted_on = g_strdup (v->adopted_on);
        }
    }

  rules =
      cr_store_get_rules (self, annual->association_group, annual->to, error);
  if (rules == NULL)
    return FALSE;
  if (cr_rules_has (rules, CR_RULE_AGM_MAX_MONTHS))
    annual->agm_max_months = cr_rules_get_value (rules, CR_RULE_AGM_MAX_MONTHS);
  if (cr_rules_has (rules, CR_RULE_TRAINING_THRESHOLD_PERCENT))
    annual->training_threshold =
        cr_rules_get_value (rules, CR_RULE_TRAINING_THRESHOLD_PERCENT);
  return TRUE;
}

static gboolean
read_agms (CrStore *self, CrAnnual *annual, GError **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  stmt = _cr_store_prepare (self,
                            "SELECT date FROM meetings WHERE group_id = ?1 "
                            "AND kind = 'agm' AND status = 'held' "
                            "AND date BETWEEN ?2 AND ?3 ORDER BY date",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, annual->association_group);
  sqlite3_bind_text (stmt, 2, annual->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, annual->to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (annual->agms, dup_column (stmt, 0));
  if (!finish_read (self, stmt, rc, error))
    return FALSE;

  stmt =
      _cr_store_prepare (self,
                         "SELECT max(date) FROM meetings WHERE group_id = ?1 "
                         "AND kind = 'agm' AND status = 'held' "
                         "AND date < ?2",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, annual->association_group);
  sqlite3_bind_text (stmt, 2, annual->from, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      annual->previous_agm = dup_column (stmt, 0);
      rc = SQLITE_DONE;
    }
  return finish_read (self, stmt, rc, error);
}

/* One row a person (and group), with whether they were a member at the
 * start and at the end, and their first start and last end; a membership
 * still open has no last end. */
#define PER_PERSON(key)                                                       \
  "SELECT " key ", person_id, min(start_date) AS first_start, "               \
  "CASE WHEN count(*) = count(end_date) THEN max(end_date) END AS last_end, " \
  "max(start_date < ?1 AND (end_date IS NULL OR end_date >= ?1)) AS "         \
  "at_start, "                                                                \
  "max(start_date <= ?2 AND (end_date IS NULL OR end_date > ?2)) AS at_end "  \
  "FROM memberships GROUP BY " key ", person_id"

static const struct
{
  const char *key;
  CrTenure    tenure;
} tenures[] = {
  { "tenant", CR_TENURE_TENANT },
  { "leaseholder", CR_TENURE_LEASEHOLDER },
  { "other", CR_TENURE_OTHER },
  { "", CR_TENURE_UNKNOWN },
};

static gboolean
read_tenures (CrStore *self, CrAnnual *annual, GError **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  for (guint i = 0; i < G_N_ELEMENTS (tenures); i++)
    {
      CrAnnualCount *c = g_new0 (CrAnnualCount, 1);

      c->label = g_strdup (tenures[i].tenure == CR_TENURE_UNKNOWN
                               ? _ ("Not recorded")
                               : cr_tenure_get_label (tenures[i].tenure));
      g_ptr_array_add (annual->tenures, c);
    }

  stmt = _cr_store_prepare (
      self,
      "WITH f AS (" PER_PERSON (
          "1") ") "
               "SELECT coalesce(p.tenure, ''), "
               "sum(f.at_start), sum(f.at_end), "
               "sum(f.first_start BETWEEN ?1 AND ?2), "
               "sum(coalesce(f.last_end BETWEEN ?1 AND ?2, 0)) "
               "FROM f JOIN people p ON p.id = f.person_id "
               "GROUP BY 1",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, annual->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, annual->to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char    *key = column_text (stmt, 0);
      CrAnnualCount *c = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (tenures); i++)
        if (g_strcmp0 (key, tenures[i].key) == 0)
          c = g_ptr_array_index (annual->tenures, i);
      if (c == NULL)
        c = g_ptr_array_index (annual->tenures, G_N_ELEMENTS (tenures) - 1);
      c->at_start += sqlite3_column_int (stmt, 1);
      c->at_end += sqlite3_column_int (stmt, 2);
      c->joined += sqlite3_column_int (stmt, 3);
      c->left += sqlite3_column_int (stmt, 4);
    }
  if (!finish_read (self, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < annual->tenures->len; i++)
    {
      CrAnnualCount *c = g_ptr_array_index (annual->tenures, i);

      annual->members_at_start += c->at_start;
      annual->members_at_end += c->at_end;
      annual->joined += c->joined;
      annual->left += c->left;
    }
  return TRUE;
}

static gboolean
read_groups (CrStore *self, CrAnnual *annual, GError **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  stmt = _cr_store_prepare (
      self,
      "WITH f AS (" PER_PERSON (
          "group_id") ") "
                      "SELECT g.id, g.name, "
                      "coalesce(sum(f.at_start), 0), "
                      "coalesce(sum(f.at_end), 0), "
                      "coalesce(sum(f.first_start BETWEEN ?1 AND ?2), 0), "
                      "coalesce(sum(f.last_end BETWEEN ?1 AND ?2), 0) "
                      "FROM groups g LEFT JOIN f ON f.group_id = g.id "
                      "GROUP BY g.id "
                      "ORDER BY (g.kind = 'association') DESC, g.name",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, annual->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, annual->to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrAnnualCount *c = g_new0 (CrAnnualCount, 1);

      c->group_id = sqlite3_column_int64 (stmt, 0);
      c->label = dup_column (stmt, 1);
      c->at_start = sqlite3_column_int (stmt, 2);
      c->at_end = sqlite3_column_int (stmt, 3);
      c->joined = sqlite3_column_int (stmt, 4);
      c->left = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (annual->groups, c);
    }
  return finish_read (self, stmt, rc, error);
}

static gboolean
read_months (CrStore *self, CrAnnual *annual, GError **error)
{
  GDate from, to, day;

  if (!cr_date_parse_iso (annual->from, &from) ||
      !cr_date_parse_iso (annual->to, &to))
    g_return_val_if_reached (FALSE);

  g_date_set_dmy (&day, 1, g_date_get_month (&from), g_date_get_year (&from));
  while (g_date_compare (&day, &to) <= 0)
    {
      CrAnnualMonth *month = g_new0 (CrAnnualMonth, 1);
      sqlite3_stmt  *stmt;
      GDate          end = day;
      int            rc;

      g_date_set_day (&end, g_date_get_days_in_month (g_date_get_month (&day),
                                                      g_date_get_year (&day)));
      if (g_date_compare (&end, &to) > 0)
        end = to;
      month->date = cr_date_to_iso (&end);
      g_ptr_array_add (annual->months, month);

      stmt = _cr_store_prepare (self,
                                "SELECT count(DISTINCT person_id) "
                                "FROM memberships WHERE start_date <= ?1 "
                                "AND (end_date IS NULL OR end_date > ?1)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, month->date, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          month->members = sqlite3_column_int (stmt, 0);
          rc = SQLITE_DONE;
        }
      if (!finish_read (self, stmt, rc, error))
        return FALSE;
      g_date_add_months (&day, 1);
    }
  return TRUE;
}

static CrAnnualCount *
find_group (CrAnnual *annual, gint64 group_id)
{
  for (guint i = 0; i < annual->groups->len; i++)
    {
      CrAnnualCount *c = g_ptr_array_index (annual->groups, i);

      if (c->group_id == group_id)
        return c;
    }
  return NULL;
}

static gboolean
read_meetings (CrStore *self, CrAnnual *annual, GError **error)
{
  g_autoptr (GArray) marks = g_array_new (FALSE, FALSE, sizeof (guint));
  sqlite3_stmt *stmt;
  int           rc;

  stmt =
      _cr_store_prepare (self,
                         "SELECT m.id, m.group_id, g.name, m.date, m.kind, "
                         "(SELECT count(*) FROM attendance a "
                         " WHERE a.meeting_id = m.id), "
                         "(SELECT count(*) FROM attendance a "
                         " WHERE a.meeting_id = m.id AND a.role <> 'member' "
                         " AND a.mark = 'present') "
                         "FROM meetings m JOIN groups g ON g.id = m.group_id "
                         "WHERE m.status = 'held' AND m.date BETWEEN ?1 AND ?2 "
                         "ORDER BY m.date, m.start_time, m.id",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, annual->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, annual->to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrAnnualMeeting *m = g_new0 (CrAnnualMeeting, 1);
      guint            n_marks = sqlite3_column_int (stmt, 5);

      m->id = sqlite3_column_int64 (stmt, 0);
      m->group_id = sqlite3_column_int64 (stmt, 1);
      m->group_name = dup_column (stmt, 2);
      m->date = dup_column (stmt, 3);
      cr_meeting_kind_from_string (column_text (stmt, 4), &m->kind);
      m->others_present = sqlite3_column_int (stmt, 6);
      g_ptr_array_add (annual->meetings, m);
      g_array_append_val (marks, n_marks);
    }
  if (!finish_read (self, stmt, rc, error))
    return FALSE;

  /* Counted once the list is read, so no statement runs inside another's
   * loop; each meeting by the rules of its own date. */
  for (guint i = 0; i < annual->meetings->len; i++)
    {
      CrAnnualMeeting *m = g_ptr_array_index (annual->meetings, i);
      g_autoptr (CrRules) rules = NULL;
      CrAnnualCount *group;

      if (!cr_store_count_voting (self, m->id, &m->voting_members,
                                  &m->voting_present, error))
        return FALSE;
      rules = cr_store_get_rules (self, m->group_id, m->date, error);
      if (rules == NULL)
        return FALSE;
      if (cr_rules_has (rules, CR_RULE_QUORUM))
        m->quorum_required =
            cr_quorum_required (&rules->quorum, m->voting_members);
      if (g_array_index (marks, guint, i) == 0)
        m->quorate = CR_QUORATE_UNKNOWN;
      else if (m->voting_present >= m->quorum_required)
        m->quorate = CR_QUORATE_YES;
      else
        m->quorate = CR_QUORATE_NO;

      group = find_group (annual, m->group_id);
      if (group == NULL)
        continue;
      group->meetings_held++;
      if (m->quorate == CR_QUORATE_YES)
        group->meetings_quorate++;
      if (m->quorate != CR_QUORATE_UNKNOWN)
        {
          group->voting_expected += m->voting_members;
          group->voting_present += m->voting_present;
        }
    }
  return TRUE;
}

static gboolean
read_decisions (CrStore *self, CrAnnual *annual, GError **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  stmt = _cr_store_prepare (self,
                            "SELECT m.id, m.date, g.name, ai.title, d.text, "
                            "d.method, d.votes_for, d.votes_against, "
                            "d.votes_abstain, d.outcome, d.quorate_at_time "
                            "FROM decisions d "
                            "JOIN agenda_items ai ON ai.id = d.item_id "
                            "JOIN meetings m ON m.id = ai.meeting_id "
                            "JOIN groups g ON g.id = m.group_id "
                            "WHERE m.date BETWEEN ?1 AND ?2 "
                            "ORDER BY m.date, m.id, ai.position, d.id",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, annual->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, annual->to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrAnnualDecision *d = g_new0 (CrAnnualDecision, 1);

      d->meeting_id = sqlite3_column_int64 (stmt, 0);
      d->date = dup_column (stmt, 1);
      d->group_name = dup_column (stmt, 2);
      d->item = dup_column (stmt, 3);
      d->text = dup_column (stmt, 4);
      cr_decision_method_from_string (column_text (stmt, 5), &d->method);
      d->votes_for = sqlite3_column_int (stmt, 6);
      d->votes_against = sqlite3_column_int (stmt, 7);
      d->votes_abstain = sqlite3_column_int (stmt, 8);
      cr_vote_outcome_from_string (column_text (stmt, 9), &d->outcome);
      d->quorate_at_time = sqlite3_column_int (stmt, 10) != 0;
      g_ptr_array_add (annual->decisions, d);
    }
  return finish_read (self, stmt, rc, error);
}

static gboolean
in_period (const CrAnnual *annual, const char *iso)
{
  return iso != NULL && strcmp (iso, annual->from) >= 0 &&
         strcmp (iso, annual->to) <= 0;
}

static gboolean
read_actions (CrStore *self, CrAnnual *annual, GError **error)
{
  g_autoptr (GPtrArray) all = NULL;

  /* The log as the Actions page shows it; a year's share is a filter.
   * Those kept change arrays, the rest are freed here. */
  all = cr_store_list_action_log (self, CR_ACTIONS_ALL, 0, error);
  if (all == NULL)
    return FALSE;
  g_ptr_array_set_free_func (all, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      CrAction *a = g_ptr_array_index (all, i);
      gboolean  done = a->status == CR_ACTION_DONE;

      if (done && in_period (annual, a->done_on))
        annual->actions_done_in_period++;
      if (!in_period (annual, a->meeting_date))
        {
          cr_action_free (a);
          continue;
        }
      if (done)
        annual->actions_done++;
      g_ptr_array_add (annual->actions, a);
    }
  return TRUE;
}

static int
compare_categories (gconstpointer a, gconstpointer b)
{
  const CrAnnualCategory *x = *(CrAnnualCategory *const *) a;
  const CrAnnualCategory *y = *(CrAnnualCategory *const *) b;

  return g_utf8_collate (x->category, y->category);
}

/* The treasurer's records, through the money store's own functions: the
 * cash book up to the last day (one read), the accounts, the grants and
 * their monitoring reports. */
static gboolean
read_money (CrStore *self, CrAnnual *annual, GError **error)
{
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  g_autoptr (GPtrArray) grants = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GHashTable) by_category =
      g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) by_account =
      g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) spent_by_grant =
      g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  CrCashFilter filter = { 0 };

  filter.to = annual->to;
  entries = cr_store_list_entries (self, &filter, error);
  if (entries == NULL)
    return FALSE;
  accounts = cr_store_list_accounts (self, error);
  if (accounts == NULL)
    return FALSE;

  for (guint i = 0; i < accounts->len; i++)
    {
      CrAccount       *a = g_ptr_array_index (accounts, i);
      CrAnnualAccount *out;

      if (a->opened_on != NULL && strcmp (a->opened_on, annual->to) > 0)
        continue;
      out = g_new0 (CrAnnualAccount, 1);
      out->name = g_strdup (a->name);
      out->at_start = a->opening_balance;
      if (a->opened_on != NULL && strcmp (a->opened_on, annual->from) >= 0)
        {
          /* Opened during the period: its opening balance came in then. */
          out->at_start = 0;
          out->money_in = a->opening_balance;
        }
      g_ptr_array_add (annual->accounts, out);
      g_hash_table_insert (by_account, &a->id, out);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      CrCashEntry     *e = g_ptr_array_index (entries, i);
      CrAnnualAccount *account =
          g_hash_table_lookup (by_account, &e->account_id);
      gboolean before = strcmp (e->date, annual->from) < 0;

      if (e->grant_id != 0 && e->amount < 0)
        {
          gint64 *spent = g_hash_table_lookup (spent_by_grant, &e->grant_id);

          if (spent == NULL)
            {
              spent = g_new0 (gint64, 2);
              spent[1] = e->grant_id;
              g_hash_table_insert (spent_by_grant, &spent[1], spent);
            }
          spent[0] += -e->amount;
        }

      if (account != NULL)
        {
          if (before)
            account->at_start += e->amount;
          else if (e->amount >= 0)
            account->money_in += e->amount;
          else
            account->money_out += -e->amount;
        }
      if (!before)
        {
          const char       *name = e->category != NULL && *e->category != '\0'
                                       ? e->category
                                       : _ ("Not categorised");
          CrAnnualCategory *c = g_hash_table_lookup (by_category, name);

          if (c == NULL)
            {
              c = g_new0 (CrAnnualCategory, 1);
              c->category = g_strdup (name);
              g_ptr_array_add (annual->categories, c);
              g_hash_table_insert (by_category, c->category, c);
            }
          if (e->amount >= 0)
            c->money_in += e->amount;
          else
            c->money_out += -e->amount;
        }
    }
  for (guint i = 0; i < annual->accounts->len; i++)
    {
      CrAnnualAccount *a = g_ptr_array_index (annual->accounts, i);

      a->at_end = a->at_start + a->money_in - a->money_out;
    }
  g_ptr_array_sort (annual->categories, compare_categories);

  grants = cr_store_list_grants (self, error);
  if (grants == NULL)
    return FALSE;
  for (guint i = 0; i < grants->len; i++)
    {
      CrGrant *g = g_ptr_array_index (grants, i);
      g_autoptr (GPtrArray) lines = NULL;
      gint64        *spent = g_hash_table_lookup (spent_by_grant, &g->id);
      CrAnnualGrant *out;

      /* Money awarded by the period's end and not over before it began. */
      if ((g->status != CR_GRANT_AWARDED && g->status != CR_GRANT_CLOSED) ||
          (g->awarded_on != NULL && strcmp (g->awarded_on, annual->to) > 0) ||
          (g->period_end != NULL && strcmp (g->period_end, annual->from) < 0))
        continue;
      out = g_new0 (CrAnnualGrant, 1);
      out->name = g_strdup (g->name);
      out->funder = g_strdup (g->funder);
      out->status = g_strdup (cr_grant_status_get_label (g->status));
      out->awarded_on = g_strdup (g->awarded_on);
      out->awarded = g->awarded;
      out->spent = spent != NULL ? spent[0] : 0;
      out->over = out->spent > out->awarded;
      lines = cr_store_list_budget_lines (self, g->id, error);
      if (lines == NULL)
        {
          grant_free (out);
          return FALSE;
        }
      for (guint j = 0; j < lines->len; j++)
        if (((CrBudgetLine *) g_ptr_array_index (lines, j))->over)
          out->over = TRUE;
      g_ptr_array_add (annual->grants, out);
    }

  /* A report due after today is not late yet, even in this year's pack. */
  {
    g_autofree char *today = cr_date_today_iso ();

    annual->reports_by =
        g_strdup (strcmp (today, annual->to) < 0 ? today : annual->to);
  }
  reports = cr_store_list_grant_reports (self, 0, error);
  if (reports == NULL)
    return FALSE;
  for (guint i = 0; i < reports->len; i++)
    {
      CrGrantReport *r = g_ptr_array_index (reports, i);

      if (r->due_on == NULL || strcmp (r->due_on, annual->reports_by) > 0)
        continue;
      if (strcmp (r->due_on, annual->from) < 0 && r->submitted_on != NULL &&
          strcmp (r->submitted_on, annual->from) < 0)
        continue; /* settled before the period */
      annual->reports_due++;
      if (r->submitted_on == NULL ||
          strcmp (r->submitted_on, annual->reports_by) > 0)
        annual->reports_late++;
    }
  return TRUE;
}

static gboolean
count_training (const CrTrainingRow *row, gpointer user_data)
{
  CrAnnualTraining *t = user_data;

  t->members++;
  t->percent_sum += cr_completion_percent (row->completion);
  if (t->threshold > 0 && cr_completion_meets (row->completion, t->threshold))
    t->met++;
  return TRUE;
}

/* Each group with members at the end, against the threshold its rules
 * in force on the last day set, through the training store. */
static gboolean
read_training (CrStore *self, CrAnnual *annual, GError **error)
{
  for (guint i = 0; i < annual->groups->len; i++)
    {
      const CrAnnualCount *g = g_ptr_array_index (annual->groups, i);
      g_autoptr (CrRules) rules = NULL;
      CrAnnualTraining *t;

      if (g->at_end == 0)
        continue;
      rules = cr_store_get_rules (self, g->group_id, annual->to, error);
      if (rules == NULL)
        return FALSE;
      t = g_new0 (CrAnnualTraining, 1);
      t->group_id = g->group_id;
      t->group_name = g_strdup (g->label);
      if (cr_rules_has (rules, CR_RULE_TRAINING_THRESHOLD_PERCENT))
        t->threshold =
            cr_rules_get_value (rules, CR_RULE_TRAINING_THRESHOLD_PERCENT);
      g_ptr_array_add (annual->training, t);
      /* Without a threshold there is nothing to judge, and reading every
       * member's records costs a federation seconds: the count will do. */
      if (t->threshold == 0)
        {
          t->members = g->at_end;
          continue;
        }
      if (!cr_store_foreach_training_row (self, g->group_id, annual->to,
                                          count_training, t, error))
        return FALSE;
    }
  return TRUE;
}

static int
compare_actions (gconstpointer a, gconstpointer b)
{
  const CrAction *x = *(CrAction *const *) a;
  const CrAction *y = *(CrAction *const *) b;
  int             c = g_strcmp0 (x->meeting_date, y->meeting_date);

  if (c != 0)
    return c;
  return x->id < y->id ? -1 : x->id > y->id;
}

/**
 * cr_store_get_annual:
 * @from: the period's first day, ISO
 * @to: its last day, ISO, not before @from
 * @error: return location for a #CR_STORE_ERROR
 *
 * Reads every figure of the council pack for the period.
 *
 * Returns: (transfer full) (nullable): the figures; free with
 *   cr_annual_free()
 */
CrAnnual *
cr_store_get_annual (CrStore    *self,
                     const char *from,
                     const char *to,
                     GError    **error)
{
  g_autoptr (CrAnnual) annual = NULL;
  GDate    from_date, to_date;
  gboolean own_read, ok;
  sqlite3 *db;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (from == NULL || !cr_date_parse_iso (from, &from_date) || to == NULL ||
      !cr_date_parse_iso (to, &to_date))
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _ ("The period needs a first and a last day, written like "
                      "2026-01-01."));
      return NULL;
    }
  if (g_date_compare (&from_date, &to_date) > 0)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _ ("The period ends before it begins; give the earlier "
                      "date first."));
      return NULL;
    }

  annual = g_new0 (CrAnnual, 1);
  annual->association = g_strdup (cr_store_get_association_name (self));
  annual->from = cr_date_to_iso (&from_date);
  annual->to = cr_date_to_iso (&to_date);
  annual->association_group = cr_store_get_association_group (self);
  annual->officers_on = g_strdup (annual->to);
  annual->officers =
      g_ptr_array_new_with_free_func ((GDestroyNotify) officer_free);
  annual->agms = g_ptr_array_new_with_free_func (g_free);
  annual->tenures =
      g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);
  annual->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);
  annual->months = g_ptr_array_new_with_free_func ((GDestroyNotify) month_free);
  annual->meetings =
      g_ptr_array_new_with_free_func ((GDestroyNotify) meeting_free);
  annual->decisions =
      g_ptr_array_new_with_free_func ((GDestroyNotify) decision_free);
  annual->actions =
      g_ptr_array_new_with_free_func ((GDestroyNotify) cr_action_free);
  annual->categories =
      g_ptr_array_new_with_free_func ((GDestroyNotify) category_free);
  annual->grants = g_ptr_array_new_with_free_func ((GDestroyNotify) grant_free);
  annual->accounts =
      g_ptr_array_new_with_free_func ((GDestroyNotify) account_free);
  annual->training =
      g_ptr_array_new_with_free_func ((GDestroyNotify) training_free);

  /* One read transaction, so every figure comes from the same moment even
   * if the window saves an edit meanwhile; inside a caller's transaction
   * that one already does it. */
  db = _cr_store_get_db (self);
  own_read = sqlite3_get_autocommit (db) &&
             sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
  {
    /* Each step timed for G_MESSAGES_DEBUG=cr-store, to see where a
     * federation's year goes. */
    static const struct
    {
      const char *name;
      gboolean (*read) (CrStore *, CrAnnual *, GError **);
    } steps[] = {
      { "officers", read_officers }, { "terms", read_terms },
      { "agms", read_agms },         { "tenures", read_tenures },
      { "groups", read_groups },     { "months", read_months },
      { "meetings", read_meetings }, { "decisions", read_decisions },
      { "actions", read_actions },   { "money", read_money },
      { "training", read_training },
    };

    ok = TRUE;
    for (guint i = 0; ok && i < G_N_ELEMENTS (steps); i++)
      {
        gint64 start = g_get_monotonic_time ();

        ok = steps[i].read (self, annual, error);
        g_debug ("annual: %s in %.3f s", steps[i].name,
                 (g_get_monotonic_time () - start) / 1e6);
      }
  }
  if (own_read)
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (!ok)
    return NULL;

  g_ptr_array_sort (annual->actions, compare_actions);

  /* Groups with nothing in the period (ended before it, or not yet
   * begun) would only be rows of noughts. */
  for (guint i = annual->groups->len; i > 0; i--)
    {
      CrAnnualCount *c = g_ptr_array_index (annual->groups, i - 1);

      if (c->group_id != annual->association_group && c->at_start == 0 &&
          c->at_end == 0 && c->joined == 0 && c->left == 0 &&
          c->meetings_held == 0)
        g_ptr_array_remove_index (annual->groups, i - 1);
    }
  return g_steal_pointer (&annual);
}

/**
 * cr_annual_count_quorate:
 * @n_judged: (out) (optional): how many held meetings had attendance taken
 *
 * Returns: how many of the period's held meetings were quorate
 */
guint
cr_annual_count_quorate (const CrAnnual *annual, guint *n_judged)
{
  guint quorate = 0, judged = 0;

  g_return_val_if_fail (annual != NULL, 0);

  for (guint i = 0; i < annual->meetings->len; i++)
    {
      const CrAnnualMeeting *m = g_ptr_array_index (annual->meetings, i);

      if (m->quorate != CR_QUORATE_UNKNOWN)
        judged++;
      if (m->quorate == CR_QUORATE_YES)
        quorate++;
    }
  if (n_judged != NULL)
    *n_judged = judged;
  return quorate;
}

/**
 * cr_annual_months_between:
 * @earlier: an ISO date
 * @later: a later ISO date
 *
 * Returns: the whole months from @earlier to @later (10/10/2025 to
 *   09/10/2026 is 11, to 10/10/2026 is 12)
 */
guint
cr_annual_months_between (const char *earlier, const char *later)
{
  GDate a, b;
  int   months;

  if (!cr_date_parse_iso (earlier, &a) || !cr_date_parse_iso (later, &b) ||
      g_date_compare (&a, &b) > 0)
    return 0;
  months = (g_date_get_year (&b) - g_date_get_year (&a)) * 12 +
           (int) g_date_get_month (&b) - (int) g_date_get_month (&a);
  if (g_date_get_day (&b) < g_date_get_day (&a))
    months--;
  return (guint) MAX (months, 0);
}
