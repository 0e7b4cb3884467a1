/* cr-store-rules.c: terms of reference, their rules, and checking every
 * group's records against the rules in force
 *
 * A group's terms of reference are numbered versions: at most one draft,
 * being edited, and adopted ones, which are history and never change. The
 * rules in force on a date are those of the adopted version with the
 * latest adoption date on or before it (the higher number on the same
 * day). A group with no adopted terms has no rules but its quorum, which
 * is the groups.quorum column the meetings use (CR_QUORUM_DEFAULT while
 * that is empty). Every version the app makes says what its quorum is (the
 * group's at the time, unless changed), and adopting one writes its quorum
 * to the column, so that `meetings list` and `check` agree.
 *
 * Two ways to change a rule: cr_store_set_draft_rule() changes the draft
 * (made from the version in force today if there is none), for the window,
 * which adopts it when a meeting agrees; cr_store_set_rule_adopted() makes
 * a new version from the one in force, with the one rule changed, adopted
 * at once. The command line's `rules set` does the second, dated today: a
 * script has no meeting to wait for, and a draft someone is editing in the
 * window is left alone.
 *
 * cr_store_check() reads what the engine needs for every group in a few
 * set-based statements (groups, rules, memberships with names, offices,
 * sanctions, meetings, attendance, open actions), each streamed once and
 * shared out among the groups in C, and never a statement a person. The
 * attendance comes in the order of the meetings (group, date), which is
 * the order of its primary key under meetings_by_group, so nothing is
 * sorted; the engine buckets the marks by member.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-store-rules.h"

#include "cr-date.h"
#include "cr-meeting.h"
#include "cr-store-meetings.h"
#include "cr-store-money.h"
#include "cr-store-private.h"
#include "cr-store-privacy.h"
#include "cr-store-training.h"
#include "cr-store-workplan.h"

#include <glib/gi18n-lib.h>
#include <string.h>

void
cr_terms_version_free (CrTermsVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->adopted_on);
  g_free (version->created_on);
  g_free (version);
}

void
cr_terms_section_free (CrTermsSection *section)
{
  if (section == NULL)
    return;
  g_free (section->heading);
  g_free (section->text);
  g_free (section);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static gboolean
finish_read (CrStore      *self,
             sqlite3_stmt *stmt,
             int           rc,
             const char   *doing,
             GError      **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  _cr_store_set_error (self, error, rc, doing);
  return FALSE;
}

static gboolean
check_iso (const char  *date,
           GError     **error)
{
  GDate parsed;

  if (date != NULL && cr_date_parse_iso (date, &parsed))
    return TRUE;
  g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
               _("“%s” is not a date; write it like 2026-11-22."),
               date ? date : "");
  return FALSE;
}

/* ---- reading the rules ----------------------------------------------- */

static gboolean
group_quorum (CrStore  *self,
              gint64    group_id,
              char    **quorum,
              GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cr_store_prepare (self, "SELECT quorum FROM groups WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *quorum = g_strdup (column_text (stmt, 0) ? column_text (stmt, 0)
                                              : CR_QUORUM_DEFAULT);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                         _("That group is no longer in the file."));
  else
    _cr_store_set_error (self, error, rc, _("reading the rules"));
  return FALSE;
}

/* Starts @rules from a group's quorum column. */
static void
rules_from_quorum (CrRules    *rules,
                   const char *quorum)
{
  g_autoptr (GError) error = NULL;

  if (!cr_rules_set (rules, "quorum", quorum ? quorum : CR_QUORUM_DEFAULT,
                     &error))
    {
      g_warning ("A group’s stored quorum is not a rule: %s", error->message);
      cr_rules_set (rules, "quorum", CR_QUORUM_DEFAULT, NULL);
    }
}

/* Lays a version's stored rule over @rules. */
static void
apply_row (CrRules    *rules,
           const char *key,
           const char *value)
{
  g_autoptr (GError) error = NULL;

  if (!cr_rules_set (rules, key, value, &error))
    g_warning ("A stored rule can’t be read, and is left out: %s",
               error->message);
}

