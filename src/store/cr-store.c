/* cr-store.c: one association file, opened safely
 *
 * Opening is done in two steps so that a file we must refuse is never
 * written to: first a read-only connection checks that the file is ours,
 * not from a newer version and not damaged; only then is it opened for
 * writing (under the writer's lock), backed up if it needs migrating, and
 * migrated in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-store.h"

#include "cr-lock.h"
#include "cr-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

struct _CrStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  CrLock     *lock;
  GHashTable *statements;     /* const char *sql → sqlite3_stmt * */
  char       *association_name;
  gint64      association_group;
  guint       transaction_depth;
  guint       writable : 1;
};

G_DEFINE_FINAL_TYPE (CrStore, cr_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (cr-store-error-quark, cr_store_error)

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
cr_store_finalize (GObject *object)
{
  CrStore *self = (CrStore *) object;

  cr_store_close (self);
  g_hash_table_unref (self->statements);
  g_free (self->path);
  g_free (self->association_name);

  G_OBJECT_CLASS (cr_store_parent_class)->finalize (object);
}

static void
cr_store_class_init (CrStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cr_store_finalize;
}

static void
cr_store_init (CrStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL,
                                            finalize_statement);
}

/**
 * cr_store_get_schema_version:
 *
 * Returns: the schema version this build writes
 */
int
cr_store_get_schema_version (void)
{
  guint n;
  const CrMigration *m = _cr_migrations_get (&n);

  return m[n - 1].version;
}

static CrStoreError
code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
      return CR_STORE_ERROR_INVALID;
    case SQLITE_FULL:
      return CR_STORE_ERROR_NO_SPACE;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return CR_STORE_ERROR_READ_ONLY;
    case SQLITE_CORRUPT:
      return CR_STORE_ERROR_DAMAGED;
    case SQLITE_NOTADB:
      return CR_STORE_ERROR_NOT_OURS;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return CR_STORE_ERROR_LOCKED;
    case SQLITE_CANTOPEN:
      return CR_STORE_ERROR_NOT_FOUND;
    default:
      return CR_STORE_ERROR_FAILED;
    }
}

static void
set_sqlite_error (sqlite3     *db,
                  const char  *path,
                  GError     **error,
                  int          rc,
                  const char  *doing)
{
  /* First, before anything else can change it: what the failed write
   * said, for when SQLite did not keep it (see below). */
  int last_errno = errno;
  g_autofree char *display = g_filename_display_name (path);
  CrStoreError code = code_for_sqlite (rc);
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int sys_errno = db ? sqlite3_system_errno (db) : 0;

  /* SQLite says SQLITE_FULL only when it sees ENOSPC on a short write; a
   * quota (EDQUOT) or a file size limit (EFBIG) comes back as a plain
   * SQLITE_IOERR_WRITE, often without the errno kept, and a volunteer
   * should hear "the disk is full" for all three. */
  if (sys_errno == 0 && rc == SQLITE_IOERR_WRITE)
    sys_errno = last_errno;
  if ((rc & 0xff) == SQLITE_IOERR &&
      (sys_errno == ENOSPC || sys_errno == EDQUOT || sys_errno == EFBIG))
    code = CR_STORE_ERROR_NO_SPACE;

  switch (code)
    {
    case CR_STORE_ERROR_NO_SPACE:
      g_set_error (error, CR_STORE_ERROR, code,
                   _("The disk is full, so %s didn’t happen. Nothing was "
                     "changed in “%s”; free some space and try again."),
                   doing, display);
      break;
    case CR_STORE_ERROR_READ_ONLY:
      g_set_error (error, CR_STORE_ERROR, code,
                   _("“%s” can’t be written to, so %s didn’t happen (%s)."),
                   display, doing, detail);
      break;
    case CR_STORE_ERROR_DAMAGED:
      g_set_error (error, CR_STORE_ERROR, code,
                   _("“%s” is damaged, so %s didn’t happen (%s). Restore it "
                     "from a backup."),
                   display, doing, detail);
      break;
    case CR_STORE_ERROR_LOCKED:
      g_set_error (error, CR_STORE_ERROR, code,
                   _("“%s” is busy in another program, so %s didn’t happen. "
                     "Try again in a moment."),
                   display, doing);
      break;
    default:
      g_set_error (error, CR_STORE_ERROR, code,
                   _("Could not finish %s in “%s”: %s."), doing, display,
                   detail);
      break;
    }
}

void
_cr_store_set_error (CrStore     *self,
                     GError     **error,
                     int          rc,
                     const char  *doing)
{
  set_sqlite_error (self->db, self->path, error, rc, doing);
}

sqlite3 *
_cr_store_get_db (CrStore *self)
{
  g_assert (CR_IS_STORE (self));
  return self->db;
}

/* Statements are prepared once a connection and kept, keyed by the address
 * of their (static) SQL text; each use starts from a reset statement with no
 * bindings. */
sqlite3_stmt *
_cr_store_prepare (CrStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_assert (CR_IS_STORE (self));

  if (self->db == NULL)
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_FAILED,
                           _("The association file has been closed."));
      return NULL;
    }

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                           &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_critical ("Could not prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      _cr_store_set_error (self, error, rc, _("reading the file"));
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Steps a statement that returns no rows and resets it. */
gboolean
_cr_store_step_done (CrStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  _cr_store_set_error (self, error, rc, _("saving the change"));
  return FALSE;
}

gboolean
_cr_store_require_write (CrStore  *self,
                         GError  **error)
{
  if (self->writable && self->db != NULL)
    return TRUE;

  g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY,
                       _("This association file is open for reading only."));
  return FALSE;
}

