/* cr-store-groups.c: creating and editing the association's groups
 *
 * A group is the association itself or one of its committees, panels,
 * working groups, sub-groups and focus groups, each under a parent (the
 * association unless said otherwise), with a purpose and, for a group set
 * up "for a fixed period", an end date. A new group may start from a
 * template (cr-templates.c): its first terms of reference are then the
 * template's rules and sections, adopted on the day the group is set up,
 * so that its rules are checked from the start; the secretary edits them
 * as a new draft like any others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-store-groups.h"

#include "cr-date.h"
#include "cr-store-private.h"
#include "cr-store-rules.h"
#include "cr-templates.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const char *const kinds[] = {
  "association", "committee",   "sub-group", "working-group",
  "panel",       "focus-group", NULL,
};

static const char *const kind_labels[] = {
  N_ ("Association"),   N_ ("Committee"), N_ ("Sub-group"),
  N_ ("Working group"), N_ ("Panel"),     N_ ("Focus group"),
};

void
cr_group_info_free (CrGroupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->kind);
  g_free (info->parent_name);
  g_free (info->purpose);
  g_free (info->end_date);
  g_free (info);
}

/**
 * cr_group_kinds:
 *
 * Returns: (transfer none): the kinds a group can be, as the file writes
 *   them, %NULL-terminated
 */
const char *const *
cr_group_kinds (void)
{
  return kinds;
}

/**
 * cr_group_kind_get_label:
 *
 * Returns: (transfer none): the kind in words, translated
 */
const char *
cr_group_kind_get_label (const char *kind)
{
  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_strcmp0 (kinds[i], kind) == 0)
      return _ (kind_labels[i]);
  return kind ? kind : "";
}

static char *
dup_column (sqlite3_stmt *stmt, int col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

static gpointer
info_from_row (sqlite3_stmt *stmt, gpointer user_data)
{
  CrGroupInfo *info = g_new0 (CrGroupInfo, 1);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->name = dup_column (stmt, 1);
  info->kind = dup_column (stmt, 2);
  info->parent_id = sqlite3_column_int64 (stmt, 3);
  info->parent_name = dup_column (stmt, 4);
  info->purpose = dup_column (stmt, 5);
  info->end_date = dup_column (stmt, 6);
  return info;
}

#define GROUP_COLUMNS                                                        \
  "SELECT g.id, g.name, g.kind, g.parent_id, p.name, g.purpose, g.end_date " \
  "FROM groups g LEFT JOIN groups p ON p.id = g.parent_id "

/* Puts each group after its parent, children by name, so that a list
 * reads as a tree; sets the depth. */
static void
add_tree (GPtrArray *all, GPtrArray *out, gint64 parent, guint depth)
{
  for (guint i = 0; i < all->len; i++)
    {
      CrGroupInfo *info = g_ptr_array_index (all, i);

      if (info == NULL || info->parent_id != parent)
        continue;
      info->depth = depth;
      g_ptr_array_add (out, info);
      all->pdata[i] = NULL;
      if (depth < 16)
        add_tree (all, out, info->id, depth + 1);
    }
}

/**
 * cr_store_list_group_infos:
 *
 * Returns: (transfer full) (element-type CrGroupInfo): every group, the
 *   association first and each group after its parent; %NULL with @error
 */
GPtrArray *
cr_store_list_group_infos (CrStore *self, GError **error)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  GPtrArray    *out;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self,
                            GROUP_COLUMNS "ORDER BY g.kind <> 'association', "
                                          "g.name COLLATE NOCASE",
                            error);
  if (stmt == NULL)
    return NULL;
  /* @all owns nothing: its groups move to the tree, or are freed here. */
  if (!_cr_store_collect (self, stmt, info_from_row, NULL, all,
                          _ ("reading the groups"), error))
    {
      for (guint i = 0; i < all->len; i++)
        cr_group_info_free (g_ptr_array_index (all, i));
      return NULL;
    }
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_group_info_free);
  add_tree (all, out, 0, 0);
  /* A group whose parent chain is broken still shows, at the top. */
  for (guint i = 0; i < all->len; i++)
    if (all->pdata[i] != NULL)
      g_ptr_array_add (out, all->pdata[i]);
  return out;
}

/**
 * cr_store_get_group_info:
 *
 * Returns: (transfer full): the group; %NULL with @error
 *   (%CR_STORE_ERROR_NOT_FOUND if there is no such group)
 */
CrGroupInfo *
cr_store_get_group_info (CrStore *self, gint64 group_id, GError **error)
{
  CrGroupInfo  *info = NULL;
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);

  stmt = _cr_store_prepare (self, GROUP_COLUMNS "WHERE g.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    info = info_from_row (stmt, NULL);
  sqlite3_reset (stmt);
  if (info != NULL)
    return info;
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                         _ ("That group is no longer in the file."));
  else
    _cr_store_set_error (self, error, rc, _ ("reading the group"));
  return NULL;
}

static const char *
blank_to_null (const char *text)
{
  if (text == NULL)
    return NULL;
  while (g_ascii_isspace (*text))
    text++;
  return *text ? text : NULL;
}

/* Checks what a person typed, before anything is written. */
static gboolean
validate (CrStore *self, const CrGroupInfo *info, GError **error)
{
  GDate    date;
  gboolean known = FALSE;

  if (blank_to_null (info->name) == NULL)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _ ("A group needs a name."));
      return FALSE;
    }
  for (guint i = 0; kinds[i] != NULL; i++)
    known |= g_strcmp0 (kinds[i], info->kind) == 0;
  if (!known || g_strcmp0 (info->kind, "association") == 0)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _ ("“%s” is not a kind of group; choose committee, "
                      "sub-group, working-group, panel or focus-group."),
                   info->kind ? info->kind : "");
      return FALSE;
    }
  if (blank_to_null (info->end_date) != NULL &&
      !cr_date_parse_iso (info->end_date, &date))
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _ ("“%s” is not a date; write the end date like "
                      "2027-03-31."),
                   info->end_date);
      return FALSE;
    }
  if (info->id != 0 && info->parent_id == info->id)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _ ("A group can’t be its own parent."));
      return FALSE;
    }
  return _cr_store_require_write (self, error);
}