static gboolean
apply_version (CrStore  *self,
               CrRules  *rules,
               gint64    version_id,
               GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cr_store_prepare (self,
                            "SELECT key, value FROM terms_rules "
                            "WHERE version_id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    apply_row (rules, column_text (stmt, 0), column_text (stmt, 1));
  return finish_read (self, stmt, rc, _("reading the rules"), error);
}

/**
 * cr_store_get_terms_in_force:
 * @on_date: ISO date
 * @version_id: (out): the version in force, or 0 if none is
 *
 * Returns: %FALSE with @error set if the file couldn't be read
 */
gboolean
cr_store_get_terms_in_force (CrStore     *self,
                             gint64       group_id,
                             const char  *on_date,
                             gint64      *version_id,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (version_id != NULL, FALSE);

  *version_id = 0;
  if (!check_iso (on_date, error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "SELECT id FROM terms WHERE group_id = ?1 "
                            "AND status = 'adopted' AND adopted_on <= ?2 "
                            "ORDER BY adopted_on DESC, version DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_text (stmt, 2, on_date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *version_id = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  return finish_read (self, stmt, rc, _("reading the terms of reference"),
                      error);
}

static gboolean
version_group (CrStore        *self,
               gint64          version_id,
               gint64         *group_id,
               CrTermsStatus  *status,
               GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cr_store_prepare (self,
                            "SELECT group_id, status FROM terms WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *group_id = sqlite3_column_int64 (stmt, 0);
      *status = g_str_equal (column_text (stmt, 1), "adopted")
                  ? CR_TERMS_ADOPTED : CR_TERMS_DRAFT;
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                         _("That version of the terms of reference is no "
                           "longer in the file."));
  else
    _cr_store_set_error (self, error, rc, _("reading the terms of reference"));
  return FALSE;
}

/**
 * cr_store_get_version_rules:
 *
 * Returns: (transfer full) (nullable): the rules of one version (a draft's
 *   too), its group's quorum where the version doesn't say
 */
CrRules *
cr_store_get_version_rules (CrStore  *self,
                            gint64    version_id,
                            GError  **error)
{
  g_autoptr (CrRules) rules = cr_rules_new ();
  g_autofree char *quorum = NULL;
  CrTermsStatus status;
  gint64 group_id = 0;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  if (!version_group (self, version_id, &group_id, &status, error) ||
      !group_quorum (self, group_id, &quorum, error))
    return NULL;
  rules_from_quorum (rules, quorum);
  if (!apply_version (self, rules, version_id, error))
    return NULL;
  return g_steal_pointer (&rules);
}

/**
 * cr_store_get_rules:
 * @on_date: ISO date
 *
 * Returns: (transfer full) (nullable): the group's rules in force on
 *   @on_date: its adopted terms', or only its quorum if it has none
 */
CrRules *
cr_store_get_rules (CrStore     *self,
                    gint64       group_id,
                    const char  *on_date,
                    GError     **error)
{
  g_autoptr (CrRules) rules = cr_rules_new ();
  g_autofree char *quorum = NULL;
  gint64 version_id = 0;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  if (!group_quorum (self, group_id, &quorum, error) ||
      !cr_store_get_terms_in_force (self, group_id, on_date, &version_id,
                                    error))
    return NULL;
  rules_from_quorum (rules, quorum);
  if (version_id != 0 && !apply_version (self, rules, version_id, error))
    return NULL;
  return g_steal_pointer (&rules);
}

/**
 * cr_store_list_terms:
 *
 * Returns: (transfer full) (element-type CrTermsVersion): the group's
 *   versions, oldest first, the draft (if any) among them by its number
 */
GPtrArray *
cr_store_list_terms (CrStore  *self,
                     gint64    group_id,
                     GError  **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) cr_terms_version_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT id, group_id, version, status, adopted_on, "
                            "adopted_at_meeting, created_on FROM terms "
                            "WHERE group_id = ?1 ORDER BY version",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrTermsVersion *v = g_new0 (CrTermsVersion, 1);

      v->id = sqlite3_column_int64 (stmt, 0);
      v->group_id = sqlite3_column_int64 (stmt, 1);
      v->version = sqlite3_column_int (stmt, 2);
      v->status = g_str_equal (column_text (stmt, 3), "adopted")
                    ? CR_TERMS_ADOPTED : CR_TERMS_DRAFT;
      v->adopted_on = g_strdup (column_text (stmt, 4));
      v->adopted_at_meeting = sqlite3_column_int64 (stmt, 5);
      v->created_on = g_strdup (column_text (stmt, 6));
      g_ptr_array_add (list, v);
    }
  if (!finish_read (self, stmt, rc, _("reading the terms of reference"), error))
    return NULL;
  return g_steal_pointer (&list);
}

/* ---- writing --------------------------------------------------------- */

/* Every version the app makes says what its quorum is: the group's, if
 * the version it was copied from didn't, so that a later change of the
 * group's quorum never rewrites what an older version said. */