/* Every list the store hands out is the same loop: step to the end, make
 * one item a row, reset, and turn a failed step into a sentence. It lives
 * here once so each list function says only its SQL and its row. */
gboolean
_cr_store_collect (CrStore         *self,
                   sqlite3_stmt    *stmt,
                   CrStoreRowFunc   read_row,
                   gpointer         user_data,
                   GPtrArray       *out,
                   const char      *doing,
                   GError         **error)
{
  int rc;

  g_assert (CR_IS_STORE (self));
  g_assert (stmt != NULL);
  g_assert (read_row != NULL);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer item = read_row (stmt, user_data);

      /* A row function that keeps its rows elsewhere returns NULL. */
      if (item != NULL)
        {
          g_assert (out != NULL);
          g_ptr_array_add (out, item);
        }
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  _cr_store_set_error (self, error, rc, doing);
  return FALSE;
}

GPtrArray *
_cr_store_collect_new (CrStore         *self,
                       sqlite3_stmt    *stmt,
                       CrStoreRowFunc   read_row,
                       GDestroyNotify   free_func,
                       const char      *doing,
                       GError         **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (free_func);

  if (!_cr_store_collect (self, stmt, read_row, NULL, list, doing, error))
    return NULL;
  return g_steal_pointer (&list);
}