/* Whether @ancestor is @group_id or above it: a parent must not be one
 * of the group's own sub-groups. */
static gboolean
is_under (CrStore  *self,
          gint64    group_id,
          gint64    ancestor,
          gboolean *under,
          GError  **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  stmt = _cr_store_prepare (self,
                            "WITH RECURSIVE up (id) AS (SELECT ?1 UNION "
                            "SELECT g.parent_id FROM groups g JOIN up "
                            "ON g.id = up.id WHERE g.parent_id IS NOT NULL) "
                            "SELECT count(*) FROM up WHERE id = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, ancestor);
  rc = sqlite3_step (stmt);
  *under = rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0;
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  _cr_store_set_error (self, error, rc, _ ("reading the groups"));
  return FALSE;
}

static gboolean
write_group (CrStore *self, gint64 id, const CrGroupInfo *info, GError **error)
{
  sqlite3_stmt *stmt;
  const char   *purpose = blank_to_null (info->purpose);
  const char   *end_date = blank_to_null (info->end_date);
  int           rc;

  stmt = _cr_store_prepare (self,
                            "UPDATE groups SET name = trim(?2), kind = ?3, "
                            "parent_id = ?4, purpose = ?5, end_date = ?6 "
                            "WHERE id = ?1 AND kind <> 'association'",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, info->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, info->kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4,
                      info->parent_id > 0
                          ? info->parent_id
                          : cr_store_get_association_group (self));
  if (purpose != NULL)
    sqlite3_bind_text (stmt, 5, purpose, -1, SQLITE_TRANSIENT);
  if (end_date != NULL)
    sqlite3_bind_text (stmt, 6, end_date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE && sqlite3_changes (_cr_store_get_db (self)) == 1)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                         _ ("That group is no longer in the file, or is the "
                            "association itself."));
  else if (sqlite3_extended_errcode (_cr_store_get_db (self)) ==
           SQLITE_CONSTRAINT_UNIQUE)
    g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS,
                 _ ("There is already a group called “%s”."), info->name);
  else if ((rc & 0xff) == SQLITE_CONSTRAINT)
    g_set_error_literal (
        error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
        _ ("The group’s parent must be a group in this file."));
  else
    _cr_store_set_error (self, error, rc, _ ("saving the group"));
  return FALSE;
}

/**
 * cr_store_create_group:
 * @info: the new group (its id is ignored)
 * @template_id: (nullable): a template of cr-templates.c ("scrutiny-panel"),
 *   or %NULL for no terms of reference yet
 * @on_date: ISO date the template's terms are adopted on
 *
 * Adds a group and, with a template, its first terms of reference, in one
 * transaction: all of it or nothing.
 *
 * Returns: the new group's id; 0 with @error
 */
gint64
cr_store_create_group (CrStore           *self,
                       const CrGroupInfo *info,
                       const char        *template_id,
                       const char        *on_date,
                       GError           **error)
{
  const CrTemplate *template_ = NULL;
  g_autofree char  *ids = NULL;
  sqlite3_stmt     *stmt;
  gint64            id;
  int               rc;

  g_return_val_if_fail (CR_IS_STORE (self), 0);
  g_return_val_if_fail (info != NULL, 0);

  if (template_id != NULL &&
      (template_ = cr_template_find (template_id)) == NULL)
    {
      ids = cr_templates_list_ids ();
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _ ("There is no template “%s”; the templates are: %s."),
                   template_id, ids);
      return 0;
    }
  if (!validate (self, info, error) || !cr_store_begin (self, error))
    return 0;

  stmt = _cr_store_prepare (self,
                            "INSERT INTO groups (name, kind) "
                            "VALUES (trim(?1), ?2)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, info->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, info->kind, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (_cr_store_get_db (self)) ==
          SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS,
                     _ ("There is already a group called “%s”."), info->name);
      else
        _cr_store_set_error (self, error, rc, _ ("adding the group"));
      goto fail;
    }
  id = sqlite3_last_insert_rowid (_cr_store_get_db (self));
  if (!write_group (self, id, info, error))
    goto fail;
  if (template_ != NULL &&
      !cr_store_start_terms (self, id, template_, on_date, error))
    goto fail;
  if (!cr_store_commit (self, error))
    goto fail;
  return id;

fail:
  cr_store_rollback (self);
  return 0;
}

/**
 * cr_store_update_group:
 * @info: the group, with its id
 *
 * Saves a group's name, kind, parent, purpose and end date. The
 * association's own group is not edited here.
 *
 * Returns: %FALSE with @error, and nothing changed
 */
gboolean
cr_store_update_group (CrStore *self, const CrGroupInfo *info, GError **error)
{
  gboolean under = FALSE;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!validate (self, info, error))
    return FALSE;
  if (info->parent_id > 0 &&
      !is_under (self, info->parent_id, info->id, &under, error))
    return FALSE;
  if (under)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _ ("A group can’t sit under one of its own "
                              "sub-groups."));
      return FALSE;
    }
  if (!cr_store_begin (self, error))
    return FALSE;
  if (!write_group (self, info->id, info, error) ||
      !cr_store_commit (self, error))
    {
      cr_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}