static gboolean
put_group_quorum (CrStore  *self,
                  gint64    version_id,
                  gint64    group_id,
                  GError  **error)
{
  g_autofree char *quorum = NULL;
  sqlite3_stmt *stmt;

  if (!group_quorum (self, group_id, &quorum, error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "INSERT OR IGNORE INTO terms_rules (version_id, "
                            "key, value) VALUES (?1, 'quorum', ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  sqlite3_bind_text (stmt, 2, quorum, -1, SQLITE_TRANSIENT);
  return _cr_store_step_done (self, stmt, error);
}

/* A new version of @group_id, a copy of @from's sections and rules (if
 * @from isn't 0), as a draft or adopted on @adopted_on. */
static gint64
new_version (CrStore     *self,
             gint64       group_id,
             gint64       from,
             const char  *adopted_on,
             GError     **error)
{
  g_autofree char *today = cr_date_today_iso ();
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = _cr_store_prepare (self,
                            "INSERT INTO terms (group_id, version, status, "
                            "adopted_on, created_on) SELECT ?1, "
                            "coalesce(max(version), 0) + 1, ?2, ?3, ?4 "
                            "FROM terms WHERE group_id = ?1",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_text (stmt, 2, adopted_on ? "adopted" : "draft", -1,
                     SQLITE_STATIC);
  if (adopted_on != NULL)
    sqlite3_bind_text (stmt, 3, adopted_on, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, today, -1, SQLITE_TRANSIENT);
  if (!_cr_store_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (_cr_store_get_db (self));
  if (from == 0)
    return put_group_quorum (self, id, group_id, error) ? id : 0;

  stmt = _cr_store_prepare (self,
                            "INSERT INTO terms_sections (version_id, position, "
                            "heading, text) SELECT ?2, position, heading, text "
                            "FROM terms_sections WHERE version_id = ?1",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!_cr_store_step_done (self, stmt, error))
    return 0;
  stmt = _cr_store_prepare (self,
                            "INSERT INTO terms_rules (version_id, key, value) "
                            "SELECT ?2, key, value FROM terms_rules "
                            "WHERE version_id = ?1",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!_cr_store_step_done (self, stmt, error) ||
      !put_group_quorum (self, id, group_id, error))
    return 0;
  return id;
}

static gboolean
find_draft (CrStore  *self,
            gint64    group_id,
            gint64   *draft,
            GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *draft = 0;
  stmt = _cr_store_prepare (self,
                            "SELECT id FROM terms WHERE group_id = ?1 "
                            "AND status = 'draft'",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *draft = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  return finish_read (self, stmt, rc, _("reading the terms of reference"),
                      error);
}

/**
 * cr_store_ensure_terms_draft:
 *
 * Returns: the group's draft terms of reference, made as a copy of the
 *   version in force today if it had none; 0 with @error set
 */
gint64
cr_store_ensure_terms_draft (CrStore  *self,
                             gint64    group_id,
                             GError  **error)
{
  g_autofree char *today = cr_date_today_iso ();
  g_autofree char *quorum = NULL;
  gint64 draft = 0, from = 0;

  g_return_val_if_fail (CR_IS_STORE (self), 0);

  if (!_cr_store_require_write (self, error) ||
      !group_quorum (self, group_id, &quorum, error) ||
      !find_draft (self, group_id, &draft, error))
    return 0;
  if (draft != 0)
    return draft;
  if (!cr_store_get_terms_in_force (self, group_id, today, &from, error) ||
      !cr_store_begin (self, error))
    return 0;
  draft = new_version (self, group_id, from, NULL, error);
  if (draft == 0 || !cr_store_commit (self, error))
    {
      cr_store_rollback (self);
      return 0;
    }
  return draft;
}

static gboolean
put_rule (CrStore     *self,
          gint64       version_id,
          const char  *key,
          const char  *value,
          GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _cr_store_prepare (self,
                            "INSERT INTO terms_rules (version_id, key, value) "
                            "VALUES (?1, ?2, ?3) ON CONFLICT (version_id, key) "
                            "DO UPDATE SET value = excluded.value",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, value, -1, SQLITE_TRANSIENT);
  return _cr_store_step_done (self, stmt, error);
}

/* Checks @key and @value, and gives them in their usual form. */
static gboolean
canonical_rule (const char  *key,
                const char  *value,
                const char **canonical_key,
                char       **canonical_value,
                GError     **error)
{
  g_autoptr (CrRules) rules = cr_rules_new ();
  CrRuleKey k;

  if (!cr_rules_set (rules, key, value, error))
    return FALSE;
  cr_rules_key_from_string (key, &k);
  *canonical_key = cr_rules_key_to_string (k);
  /* "none" stays "none", so that a version can switch off the quorum the
   * group had before it. */
  *canonical_value = cr_rules_get_string (rules, *canonical_key);
  return TRUE;
}

/* Writes the quorum of the version in force today to the group's column,
 * if it says what it is. */
static gboolean
sync_quorum (CrStore  *self,
             gint64    group_id,
             GError  **error)
{
  g_autofree char *today = cr_date_today_iso ();
  sqlite3_stmt *stmt;
  char *quorum = NULL;
  gint64 version_id = 0;
  gboolean ok;
  int rc;

  if (!cr_store_get_terms_in_force (self, group_id, today, &version_id, error))
    return FALSE;
  if (version_id == 0)
    return TRUE;
  stmt = _cr_store_prepare (self,
                            "SELECT value FROM terms_rules WHERE version_id = ?1 "
                            "AND key = 'quorum'",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      quorum = g_strdup (column_text (stmt, 0));
      rc = SQLITE_DONE;
    }
  if (!finish_read (self, stmt, rc, _("reading the rules"), error))
    return FALSE;
  if (quorum == NULL)
    return TRUE;
  /* The meetings read the column as a count or a share: tiers go there as
   * the count they give for the households. */
  if (g_str_has_prefix (quorum, "tiers"))
    {
      g_autoptr (CrRules) rules = cr_store_get_version_rules (self, version_id,
                                                              error);

      g_free (quorum);
      if (rules == NULL)
        return FALSE;
      quorum = cr_quorum_rule_to_string (&rules->quorum);
    }
  ok = cr_store_set_group_quorum (self, group_id, quorum, error);
  g_free (quorum);
  return ok;
}

/**
 * cr_store_set_draft_rule:
 * @key: a rule's key
 * @value: its value, or "none"
 *
 * Sets one rule of the group's draft terms of reference, making the draft
 * from the version in force today if there is none. Nothing changes in
 * what is checked until the draft is adopted.
 *
 * Returns: %FALSE with %CR_RULES_ERROR for a bad key or value, or a
 *   %CR_STORE_ERROR, and nothing changed
 */
gboolean
cr_store_set_draft_rule (CrStore     *self,
                         gint64       group_id,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  g_autofree char *canonical = NULL;
  const char *name = NULL;
  gint64 draft;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!canonical_rule (key, value, &name, &canonical, error) ||
      !_cr_store_require_write (self, error) ||
      !cr_store_begin (self, error))
    return FALSE;
  draft = cr_store_ensure_terms_draft (self, group_id, error);
  if (draft == 0 || !put_rule (self, draft, name, canonical, error) ||
      !cr_store_commit (self, error))
    {
      cr_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_store_adopt_terms:
 * @adopted_on: ISO date the terms take effect
 * @meeting_id: the meeting that adopted them, or 0
 *
 * Adopts the group's draft terms of reference.
 *
 * Returns: %FALSE with %CR_STORE_ERROR_NOT_FOUND if there is no draft
 */
gboolean
cr_store_adopt_terms (CrStore     *self,
                      gint64       group_id,
                      const char  *adopted_on,
                      gint64       meeting_id,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 draft = 0;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!check_iso (adopted_on, error) ||
      !_cr_store_require_write (self, error) ||
      !find_draft (self, group_id, &draft, error))
    return FALSE;
  if (draft == 0)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                           _("This group has no draft terms of reference to "
                             "adopt."));
      return FALSE;
    }
  if (!cr_store_begin (self, error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "UPDATE terms SET status = 'adopted', "
                            "adopted_on = ?2, adopted_at_meeting = ?3 "
                            "WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, draft);
  sqlite3_bind_text (stmt, 2, adopted_on, -1, SQLITE_TRANSIENT);
  if (meeting_id > 0)
    sqlite3_bind_int64 (stmt, 3, meeting_id);
  else
    sqlite3_bind_null (stmt, 3);
  if (!_cr_store_step_done (self, stmt, error) ||
      !sync_quorum (self, group_id, error) ||
      !cr_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  cr_store_rollback (self);
  return FALSE;
}

/**
 * cr_store_set_rule_adopted:
 * @key: a rule's key
 * @value: its value, or "none"
 * @adopted_on: ISO date the change takes effect
 *
 * Changes one rule at once: a new version of the group's terms of
 * reference, a copy of the one in force on @adopted_on with @key set to
 * @value, adopted on @adopted_on. Any draft is left as it is.
 *
 * Returns: %FALSE with %CR_RULES_ERROR for a bad key or value, or a
 *   %CR_STORE_ERROR, and nothing changed
 */
gboolean
cr_store_set_rule_adopted (CrStore     *self,
                           gint64       group_id,
                           const char  *key,
                           const char  *value,
                           const char  *adopted_on,
                           GError     **error)
{
  g_autofree char *canonical = NULL;
  g_autofree char *quorum = NULL;
  const char *name = NULL;
  gint64 from = 0, id;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!canonical_rule (key, value, &name, &canonical, error) ||
      !check_iso (adopted_on, error) ||
      !_cr_store_require_write (self, error) ||
      !group_quorum (self, group_id, &quorum, error) ||
      !cr_store_get_terms_in_force (self, group_id, adopted_on, &from, error) ||
      !cr_store_begin (self, error))
    return FALSE;
  id = new_version (self, group_id, from, adopted_on, error);
  if (id == 0 || !put_rule (self, id, name, canonical, error) ||
      !sync_quorum (self, group_id, error) ||
      !cr_store_commit (self, error))
    {
      cr_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_store_start_terms:
 * @template_: the shape to start from
 * @adopted_on: ISO date the terms are adopted on
 *
 * Gives a group with no terms of reference its first version: the
 * template's rules and sections (translated), adopted on @adopted_on.
 *
 * Returns: %FALSE with @error, and nothing changed
 */
gboolean
cr_store_start_terms (CrStore           *self,
                      gint64             group_id,
                      const CrTemplate  *template_,
                      const char        *adopted_on,
                      GError           **error)
{
  g_autoptr (GPtrArray) sections = NULL;
  gint64 version_id;
  guint n;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (template_ != NULL, FALSE);

  if (!check_iso (adopted_on, error) || !cr_store_begin (self, error))
    return FALSE;
  /* Made as a draft, since only a draft's sections can be written, and
   * adopted at once. */
  version_id = new_version (self, group_id, 0, NULL, error);
  if (version_id == 0)
    goto fail;
  n = cr_template_n_rules (template_);
  for (guint i = 0; i < n; i++)
    {
      const char *key = NULL;
      g_autofree char *value = NULL;

      if (!canonical_rule (template_->rules[i].key, template_->rules[i].value,
                           &key, &value, error) ||
          !put_rule (self, version_id, key, value, error))
        goto fail;
    }
  sections = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_terms_section_free);
  n = cr_template_n_sections (template_);
  for (guint i = 0; i < n; i++)
    {
      CrTermsSection *section = g_new0 (CrTermsSection, 1);

      section->position = i + 1;
      section->heading = g_strdup (g_dgettext (GETTEXT_PACKAGE,
                                               template_->sections[i].heading));
      section->text = g_strdup (g_dgettext (GETTEXT_PACKAGE,
                                            template_->sections[i].text));
      g_ptr_array_add (sections, section);
    }
  if (!cr_store_set_terms_sections (self, version_id, sections, error) ||
      !cr_store_adopt_terms (self, group_id, adopted_on, 0, error) ||
      !cr_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  cr_store_rollback (self);
  return FALSE;
}

/**
 * cr_store_get_terms_sections:
 *
 * Returns: (transfer full) (element-type CrTermsSection): the version's
 *   sections in order
 */
GPtrArray *
cr_store_get_terms_sections (CrStore  *self,
                             gint64    version_id,
                             GError  **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) cr_terms_section_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            "SELECT position, heading, text FROM terms_sections "
                            "WHERE version_id = ?1 ORDER BY position",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, version_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrTermsSection *s = g_new0 (CrTermsSection, 1);

      s->position = sqlite3_column_int (stmt, 0);
      s->heading = g_strdup (column_text (stmt, 1));
      s->text = g_strdup (column_text (stmt, 2));
      g_ptr_array_add (list, s);
    }
  if (!finish_read (self, stmt, rc, _("reading the terms of reference"), error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * cr_store_set_terms_sections:
 * @sections: (element-type CrTermsSection): the sections in order; their
 *   positions are ignored
 *
 * Replaces a draft's sections. An adopted version is never changed
 * (%CR_STORE_ERROR_INVALID).
 */
gboolean
cr_store_set_terms_sections (CrStore    *self,
                             gint64      version_id,
                             GPtrArray  *sections,
                             GError    **error)
{
  sqlite3_stmt *stmt;
  CrTermsStatus status;
  gint64 group_id;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (sections != NULL, FALSE);

  if (!_cr_store_require_write (self, error) ||
      !version_group (self, version_id, &group_id, &status, error))
    return FALSE;
  if (status == CR_TERMS_ADOPTED)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _("Adopted terms of reference are kept as they "
                             "were agreed; change the draft instead."));
      return FALSE;
    }
  for (guint i = 0; i < sections->len; i++)
    {
      CrTermsSection *s = g_ptr_array_index (sections, i);
      g_autofree char *heading = g_strstrip (g_strdup (s->heading ? s->heading : ""));

      if (*heading == '\0')
        {
          g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                               _("Every section of the terms of reference "
                                 "needs a heading."));
          return FALSE;
        }
    }

  if (!cr_store_begin (self, error))
    return FALSE;
  stmt = _cr_store_prepare (self,
                            "DELETE FROM terms_sections WHERE version_id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, version_id);
  if (!_cr_store_step_done (self, stmt, error))
    goto fail;
  for (guint i = 0; i < sections->len; i++)
    {
      CrTermsSection *s = g_ptr_array_index (sections, i);

      stmt = _cr_store_prepare (self,
                                "INSERT INTO terms_sections (version_id, "
                                "position, heading, text) "
                                "VALUES (?1, ?2, trim(?3), ?4)",
                                error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, version_id);
      sqlite3_bind_int (stmt, 2, i + 1);
      sqlite3_bind_text (stmt, 3, s->heading, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, s->text ? s->text : "", -1, SQLITE_TRANSIENT);
      if (!_cr_store_step_done (self, stmt, error))
        goto fail;
    }
  if (!cr_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  cr_store_rollback (self);
  return FALSE;
}

/* ---- check ----------------------------------------------------------- */

/* Person id to member index, for one group: open addressing, as a million
 * marks look a member up each. */
typedef struct
{
  gint64 *keys;   /* 0: empty */
  guint  *values;
  guint   mask;
  guint   n;
} IdMap;

static void
id_map_init (IdMap *map)
{
  map->mask = 15;
  map->n = 0;
  map->keys = g_new0 (gint64, map->mask + 1);
  map->values = g_new (guint, map->mask + 1);
}

static void
id_map_clear (IdMap *map)
{
  g_clear_pointer (&map->keys, g_free);
  g_clear_pointer (&map->values, g_free);
}

static guint
id_slot (const IdMap *map,
         gint64       key)
{
  guint64 h = (guint64) key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  guint i = (guint) (h >> 32) & map->mask;

  while (map->keys[i] != 0 && map->keys[i] != key)
    i = (i + 1) & map->mask;
  return i;
}

static gboolean
id_map_lookup (const IdMap *map,
               gint64       key,
               guint       *value)
{
  guint i = id_slot (map, key);

  if (map->keys[i] == 0)
    return FALSE;
  *value = map->values[i];
  return TRUE;
}

static void
id_map_insert (IdMap  *map,
               gint64  key,
               guint   value)
{
  guint i;

  if ((map->n + 1) * 2 > map->mask + 1)
    {
      IdMap bigger = { NULL, NULL, map->mask * 2 + 1, 0 };

      bigger.keys = g_new0 (gint64, bigger.mask + 1);
      bigger.values = g_new (guint, bigger.mask + 1);
      for (guint j = 0; j <= map->mask; j++)
        if (map->keys[j] != 0)
          {
            guint k = id_slot (&bigger, map->keys[j]);

            bigger.keys[k] = map->keys[j];
            bigger.values[k] = map->values[j];
            bigger.n++;
          }
      id_map_clear (map);
      *map = bigger;
    }
  i = id_slot (map, key);
  if (map->keys[i] == 0)
    map->n++;
  map->keys[i] = key;
  map->values[i] = value;
}

typedef struct
{
  gint64        id;
  gint64        association;  /* the association's own group */
  CrRules      *rules;
  CrCheckInput *input;
  IdMap         members;
  IdMap         meetings;     /* meeting id to its index */
  guint         cursor;       /* the meeting the attendance has reached */
  GPtrArray    *history;      /* of Version, adopted in order */
} GroupCheck;

/* One adopted version of a group's terms, for judging each meeting by the
 * rules in force on its date. */
typedef struct
{
  char    *adopted_on;
  gint64   id;
  CrRules *rules;
} Version;

static void
version_free (gpointer data)
{
  Version *v = data;

  g_free (v->adopted_on);
  cr_rules_free (v->rules);
  g_free (v);
}

static void
group_check_free (gpointer data)
{
  GroupCheck *g = data;

  cr_rules_free (g->rules);
  cr_check_input_free (g->input);
  id_map_clear (&g->members);
  id_map_clear (&g->meetings);
  g_clear_pointer (&g->history, g_ptr_array_unref);
  g_free (g);
}

typedef struct
{
  CrStore    *store;
  const char *on_date;
  gint64      only;        /* one group, or 0 */
  GHashTable *quorums;     /* group id → its quorum column, for history */
  GPtrArray  *groups;      /* of GroupCheck, in the order to report */
  GHashTable *by_id;       /* gint64 * → GroupCheck */
} Gather;

static GroupCheck *
find_group (Gather *g,
            gint64  id)
{
  return g_hash_table_lookup (g->by_id, &id);
}

static char *
spoken_name (const char *given,
             const char *family)
{
  if (given == NULL || *given == '\0')
    return g_strdup (family ? family : "");
  if (family == NULL || *family == '\0')
    return g_strdup (given);
  return g_strdup_printf ("%s %s", given, family);
}

/* The group's member index for @person_id, added with @given and @family
 * if they are new to it. */
static guint
member_index (GroupCheck *group,
              gint64      person_id,
              const char *given,
              const char *family)
{
  g_autofree char *name = NULL;
  guint m;

  if (id_map_lookup (&group->members, person_id, &m))
    return m;
  name = spoken_name (given, family);
  m = cr_check_input_add_member (group->input, person_id, name);
  id_map_insert (&group->members, person_id, m);
  return m;
}

/* Binds ?2 to the one group if there is one: each statement comes in two
 * forms, so that the all-groups one needs no OR that would hide an index. */
static sqlite3_stmt *
prepare_either (Gather      *g,
                const char  *all,
                const char  *one,
                GError     **error)
{
  sqlite3_stmt *stmt = _cr_store_prepare (g->store, g->only ? one : all, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, g->on_date, -1, SQLITE_TRANSIENT);
  if (g->only)
    sqlite3_bind_int64 (stmt, 2, g->only);
  return stmt;
}

static gboolean
gather_groups (Gather  *g,
               GError **error)
{
  gint64 association = cr_store_get_association_group (g->store);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_either (g,
                         "SELECT id, name, quorum FROM groups "
                         "WHERE end_date IS NULL OR end_date >= ?1 "
                         "ORDER BY kind <> 'association', name COLLATE NOCASE",
                         "SELECT id, name, quorum FROM groups WHERE id = ?2",
                         error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GroupCheck *group = g_new0 (GroupCheck, 1);

      group->id = sqlite3_column_int64 (stmt, 0);
      group->association = association;
      group->input = cr_check_input_new (group->id, column_text (stmt, 1));
      group->rules = cr_rules_new ();
      rules_from_quorum (group->rules, column_text (stmt, 2));
      id_map_init (&group->members);
      id_map_init (&group->meetings);
      group->history = g_ptr_array_new_with_free_func (version_free);
      g_hash_table_insert (g->quorums, g_memdup2 (&group->id, sizeof (gint64)),
                           g_strdup (column_text (stmt, 2)));
      g_ptr_array_add (g->groups, group);
      g_hash_table_insert (g->by_id, &group->id, group);
    }
  if (!finish_read (g->store, stmt, rc, _("reading the groups"), error))
    return FALSE;
  if (g->only && g->groups->len == 0)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                           _("That group is no longer in the file."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
gather_rules (Gather  *g,
              GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_either (g,
                         "SELECT t.group_id, r.key, r.value FROM terms t "
                         "JOIN terms_rules r ON r.version_id = t.id "
                         "WHERE t.id = (SELECT f.id FROM terms f "
                         "WHERE f.group_id = t.group_id "
                         "AND f.status = 'adopted' AND f.adopted_on <= ?1 "
                         "ORDER BY f.adopted_on DESC, f.version DESC LIMIT 1)",
                         "SELECT t.group_id, r.key, r.value FROM terms t "
                         "JOIN terms_rules r ON r.version_id = t.id "
                         "WHERE t.id = (SELECT f.id FROM terms f "
                         "WHERE f.group_id = ?2 "
                         "AND f.status = 'adopted' AND f.adopted_on <= ?1 "
                         "ORDER BY f.adopted_on DESC, f.version DESC LIMIT 1)",
                         error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GroupCheck *group = find_group (g, sqlite3_column_int64 (stmt, 0));

      if (group != NULL)
        apply_row (group->rules, column_text (stmt, 1), column_text (stmt, 2));
    }
  return finish_read (g->store, stmt, rc, _("reading the rules"), error);
}

static gboolean
gather_memberships (Gather  *g,
                    GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_either (g,
                         "SELECT ms.group_id, ms.person_id, ms.kind, "
                         "ms.start_date, ms.end_date, p.given_name, "
                         "p.family_name FROM memberships ms "
                         "JOIN people p ON p.id = ms.person_id "
                         "WHERE ms.start_date <= ?1",
                         "SELECT ms.group_id, ms.person_id, ms.kind, "
                         "ms.start_date, ms.end_date, p.given_name, "
                         "p.family_name FROM memberships ms "
                         "JOIN people p ON p.id = ms.person_id "
                         "WHERE ms.group_id = ?2 AND ms.start_date <= ?1",
                         error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GroupCheck *group = find_group (g, sqlite3_column_int64 (stmt, 0));
      const char *kind = column_text (stmt, 2);
      guint m;

      if (group == NULL)
        continue;
      m = member_index (group, sqlite3_column_int64 (stmt, 1),
                        column_text (stmt, 5), column_text (stmt, 6));
      cr_check_input_add_membership (group->input, m,
                                     kind != NULL && g_str_equal (kind, "voting"),
                                     column_text (stmt, 3),
                                     column_text (stmt, 4));
    }
  return finish_read (g->store, stmt, rc, _("reading the memberships"), error);
}

static gboolean
gather_offices (Gather  *g,
                GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_either (g,
                         "SELECT o.group_id, o.person_id, o.role, "
                         "o.start_date, o.end_date, p.given_name, "
                         "p.family_name FROM offices o "
                         "JOIN people p ON p.id = o.person_id "
                         "WHERE o.start_date <= ?1",
                         "SELECT o.group_id, o.person_id, o.role, "
                         "o.start_date, o.end_date, p.given_name, "
                         "p.family_name FROM offices o "
                         "JOIN people p ON p.id = o.person_id "
                         "WHERE o.group_id = ?2 AND o.start_date <= ?1",
                         error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GroupCheck *group = find_group (g, sqlite3_column_int64 (stmt, 0));
      guint m;

      if (group == NULL)
        continue;
      m = member_index (group, sqlite3_column_int64 (stmt, 1),
                        column_text (stmt, 5), column_text (stmt, 6));
      cr_check_input_add_office (group->input, m, column_text (stmt, 2),
                                 column_text (stmt, 3), column_text (stmt, 4));
    }
  return finish_read (g->store, stmt, rc, _("reading the offices"), error);
}

/* Suspensions and exclusions, as cr-store-meetings.c counts them: of the
 * group, or of the association (or with no group) and so of every group. */
static gboolean
gather_bars (Gather  *g,
             GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cr_store_prepare (g->store,
                            "SELECT person_id, group_id, start_date, end_date "
                            "FROM conduct WHERE (kind = 'suspension' "
                            "OR kind = 'exclusion') AND start_date <= ?1 "
                            "AND appeal_outcome IS NOT 'overturned'",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, g->on_date, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 person = sqlite3_column_int64 (stmt, 0);
      gint64 group_id = sqlite3_column_int64 (stmt, 1);

      for (guint i = 0; i < g->groups->len; i++)
        {
          GroupCheck *group = g_ptr_array_index (g->groups, i);
          guint m;

          if ((group_id == 0 || group_id == group->id ||
               group_id == group->association) &&
              id_map_lookup (&group->members, person, &m))
            cr_check_input_add_bar (group->input, m, column_text (stmt, 2),
                                    column_text (stmt, 3));
        }
    }
  return finish_read (g->store, stmt, rc, _("reading the sanctions"), error);
}

static gboolean
gather_meetings (Gather  *g,
                 GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_either (g,
                         "SELECT id, group_id, date, kind, status, "
                         "papers_sent_on, minutes_circulated_on "
                         "FROM meetings ORDER BY group_id, date, id",
                         "SELECT id, group_id, date, kind, status, "
                         "papers_sent_on, minutes_circulated_on "
                         "FROM meetings WHERE group_id = ?2 "
                         "ORDER BY group_id, date, id",
                         error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GroupCheck *group = find_group (g, sqlite3_column_int64 (stmt, 1));
      CrMeetingKind kind = CR_MEETING_KIND_ORDINARY;
      CrMeetingStatus status = CR_MEETING_STATUS_PLANNED;

      if (group == NULL)
        continue;
      cr_meeting_kind_from_string (column_text (stmt, 3), &kind);
      cr_meeting_status_from_string (column_text (stmt, 4), &status);
      id_map_insert (&group->meetings, sqlite3_column_int64 (stmt, 0),
                     cr_check_input_add_meeting (group->input,
                                                 sqlite3_column_int64 (stmt, 0),
                                                 column_text (stmt, 2), kind,
                                                 status, column_text (stmt, 5),
                                                 column_text (stmt, 6)));
    }
  return finish_read (g->store, stmt, rc, _("reading the meetings"), error);
}

/* Every adopted version's rules, so that each meeting is judged by the
 * version in force on its date rather than today's. */
static gboolean
gather_history (Gather  *g,
                GError **error)
{
  sqlite3_stmt *stmt;
  Version *version = NULL;
  int rc;

  stmt = prepare_either (g,
                         "SELECT t.group_id, t.id, t.adopted_on, r.key, r.value "
                         "FROM terms t JOIN terms_rules r ON r.version_id = t.id "
                         "WHERE t.status = 'adopted' AND ?1 IS NOT NULL "
                         "ORDER BY t.group_id, t.adopted_on, t.version",
                         "SELECT t.group_id, t.id, t.adopted_on, r.key, r.value "
                         "FROM terms t JOIN terms_rules r ON r.version_id = t.id "
                         "WHERE t.status = 'adopted' AND t.group_id = ?2 "
                         "AND ?1 IS NOT NULL "
                         "ORDER BY t.group_id, t.adopted_on, t.version",
                         error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 group_id = sqlite3_column_int64 (stmt, 0);
      GroupCheck *group = find_group (g, group_id);
      gint64 id = sqlite3_column_int64 (stmt, 1);

      if (group == NULL)
        continue;
      if (version == NULL || version->id != id)
        {
          version = g_new0 (Version, 1);
          version->id = id;
          version->adopted_on = g_strdup (column_text (stmt, 2));
          version->rules = cr_rules_new ();
          rules_from_quorum (version->rules,
                             g_hash_table_lookup (g->quorums, &group_id));
          g_ptr_array_add (group->history, version);
        }
      apply_row (version->rules, column_text (stmt, 3), column_text (stmt, 4));
    }
  if (!finish_read (g->store, stmt, rc, _("reading the rules"), error))
    return FALSE;

  /* Meetings and versions both come in date order: one walk a group. */
  for (guint i = 0; i < g->groups->len; i++)
    {
      GroupCheck *group = g_ptr_array_index (g->groups, i);
      GArray *meetings = group->input->meetings;
      guint v = 0;

      if (group->history->len == 0)
        continue;
      for (guint m = 0; m < meetings->len; m++)
        {
          const char *date = g_array_index (meetings, CrCheckMeeting, m).date;

          while (v < group->history->len &&
                 strcmp (((Version *) g_ptr_array_index (group->history, v))->adopted_on,
                         date) <= 0)
            v++;
          if (v > 0)
            cr_check_input_set_meeting_rules (group->input, m,
                                              ((Version *) g_ptr_array_index (group->history, v - 1))->rules);
        }
    }
  return TRUE;
}

/* Agenda items with the date they were proposed, for meetings of the last
 * 12 months and those to come. */
static gboolean
gather_agenda (Gather  *g,
               GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_either (g,
                         "SELECT m.group_id, i.meeting_id, i.title, i.proposed_on "
                         "FROM meetings m JOIN agenda_items i "
                         "ON i.meeting_id = m.id "
                         "WHERE m.date > date(?1, '-12 months') "
                         "AND i.proposed_on IS NOT NULL",
                         "SELECT m.group_id, i.meeting_id, i.title, i.proposed_on "
                         "FROM meetings m JOIN agenda_items i "
                         "ON i.meeting_id = m.id "
                         "WHERE m.group_id = ?2 AND m.date > date(?1, '-12 months') "
                         "AND i.proposed_on IS NOT NULL",
                         error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GroupCheck *group = find_group (g, sqlite3_column_int64 (stmt, 0));
      guint m;

      if (group != NULL &&
          id_map_lookup (&group->meetings, sqlite3_column_int64 (stmt, 1), &m))
        cr_check_input_add_agenda_item (group->input, m, column_text (stmt, 2),
                                        column_text (stmt, 3));
    }
  return finish_read (g->store, stmt, rc, _("reading the agendas"), error);
}

static CrAttendanceMark
mark_of (const char *word)
{
  /* 'present', 'apologies', 'absent': the CHECK allows nothing else. */
  if (word == NULL)
    return CR_ATTENDANCE_NONE;
  if (word[0] == 'p')
    return CR_ATTENDANCE_PRESENT;
  if (word[1] == 'p')
    return CR_ATTENDANCE_APOLOGIES;
  return CR_ATTENDANCE_ABSENT;
}

static CrAttendeeRole
role_of (const char *word)
{
  if (word == NULL || word[0] == 'm')
    return CR_ATTENDEE_MEMBER;
  return word[0] == 'g' ? CR_ATTENDEE_GUEST : CR_ATTENDEE_OFFICER;
}

/* The marks come in the meetings' own order, so each group's meeting is
 * found by moving its cursor forward. */
static gboolean
gather_marks (Gather  *g,
              GError **error)
{
  sqlite3_stmt *stmt;
  GroupCheck *group = NULL;
  gint64 group_id = 0;
  int rc;

  stmt = prepare_either (g,
                         "SELECT m.group_id, a.meeting_id, a.person_id, "
                         "a.mark, a.role FROM meetings m "
                         "JOIN attendance a ON a.meeting_id = m.id "
                         "ORDER BY m.group_id, m.date, m.id",
                         "SELECT m.group_id, a.meeting_id, a.person_id, "
                         "a.mark, a.role FROM meetings m "
                         "JOIN attendance a ON a.meeting_id = m.id "
                         "WHERE m.group_id = ?2 "
                         "ORDER BY m.group_id, m.date, m.id",
                         error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 meeting_id = sqlite3_column_int64 (stmt, 1);
      GArray *meetings;
      CrCheckMeeting *meeting;
      guint m;

      if (group == NULL || id != group_id)
        {
          group_id = id;
          group = find_group (g, id);
        }
      if (group == NULL)
        continue;
      meetings = group->input->meetings;
      while (group->cursor < meetings->len &&
             g_array_index (meetings, CrCheckMeeting, group->cursor).id != meeting_id)
        group->cursor++;
      if (group->cursor == meetings->len)
        {
          /* Can't happen with the two statements in one order; start
           * again rather than lose the mark. */
          g_warning ("Attendance for meeting %" G_GINT64_FORMAT " came out "
                     "of order", meeting_id);
          group->cursor = 0;
          continue;
        }
      meeting = &g_array_index (meetings, CrCheckMeeting, group->cursor);
      meeting->marked = TRUE;
      if (!id_map_lookup (&group->members, sqlite3_column_int64 (stmt, 2), &m))
        continue;  /* a guest, or an officer of the council */
      cr_check_input_add_mark (group->input, m, group->cursor,
                               mark_of (column_text (stmt, 3)),
                               role_of (column_text (stmt, 4)));
    }
  return finish_read (g->store, stmt, rc, _("reading the attendance"), error);
}

static gboolean
gather_actions (Gather  *g,
                GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_either (g,
                         "SELECT a.id, m.group_id, a.description, "
                         "coalesce(trim(p.given_name || ' ' || p.family_name), "
                         "a.owner_text), a.due_date, m.date "
                         "FROM actions a JOIN meetings m ON m.id = a.meeting_id "
                         "LEFT JOIN people p ON p.id = a.owner_person_id "
                         "WHERE (a.status = 'open' OR a.status = 'in-progress') "
                         "AND a.due_date < ?1 ORDER BY a.due_date, a.id",
                         "SELECT a.id, m.group_id, a.description, "
                         "coalesce(trim(p.given_name || ' ' || p.family_name), "
                         "a.owner_text), a.due_date, m.date "
                         "FROM actions a JOIN meetings m ON m.id = a.meeting_id "
                         "LEFT JOIN people p ON p.id = a.owner_person_id "
                         "WHERE (a.status = 'open' OR a.status = 'in-progress') "
                         "AND a.due_date < ?1 AND m.group_id = ?2 "
                         "ORDER BY a.due_date, a.id",
                         error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GroupCheck *group = find_group (g, sqlite3_column_int64 (stmt, 1));

      if (group != NULL)
        cr_check_input_add_action (group->input, sqlite3_column_int64 (stmt, 0),
                                   column_text (stmt, 2), column_text (stmt, 3),
                                   column_text (stmt, 4), column_text (stmt, 5));
    }
  return finish_read (g->store, stmt, rc, _("reading the actions"), error);
}

static int
compare_by_group (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const CrAttentionItem *x = *(CrAttentionItem *const *) a;
  const CrAttentionItem *y = *(CrAttentionItem *const *) b;
  GHashTable *rank = user_data;
  guint rx = GPOINTER_TO_UINT (g_hash_table_lookup (rank, &x->group_id));
  guint ry = GPOINTER_TO_UINT (g_hash_table_lookup (rank, &y->group_id));

  /* A group the engine didn't read (0 ranks as unknown) goes last. */
  if (rx != ry)
    return (rx == 0 ? G_MAXUINT : rx) < (ry == 0 ? G_MAXUINT : ry) ? -1 : 1;
  return g_strcmp0 (x->date, y->date);
}

/* The engine reports group by group; the other record books append their
 * items after it. One stable sort puts every group's items together, in
 * the groups' order and by date, keeping each book's order among equals. */
static void
sort_by_group (GPtrArray *items,
               GPtrArray *groups)
{
  g_autoptr (GHashTable) rank = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < groups->len; i++)
    {
      GroupCheck *group = g_ptr_array_index (groups, i);

      g_hash_table_insert (rank, &group->id, GUINT_TO_POINTER (i + 1));
    }
  /* g_ptr_array_sort_with_data() is a merge sort: stable. */
  g_ptr_array_sort_with_data (items, compare_by_group, rank);
}

/**
 * cr_store_check:
 * @group_id: a group, or 0 for every group (those that ended before
 *   @on_date are left out)
 * @on_date: ISO date to check on
 *
 * Checks each group's records against its rules in force on @on_date
 * (see cr_rules_check()).
 *
 * Returns: (transfer full) (element-type CrAttentionItem): what needs
 *   attention, group by group (the association first, then by name), each
 *   group's by date; %NULL with @error set
 */
GPtrArray *
cr_store_check (CrStore     *self,
                gint64       group_id,
                const char  *on_date,
                GError     **error)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func (group_check_free);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) quorums = g_hash_table_new_full (g_int64_hash,
                                                          g_int64_equal,
                                                          g_free, g_free);
  Gather g = { self, on_date, group_id, quorums, groups, by_id };
  sqlite3 *db;
  gboolean own, ok;
  gint64 start, read;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  if (!check_iso (on_date, error))
    return NULL;
  start = g_get_monotonic_time ();

  /* One read transaction (unless the caller has one), so that every
   * statement sees the same file; a reader may run beside the window. */
  db = _cr_store_get_db (self);
  own = db != NULL && sqlite3_get_autocommit (db);
  if (own)
    {
      int rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        {
          _cr_store_set_error (self, error, rc, _("reading the file"));
          return NULL;
        }
    }
  ok = gather_groups (&g, error) &&
       gather_rules (&g, error) &&
       gather_memberships (&g, error) &&
       gather_offices (&g, error) &&
       gather_bars (&g, error) &&
       gather_meetings (&g, error) &&
       gather_history (&g, error) &&
       gather_agenda (&g, error) &&
       gather_marks (&g, error) &&
       gather_actions (&g, error);
  if (own)
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (!ok)
    return NULL;
  read = g_get_monotonic_time ();

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_attention_item_free);
  for (guint i = 0; i < groups->len; i++)
    {
      GroupCheck *group = g_ptr_array_index (groups, i);
      g_autoptr (GPtrArray) found = cr_rules_check (group->rules, group->input,
                                                    on_date);

      for (guint j = 0; j < found->len; j++)
        g_ptr_array_add (items, g_steal_pointer (&g_ptr_array_index (found, j)));
      g_ptr_array_set_free_func (found, NULL);
    }
  if (!cr_store_check_workplan (self, group_id, on_date, items, error))
    return NULL;
  if (!cr_store_check_training (self, group_id, on_date, items, error))
    return NULL;
  if (!cr_store_check_money (self, group_id, on_date, items, error))
    return NULL;
  if (!cr_store_check_privacy (self, group_id, on_date, items, error))
    return NULL;
  sort_by_group (items, groups);
  g_debug ("check: %u groups read in %.3f s, checked in %.3f s, %u items",
           groups->len, (read - start) / (double) G_USEC_PER_SEC,
           (g_get_monotonic_time () - read) / (double) G_USEC_PER_SEC,
           items->len);
  return g_steal_pointer (&items);
}