char *
_cr_store_column_dup (sqlite3_stmt *stmt,
                      int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

/* The folded name the register sorts and searches by. */
char *
_cr_store_name_key (const char *given_name,
                    const char *family_name)
{
  g_autofree char *family = g_str_to_ascii (family_name ? family_name : "",
                                            "C");
  g_autofree char *given = g_str_to_ascii (given_name ? given_name : "", "C");
  g_autofree char *family_down = g_ascii_strdown (family, -1);
  g_autofree char *given_down = g_ascii_strdown (given, -1);

  return g_strconcat (family_down, "\x1f", given_down, NULL);
}

static gboolean
exec (sqlite3     *db,
      const char  *path,
      const char  *sql,
      const char  *doing,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    return TRUE;
  set_sqlite_error (db, path, error, rc, doing);
  return FALSE;
}

static gboolean
query_int (sqlite3    *db,
           const char *sql,
           gint64     *out,
           int        *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  *rc_out = rc;
  return rc == SQLITE_OK;
}

static sqlite3 *
open_connection (const char  *path,
                 int          flags,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *display = g_filename_display_name (path);

      if ((rc & 0xff) == SQLITE_CANTOPEN)
        g_set_error (error, CR_STORE_ERROR,
                     (flags & SQLITE_OPEN_CREATE) ? CR_STORE_ERROR_READ_ONLY
                                                  : CR_STORE_ERROR_NOT_FOUND,
                     _("“%s” can’t be opened. Check that it exists and that "
                       "you may read it."),
                     display);
      else
        set_sqlite_error (db, path, error, rc, _("opening the file"));
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* A connection that only looks. Where no -wal file is beside the file there
 * is nothing but the main file to read, so open it immutable: SQLite then
 * makes no -wal or -shm files of its own beside a file we may be about to
 * refuse. */
static sqlite3 *
open_for_inspection (const char  *path,
                     GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;

  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    return open_connection (path, SQLITE_OPEN_READONLY, error);

  escaped = g_uri_escape_string (path, "/", FALSE);
  uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  return open_connection (uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error);
}

/* A read-only connection never resolves the CHECK constraints in the schema,
 * so quick_check and integrity_check pass on a file whose schema text was
 * damaged, and the first edit then fails (found by tests/fault/fault-file.c).
 * Builds the same schema in a throwaway in-memory database instead: text
 * that no longer parses is damage. Returns FALSE with @detail set then. */
static gboolean
schema_parses (sqlite3  *db,
               char    **detail)
{
  sqlite3 *mem = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  if (sqlite3_open_v2 (":memory:", &mem, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      sqlite3_close (mem);
      return TRUE;
    }
  rc = sqlite3_prepare_v2 (db,
                           "SELECT sql FROM sqlite_schema "
                           "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite^_%' ESCAPE '^' "
                           "ORDER BY type = 'table' DESC, type = 'index' DESC, "
                           "type = 'view' DESC, rowid",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && ok && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *sql = (const char *) sqlite3_column_text (stmt, 0);

      if (sqlite3_exec (mem, sql, NULL, NULL, NULL) != SQLITE_OK)
        {
          *detail = g_utf8_make_valid (sqlite3_errmsg (mem), -1);
          ok = FALSE;
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_close (mem);
  return ok;
}

static gboolean migrate (sqlite3     *db,
                         const char  *path,
                         int          from,
                         int          to,
                         GError     **error);

static GHashTable *
schema_rows (sqlite3 *db)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, "
                          "coalesce(sql, '') FROM sqlite_schema "
                          "WHERE name NOT LIKE 'sqlite^_%' ESCAPE '^'",
                          -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_hash_table_add (rows, g_strjoin ("\x1f",
                                         (const char *) sqlite3_column_text (stmt, 0),
                                         (const char *) sqlite3_column_text (stmt, 1),
                                         (const char *) sqlite3_column_text (stmt, 2),
                                         (const char *) sqlite3_column_text (stmt, 3),
                                         NULL));
  sqlite3_finalize (stmt);
  return rows;
}

/* A file's tables, indexes and triggers are exactly what the migrations up
 * to its version make: damage can leave a schema that still parses but
 * names a column that isn't there (found by tests/fault/fault-file.c), and
 * the first query would fail far from the cause. The same steps are run in
 * a throwaway in-memory database and the two compared. Returns FALSE with
 * @detail naming the first difference. */
static gboolean
schema_is_ours (sqlite3  *db,
                int       version,
                char    **detail)
{
  g_autoptr (GHashTable) want = NULL;
  g_autoptr (GHashTable) have = NULL;
  g_autoptr (GError) error = NULL;
  GHashTableIter iter;
  sqlite3 *mem = NULL;
  gpointer key;

  if (sqlite3_open_v2 (":memory:", &mem, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      !migrate (mem, ":memory:", 0, version, &error))
    {
      /* Not a verdict on the file: without a reference, let it be. */
      sqlite3_close (mem);
      return TRUE;
    }
  want = schema_rows (mem);
  sqlite3_close (mem);
  have = schema_rows (db);

  g_hash_table_iter_init (&iter, have);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (want, key))
      {
        g_auto (GStrv) parts = g_strsplit (key, "\x1f", 3);

        *detail = g_utf8_make_valid (parts[1] != NULL ? parts[1] : "", -1);
        return FALSE;
      }
  if (g_hash_table_size (have) != g_hash_table_size (want))
    {
      *detail = g_strdup (_("a table is missing"));
      return FALSE;
    }
  return TRUE;
}

/* How far check_file() reads the pages of a file. */
typedef enum
{
  SCAN_NONE,  /* a reader of a file this process has just scanned */
  SCAN_QUICK, /* quick_check: every page's structure */
  SCAN_FULL,  /* integrity_check and foreign keys as well */
} Scan;

/* Checks an open connection's file without writing to it: ours, not too new,
 * not damaged. @scan says how much of the file is read to find damage. */
static gboolean
check_file (sqlite3     *db,
            const char  *path,
            Scan         scan,
            int         *version_out,
            GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  gint64 app_id = 0, version = 0, n_tables = 0;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!query_int (db, "PRAGMA application_id", &app_id, &rc) ||
      !query_int (db, "PRAGMA user_version", &version, &rc) ||
      !query_int (db, "SELECT count(*) FROM sqlite_schema", &n_tables, &rc))
    {
      if ((rc & 0xff) == SQLITE_NOTADB)
        g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_OURS,
                     _("“%s” is not a Common Room file. Nothing was changed "
                       "in it."),
                     display);
      else if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_IOERR)
        g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_DAMAGED,
                     _("“%s” is damaged and can’t be read (%s). Nothing was "
                       "changed in it; restore it from a backup."),
                     display, sqlite3_errstr (rc));
      else
        set_sqlite_error (db, path, error, rc, _("opening the file"));
      return FALSE;
    }

  if (app_id != CR_STORE_APPLICATION_ID)
    {
      if (app_id == 0 && n_tables == 0 && version == 0)
        g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_OURS,
                     _("“%s” is empty, not a Common Room file. Nothing was "
                       "changed in it."),
                     display);
      else
        g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_OURS,
                     _("“%s” is a database of another program, not a Common "
                       "Room file. Nothing was changed in it."),
                     display);
      return FALSE;
    }

  if (version > cr_store_get_schema_version ())
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Common Room (file "
                     "version %d; this one reads up to %d). Update Common "
                     "Room to open it. Nothing was changed in it."),
                   display, (int) version, cr_store_get_schema_version ());
      return FALSE;
    }

  if (scan == SCAN_NONE)
    rc = SQLITE_DONE;
  else
    rc = sqlite3_prepare_v2 (db, scan == SCAN_FULL ? "PRAGMA integrity_check(20)"
                                                   : "PRAGMA quick_check(20)",
                             -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW &&
          g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        {
          g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_DAMAGED,
                       _("“%s” is damaged (%s). Nothing was changed in it; "
                         "restore it from a backup."),
                       display, (const char *) sqlite3_column_text (stmt, 0));
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged and can’t be read (%s). Nothing was "
                     "changed in it; restore it from a backup."),
                   display, sqlite3_errstr (rc));
      return FALSE;
    }

  {
    g_autofree char *detail = NULL;

    if (!schema_parses (db, &detail))
      {
        g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_DAMAGED,
                     _("“%s” is damaged (its table definitions can’t be read: "
                       "%s). Nothing was changed in it; restore it from a "
                       "backup."),
                     display, detail);
        return FALSE;
      }
    g_clear_pointer (&detail, g_free);
    if (!schema_is_ours (db, (int) version, &detail))
      {
        g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_DAMAGED,
                     _("“%s” is damaged (the definition of “%s” is not as "
                       "Common Room wrote it). Nothing was changed in it; "
                       "restore it from a backup."),
                     display, detail);
        return FALSE;
      }
  }

  if (scan == SCAN_FULL)
    {
      stmt = NULL;
      rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt,
                               NULL);
      if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_DAMAGED,
                       _("“%s” is damaged: a row of “%s” points at something "
                         "that isn’t there. Restore it from a backup."),
                       display, (const char *) sqlite3_column_text (stmt, 0));
          sqlite3_finalize (stmt);
          return FALSE;
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (db, path, error, rc, _("checking the file"));
          return FALSE;
        }
    }

  if (version_out != NULL)
    *version_out = (int) version;
  return TRUE;
}

static gboolean
apply_pragmas (sqlite3     *db,
               const char  *path,
               GError     **error)
{
  /* FULL rather than NORMAL: a volunteer's laptop loses power, and one
   * fsync an edit is cheap next to losing the last minutes' minutes. */
  return exec (db, path,
               "PRAGMA journal_mode = WAL;"
               "PRAGMA synchronous = FULL;"
               "PRAGMA foreign_keys = ON;"
               "PRAGMA secure_delete = ON;"
               "PRAGMA cache_size = -16384;"
               /* Statement journals and sorts stay in memory: on disk, each
                * insert inside a long transaction opened and closed one. */
               "PRAGMA temp_store = MEMORY;",
               _("opening the file"), error);
}

static gboolean
migrate (sqlite3     *db,
         const char  *path,
         int          from,
         int          to,
         GError     **error)
{
  guint n;
  const CrMigration *steps = _cr_migrations_get (&n);
  g_autofree char *set_version = NULL;

  if (from >= to)
    return TRUE;

  if (!exec (db, path, "BEGIN IMMEDIATE", _("updating the file"), error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (steps[i].version <= from || steps[i].version > to)
        continue;
      g_debug ("Migrating %s to version %d", path, steps[i].version);
      if (!exec (db, path, steps[i].sql, _("updating the file"), error) ||
          (steps[i].after != NULL && !steps[i].after (db, error)))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  /* PRAGMAs take no parameters; the values are our own integers. */
  set_version = g_strdup_printf ("PRAGMA application_id = %d;"
                                 "PRAGMA user_version = %d;",
                                 CR_STORE_APPLICATION_ID, to);
  if (!exec (db, path, set_version, _("updating the file"), error) ||
      !exec (db, path, "COMMIT", _("updating the file"), error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_association (CrStore  *self,
                  GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cr_store_prepare (self,
                            "SELECT a.name, (SELECT min(id) FROM groups "
                            "WHERE kind = 'association') FROM association a",
                            error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_autofree char *display = g_filename_display_name (self->path);

      sqlite3_reset (stmt);
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_DAMAGED,
                   _("“%s” has lost its association’s details. Restore it "
                     "from a backup."),
                   display);
      return FALSE;
    }

  g_free (self->association_name);
  self->association_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  self->association_group = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
fsync_path (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

/* Copies the database behind @db to @dest_path: VACUUM INTO a temporary
 * file in the same folder, flushed, then renamed, so @dest_path is either
 * the old file or a whole new copy. */
static gboolean
backup_connection (sqlite3     *db,
                   const char  *source_path,
                   const char  *dest_path,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest_path);
  g_autofree char *base = g_path_get_basename (dest_path);
  g_autofree char *tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  g_autofree char *display = g_filename_display_name (dest_path);
  sqlite3_stmt *stmt = NULL;
  gint64 was_query_only = 0;
  gboolean query_only;
  int fd, rc;

  /* VACUUM INTO accepts an existing empty file, so mkstemp can pick a
   * name nobody else has, with 0600 permissions. */
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, CR_STORE_ERROR,
                   saved == ENOSPC ? CR_STORE_ERROR_NO_SPACE
                                   : CR_STORE_ERROR_READ_ONLY,
                   _("The backup “%s” can’t be written: %s."), display,
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);

  /* A reader's connection is query_only, which forbids VACUUM INTO even
   * though it leaves the source untouched; lift it for this one statement. */
  query_only = sqlite3_db_readonly (db, "main") == 0 &&
               query_int (db, "PRAGMA query_only", &was_query_only, &rc) &&
               was_query_only;
  if (query_only)
    sqlite3_exec (db, "PRAGMA query_only = OFF", NULL, NULL, NULL);

  rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, tmpl, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (query_only)
    sqlite3_exec (db, "PRAGMA query_only = ON", NULL, NULL, NULL);

  if (rc != SQLITE_DONE)
    {
      g_autofree char *doing = g_strdup_printf (_("the backup to “%s”"),
                                                display);

      g_unlink (tmpl);
      set_sqlite_error (db, source_path, error, rc, doing);
      return FALSE;
    }

  if (!fsync_path (tmpl) || g_rename (tmpl, dest_path) != 0)
    {
      int saved = errno;

      g_unlink (tmpl);
      g_set_error (error, CR_STORE_ERROR,
                   saved == ENOSPC ? CR_STORE_ERROR_NO_SPACE
                                   : CR_STORE_ERROR_FAILED,
                   _("The backup “%s” can’t be written: %s."), display,
                   g_strerror (saved));
      return FALSE;
    }

  fsync_path (dir);
  return TRUE;
}

/**
 * cr_store_get_backup_dir:
 * @path: an association file
 *
 * Where the automatic backups of @path go: a private folder of the user's
 * (0700), one a file, so that a lost USB stick doesn't take the backups
 * with it.
 *
 * Returns: (transfer full): the folder's path; it may not exist yet
 */
char *
cr_store_get_backup_dir (const char *path)
{
  g_autofree char *abs = g_canonicalize_filename (path, NULL);
  g_autofree char *base = g_path_get_basename (abs);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                         abs, -1);
  g_autofree char *stem = NULL;
  g_autofree char *leaf = NULL;
  char *dot;

  stem = g_strdup (base);
  dot = strrchr (stem, '.');
  if (dot != NULL && dot != stem)
    *dot = '\0';

  hash[8] = '\0';
  leaf = g_strdup_printf ("%s-%s", stem, hash);
  return g_build_filename (g_get_user_data_dir (), "commonroom", "backups",
                           leaf, NULL);
}

static char *
automatic_backup_path (const char  *path,
                       const char  *reason,
                       GError     **error)
{
  g_autofree char *dir = cr_store_get_backup_dir (path);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H%M%S");
  g_autofree char *name = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, CR_STORE_ERROR,
                   saved == ENOSPC ? CR_STORE_ERROR_NO_SPACE
                                   : CR_STORE_ERROR_READ_ONLY,
                   _("The backup folder “%s” can’t be made: %s."), display,
                   g_strerror (saved));
      return NULL;
    }

  /* Two backups in one second get -2, -3 …, which still sort in order; the
   * number is one past the highest there, never a gap a rotation left. */
  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    const char *entry;
    guint64 highest = 0;
    gsize len = strlen (stamp);

    while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
      {
        if (strncmp (entry, stamp, len) != 0)
          continue;
        if (entry[len] == ' ')
          highest = MAX (highest, 1);
        else if (entry[len] == '-')
          highest = MAX (highest, g_ascii_strtoull (entry + len + 1, NULL, 10));
      }
    if (highest == 0)
      name = g_strdup_printf ("%s %s.commonroom", stamp, reason);
    else
      name = g_strdup_printf ("%s-%" G_GUINT64_FORMAT " %s.commonroom", stamp,
                              highest + 1, reason);
  }
  return g_build_filename (dir, name, NULL);
}

static CrStore *
store_new (const char *path,
           sqlite3    *db,
           CrLock     *lock,
           gboolean    writable)
{
  CrStore *self = g_object_new (CR_TYPE_STORE, NULL);

  self->path = g_strdup (path);
  self->db = db;
  self->lock = lock;
  self->writable = !!writable;
  return self;
}

/**
 * cr_store_open:
 * @path: an association file
 * @flags: %CR_STORE_OPEN_READ_WRITE to edit it (takes the writer's lock)
 *
 * Opens an association file. A file that is not ours, is damaged or comes
 * from a newer version is refused and left exactly as it was. A file from an
 * older version is backed up and migrated (read-write opens only; a
 * read-only open of an older file is refused with %CR_STORE_ERROR_READ_ONLY
 * until the window or a writing command has updated it).
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CrStore *
cr_store_open (const char        *path,
               CrStoreOpenFlags   flags,
               GError           **error)
{
  g_autoptr (CrLock) lock = NULL;
  g_autoptr (CrStore) self = NULL;
  g_autofree char *display = NULL;
  sqlite3 *db;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_OURS,
                   _("“%s” is a folder, not a Common Room file."), display);
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                   _("There is no file “%s”."), display);
      return NULL;
    }

  if (flags & CR_STORE_OPEN_READ_WRITE)
    {
      lock = _cr_lock_acquire (path, error);
      if (lock == NULL)
        return NULL;
    }

  /* Step one: look, read-only. */
  db = open_for_inspection (path, error);
  if (db == NULL)
    return NULL;
  /* A second reader of a file the window has open was scanned when the
   * window opened it; a quick_check of 100,000 people costs a second. */
  if (!check_file (db, path,
                   (flags & CR_STORE_OPEN_CHECKED) &&
                           !(flags & CR_STORE_OPEN_READ_WRITE)
                       ? SCAN_NONE
                       : SCAN_QUICK,
                   &version, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  if (!(flags & CR_STORE_OPEN_READ_WRITE))
    {
      if (version < cr_store_get_schema_version ())
        {
          sqlite3_close (db);
          g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY,
                       _("“%s” was saved by an older version of Common Room. "
                         "Open it in the window once, or run a command that "
                         "edits it, to update it."),
                       display);
          return NULL;
        }
      /* A read-only SQLite connection to a WAL file can't tidy the -wal and
       * -shm files away when it closes; a read-write one that is only
       * allowed to query can, so readers leave no litter beside the file. */
      if (g_access (path, W_OK) == 0)
        {
          sqlite3 *rw = open_connection (path, SQLITE_OPEN_READWRITE, NULL);

          if (rw != NULL &&
              sqlite3_exec (rw, "PRAGMA query_only = ON", NULL, NULL,
                            NULL) == SQLITE_OK)
            {
              sqlite3_close (db);
              db = rw;
            }
          else if (rw != NULL)
            sqlite3_close (rw);
        }
      self = store_new (path, db, NULL, FALSE);
      if (!load_association (self, error))
        return NULL;
      return g_steal_pointer (&self);
    }

  /* Step two: back up an older file before anything writes to it. */
  if (version < cr_store_get_schema_version ())
    {
      g_autofree char *reason = g_strdup_printf ("before update to version %d",
                                                 cr_store_get_schema_version ());
      g_autofree char *backup = automatic_backup_path (path, reason, error);

      if (backup == NULL || !backup_connection (db, path, backup, error))
        {
          sqlite3_close (db);
          return NULL;
        }
    }
  sqlite3_close (db);

  /* Step three: write. */
  db = open_connection (path, SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    return NULL;

  if (!apply_pragmas (db, path, error) ||
      !migrate (db, path, version, cr_store_get_schema_version (), error))
    {
      sqlite3_close (db);
      return NULL;
    }

  self = store_new (path, db, g_steal_pointer (&lock), TRUE);
  if (!load_association (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
init_new_file (sqlite3     *db,
               const char  *path,
               const char  *association_name,
               int          version,
               GError     **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!apply_pragmas (db, path, error) ||
      !migrate (db, path, 0, version, error))
    return FALSE;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO association (id, name, created_on) "
                           "VALUES (1, ?1, ?2);"
                           , -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, association_name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, today, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  /* The association is the first group: the whole membership. */
  if (rc == SQLITE_DONE)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT INTO groups (name, kind) "
                             "VALUES (?1, 'association')",
                             -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, association_name, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (db, path, error, rc, _("creating the file"));
      return FALSE;
    }

  /* Leave the new file whole in its main file, with no WAL beside it. */
  return exec (db, path, "PRAGMA wal_checkpoint(TRUNCATE)",
               _("creating the file"), error);
}

static CrStore *
create_at_version (const char  *path,
                   const char  *association_name,
                   int          version,
                   GError     **error)
{
  g_autoptr (CrLock) lock = NULL;
  g_autofree char *display = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *name = NULL;
  sqlite3 *db;
  int fd;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (association_name != NULL, NULL);

  display = g_filename_display_name (path);
  name = g_strstrip (g_strdup (association_name));
  if (*name == '\0')
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                           _("The association needs a name."));
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS,
                   _("There is already a file “%s”; Common Room won’t "
                     "overwrite it. Choose another name."),
                   display);
      return NULL;
    }

  lock = _cr_lock_acquire (path, error);
  if (lock == NULL)
    return NULL;

  /* Build the file under a temporary name and link it into place, so the
   * real name never holds half a file, and an existing file is never
   * overwritten even if one appears meanwhile. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s/.%s.new-XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, CR_STORE_ERROR,
                   saved == ENOSPC ? CR_STORE_ERROR_NO_SPACE
                                   : CR_STORE_ERROR_READ_ONLY,
                   _("“%s” can’t be created: %s."), display,
                   g_strerror (saved));
      return NULL;
    }
  close (fd);

  db = open_connection (tmp, SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    {
      g_unlink (tmp);
      return NULL;
    }
  ok = init_new_file (db, tmp, name, version, error);
  sqlite3_close (db);

  if (ok && !fsync_path (tmp))
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_FAILED,
                   _("“%s” can’t be created: %s."), display,
                   g_strerror (errno));
      ok = FALSE;
    }

  if (ok && link (tmp, path) != 0)
    {
      int saved = errno;

      if (saved == EEXIST)
        {
          g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS,
                       _("There is already a file “%s”; Common Room won’t "
                         "overwrite it. Choose another name."),
                       display);
          ok = FALSE;
        }
      /* Some USB sticks (FAT) have no hard links; we hold the lock and
       * checked above that the name is free, so rename instead. */
      else if (g_file_test (path, G_FILE_TEST_EXISTS) ||
               g_rename (tmp, path) != 0)
        {
          g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_FAILED,
                       _("“%s” can’t be created: %s."), display,
                       g_strerror (saved));
          ok = FALSE;
        }
    }
  g_unlink (tmp);
  {
    g_autofree char *tmp_wal = g_strconcat (tmp, "-wal", NULL);
    g_autofree char *tmp_shm = g_strconcat (tmp, "-shm", NULL);

    g_unlink (tmp_wal);
    g_unlink (tmp_shm);
  }
  if (!ok)
    return NULL;
  fsync_path (dir);

  /* Hand the lock over to the opened store. */
  g_clear_pointer (&lock, _cr_lock_release);
  if (version != cr_store_get_schema_version ())
    return NULL;
  return cr_store_open (path, CR_STORE_OPEN_READ_WRITE, error);
}

/**
 * cr_store_create:
 * @path: where the new file goes; nothing may be there yet
 * @association_name: the association's name, also its first group's
 *
 * Creates a new association file and opens it for writing. An existing
 * file is never overwritten.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CrStore *
cr_store_create (const char  *path,
                 const char  *association_name,
                 GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return create_at_version (path, association_name,
                            cr_store_get_schema_version (), error);
}

gboolean
_cr_store_create_at_version (const char  *path,
                             const char  *association_name,
                             int          version,
                             GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CrStore) store = NULL;

  store = create_at_version (path, association_name, version, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * cr_store_close:
 *
 * Closes the file and gives up the writer's lock. Safe to call twice; the
 * store answers every later call with an error.
 */
void
cr_store_close (CrStore *self)
{
  g_return_if_fail (CR_IS_STORE (self));

  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      if (self->transaction_depth > 0)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->transaction_depth = 0;
      if (sqlite3_close (self->db) != SQLITE_OK)
        g_warning ("Statements left open on %s", self->path);
      self->db = NULL;
    }
  g_clear_pointer (&self->lock, _cr_lock_release);
  self->writable = FALSE;
}

const char *
cr_store_get_path (CrStore *self)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  return self->path;
}

gboolean
cr_store_is_writable (CrStore *self)
{
  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  return self->writable;
}

const char *
cr_store_get_association_name (CrStore *self)
{
  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  return self->association_name;
}

/**
 * cr_store_get_association_group:
 *
 * Returns: the id of the group that stands for the whole association
 */
gint64
cr_store_get_association_group (CrStore *self)
{
  g_return_val_if_fail (CR_IS_STORE (self), 0);
  return self->association_group;
}

/**
 * cr_store_begin:
 *
 * Starts a transaction for an edit made of several statements (an import,
 * the demo). Calls nest; only the outermost commit writes.
 */
gboolean
cr_store_begin (CrStore  *self,
                GError  **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (!_cr_store_require_write (self, error))
    return FALSE;
  if (self->transaction_depth++ > 0)
    return TRUE;
  if (exec (self->db, self->path, "BEGIN IMMEDIATE", _("starting the change"),
            error))
    return TRUE;
  self->transaction_depth = 0;
  return FALSE;
}

gboolean
cr_store_commit (CrStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (--self->transaction_depth > 0)
    return TRUE;
  if (exec (self->db, self->path, "COMMIT", _("saving the change"), error))
    return TRUE;
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/**
 * cr_store_rollback:
 *
 * Abandons the whole outermost transaction, whatever the depth.
 */
void
cr_store_rollback (CrStore *self)
{
  g_return_if_fail (CR_IS_STORE (self));

  if (self->transaction_depth == 0)
    return;
  self->transaction_depth = 0;
  if (self->db != NULL)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/**
 * cr_store_backup:
 * @dest_path: where the copy goes; an existing file there is replaced only
 *   once the whole copy is written
 *
 * Writes a consistent copy of the association file, even while it is being
 * edited elsewhere.
 */
gboolean
cr_store_backup (CrStore     *self,
                 const char  *dest_path,
                 GError     **error)
{
  g_autofree char *src = NULL;
  g_autofree char *dst = NULL;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (self->db == NULL)
    return _cr_store_require_write (self, error);

  src = g_canonicalize_filename (self->path, NULL);
  dst = g_canonicalize_filename (dest_path, NULL);
  if (g_str_equal (src, dst))
    {
      g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS,
                           _("A backup can’t be written over the file it "
                             "copies. Choose another name."));
      return FALSE;
    }

  return backup_connection (self->db, self->path, dest_path, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Keeps the newest @keep backups whose name ends in @suffix and, of the
 * older ones, the newest of each month, so a mistake found months later can
 * still be undone. The names start with a sortable time stamp
 * ("2026-11-23 140501"). Backups made before an update or a restore are
 * never removed here. */
static void
rotate_backups (const char *dir,
                const char *suffix,
                guint       keep)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, suffix) && name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  /* Newest first: the first @keep stay, then the first seen of a month. */
  for (guint i = names->len; i-- > 0;)
    {
      const char *this = names->pdata[i];
      guint newer = names->len - 1 - i;
      gboolean month_kept = FALSE;

      if (newer < keep)
        continue;
      /* Its month already has a newer copy: this one can go. */
      for (guint j = i + 1; j < names->len && !month_kept; j++)
        month_kept = strncmp (names->pdata[j], this, 7) == 0;
      if (!month_kept)
        continue;
      {
        g_autofree char *old = g_build_filename (dir, this, NULL);

        if (g_unlink (old) != 0)
          g_debug ("Could not remove old backup %s: %s", old, g_strerror (errno));
      }
    }
}

/**
 * cr_store_backup_on_close:
 * @keep: how many of these backups to keep for this file
 *
 * If this connection changed anything, writes a consistent copy of the file
 * into its backup folder (cr_store_get_backup_dir()) and removes the oldest
 * such copies beyond @keep. The window calls it before it closes a file, so
 * a secretary who regrets today's edits can go back to how it was.
 *
 * Returns: %TRUE if a copy was made or none was needed
 */
gboolean
cr_store_backup_on_close (CrStore  *self,
                          guint     keep,
                          GError  **error)
{
  g_autofree char *dest = NULL;
  g_autofree char *dir = NULL;
  const char *reason = "on close";

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (keep > 0, FALSE);

  if (self->db == NULL || !self->writable ||
      sqlite3_total_changes (self->db) == 0)
    return TRUE;

  dest = automatic_backup_path (self->path, reason, error);
  if (dest == NULL || !backup_connection (self->db, self->path, dest, error))
    return FALSE;

  dir = cr_store_get_backup_dir (self->path);
  rotate_backups (dir, " on close.commonroom", keep);
  return TRUE;
}

/**
 * cr_store_verify:
 * @path: an association file
 *
 * The full check, without writing anything: ours, not too new, SQLite's
 * integrity_check and every foreign key.
 *
 * Returns: %TRUE if the file is sound
 */
gboolean
cr_store_verify (const char  *path,
                 GError     **error)
{
  g_autofree char *display = NULL;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_OURS,
                   _("“%s” is a folder, not a Common Room file."), display);
      return FALSE;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                   _("There is no file “%s”."), display);
      return FALSE;
    }

  db = open_for_inspection (path, error);
  if (db == NULL)
    return FALSE;
  ok = check_file (db, path, SCAN_FULL, NULL, error);
  sqlite3_close (db);
  return ok;
}

/**
 * cr_backup_free:
 *
 * Frees a backup from cr_store_list_backups().
 */
void
cr_backup_free (CrBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->path);
  g_free (backup->made);
  g_free (backup->reason);
  g_free (backup);
}

static gint64
count_people_in (const char *path,
                 int        *version)
{
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  /* immutable: a backup is only ever looked at, never given a -wal. */
  uri = g_strdup_printf ("file:%s?immutable=1", path);
  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                       NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    *version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (db != NULL &&
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM people", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static int
compare_backups (gconstpointer a,
                 gconstpointer b)
{
  const CrBackup *x = *(CrBackup *const *) a;
  const CrBackup *y = *(CrBackup *const *) b;

  /* Newest first. */
  return -strcmp (x->made, y->made);
}

/**
 * cr_store_list_backups:
 * @path: an association file
 *
 * The automatic backups of @path (see cr_store_get_backup_dir()), newest
 * first, each with when and why it was made and how many people it holds.
 *
 * Returns: (transfer full) (element-type CrBackup): the backups; empty if
 *   there are none
 */
GPtrArray *
cr_store_list_backups (const char  *path,
                       GError     **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) cr_backup_free);
  g_autofree char *dir = NULL;
  g_autoptr (GDir) d = NULL;
  const char *name;

  g_return_val_if_fail (path != NULL, NULL);

  dir = cr_store_get_backup_dir (path);
  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    return g_steal_pointer (&list);

  while ((name = g_dir_read_name (d)) != NULL)
    {
      CrBackup *backup;
      const char *space;
      int year, month, day, hour, minute, second;

      /* "2026-11-23 140501[-2] on close.commonroom" */
      if (name[0] == '.' || !g_str_has_suffix (name, ".commonroom") ||
          sscanf (name, "%4d-%2d-%2d %2d%2d%2d", &year, &month, &day, &hour,
                  &minute, &second) != 6)
        continue;
      space = strchr (name + 11, ' ');
      if (space == NULL)
        continue;

      backup = g_new0 (CrBackup, 1);
      backup->path = g_build_filename (dir, name, NULL);
      backup->made = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d", year,
                                      month, day, hour, minute, second);
      backup->reason = g_strndup (space + 1, strlen (space + 1) -
                                             strlen (".commonroom"));
      backup->people = count_people_in (backup->path, &backup->version);
      g_ptr_array_add (list, backup);
    }
  g_ptr_array_sort (list, compare_backups);
  return g_steal_pointer (&list);
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr (GFile) src = g_file_new_for_path (from);
  g_autoptr (GFile) dst = g_file_new_for_path (to);
  g_autoptr (GError) local_error = NULL;

  if (!g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL,
                    &local_error))
    {
      g_autofree char *display = g_filename_display_name (to);

      g_set_error (error, CR_STORE_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE)
                     ? CR_STORE_ERROR_NO_SPACE : CR_STORE_ERROR_FAILED,
                   _("“%s” can’t be written: %s."), display,
                   local_error->message);
      return FALSE;
    }
  return fsync_path (to);
}

/**
 * cr_store_restore:
 * @path: the association file to put back
 * @backup: a copy of it (cr_store_list_backups(), or any Common Room file)
 *
 * Replaces @path with @backup. The file as it is now is first kept as a
 * backup of its own ("before restore"), so a restore can itself be undone.
 * Refused, with @path untouched, if @backup is damaged, not ours or too
 * new, or if @path is open for editing elsewhere (close it there first; the
 * window closes its own file before restoring).
 */
gboolean
cr_store_restore (const char  *path,
                  const char  *backup,
                  GError     **error)
{
  g_autoptr (CrLock) lock = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);

  {
    g_autofree char *a = g_canonicalize_filename (path, NULL);
    g_autofree char *b = g_canonicalize_filename (backup, NULL);

    if (g_str_equal (a, b))
      {
        g_set_error_literal (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS,
                             _("A file can’t be restored from itself. Choose "
                               "one of its backups."));
        return FALSE;
      }
  }
  if (!cr_store_verify (backup, error))
    return FALSE;

  lock = _cr_lock_acquire (path, error);
  if (lock == NULL)
    return FALSE;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *keep = NULL;
      sqlite3 *db;
      gboolean ok;

      /* A consistent copy of the file as it is, WAL and all, then the WAL
       * folded in and emptied so nothing of it outlives the swap. */
      db = open_connection (path, SQLITE_OPEN_READWRITE, error);
      if (db == NULL)
        return FALSE;
      keep = automatic_backup_path (path, "before restore", error);
      ok = keep != NULL && backup_connection (db, path, keep, error) &&
           exec (db, path, "PRAGMA wal_checkpoint(TRUNCATE)",
                 _("restoring the file"), error);
      sqlite3_close (db);
      if (!ok)
        return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, CR_STORE_ERROR,
                   saved == ENOSPC ? CR_STORE_ERROR_NO_SPACE
                                   : CR_STORE_ERROR_READ_ONLY,
                   _("Nothing can be written in “%s”: %s."), display,
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);
  if (!copy_file (backup, tmp, error))
    {
      g_unlink (tmp);
      return FALSE;
    }

  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  g_unlink (wal);
  g_unlink (shm);
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (tmp);
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_FAILED,
                   _("“%s” can’t be replaced: %s."), display,
                   g_strerror (saved));
      return FALSE;
    }
  fsync_path (dir);
  return TRUE;
}

/**
 * cr_store_checkpoint:
 *
 * Folds the write-ahead log into the file and empties it, so that nothing
 * overwritten lingers there (after an erasure, say). Does nothing inside a
 * transaction, or for a reader.
 */
gboolean
cr_store_checkpoint (CrStore  *self,
                     GError  **error)
{
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);

  if (self->db == NULL || !self->writable || self->transaction_depth > 0)
    return TRUE;
  rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE,
                                  NULL, NULL);
  /* A reader elsewhere may hold the log open; its end is emptied later. */
  if (rc != SQLITE_OK && rc != SQLITE_BUSY)
    {
      set_sqlite_error (self->db, self->path, error, rc,
                        _("writing the log into the file"));
      return FALSE;
    }
  return TRUE;
}
