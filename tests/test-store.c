/* test-store.c: the association file: create, open, refuse, lock, survive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "cr-demo.h"
#include "cr-store-conduct.h"
#include "cr-people-model.h"
#include "cr-store-people.h"
#include "cr-store-private.h"
#include "cr-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cr_test_make_tmpdir ("cr-store-XXXXXX");
  f->path = g_build_filename (f->dir, "test.commonroom", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cr_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
assert_unchanged (const char *path,
                  GBytes     *before)
{
  g_autoptr (GBytes) after = cr_test_read_bytes (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gint64
add_person (CrStore    *store,
            const char *given,
            const char *family)
{
  g_autoptr (CrPerson) person = cr_person_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  cr_person_set_given_name (person, given);
  cr_person_set_family_name (person, family);
  id = cr_store_add_person (store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_create_and_reopen (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = NULL;
  gint64 id;

  store = cr_store_create (f->path, "  Meadowbank TRA ", &error);
  g_assert_no_error (error);
  g_assert_true (cr_store_is_writable (store));
  g_assert_cmpstr (cr_store_get_association_name (store), ==, "Meadowbank TRA");
  g_assert_cmpint (cr_store_get_association_group (store), >, 0);
  id = add_person (store, "Zoë", "O’Brien");
  g_clear_object (&store);

  /* No temporary files are left beside it. */
  {
    g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_assert_cmpstr (name, ==, "test.commonroom");
        n++;
      }
    g_assert_cmpuint (n, ==, 1);
  }

  store = cr_store_open (f->path, CR_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (cr_store_is_writable (store));
  g_assert_cmpint (cr_store_count_people (store, &error), ==, 1);
  {
    g_autoptr (CrPerson) person = cr_store_get_person (store, id, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (cr_person_get_name (person), ==, "Zoë O’Brien");
  }
  /* A reader may not write. */
  {
    g_autoptr (CrPerson) person = cr_person_new ();
    cr_person_set_family_name (person, "Nobody");
    g_assert_cmpint (cr_store_add_person (store, person, &error), ==, 0);
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  }
}

static void
test_create_refuses_existing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = NULL;
  g_autoptr (GBytes) before = NULL;

  g_file_set_contents (f->path, "precious minutes", -1, &error);
  g_assert_no_error (error);
  before = cr_test_read_bytes (f->path);

  store = cr_store_create (f->path, "Another", &error);
  g_assert_null (store);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS);
  assert_unchanged (f->path, before);
  g_clear_error (&error);

  g_unlink (f->path);
  store = cr_store_create (f->path, "   ", &error);
  g_assert_null (store);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_migrate_from_v1 (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autofree char *backups = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;
  guint n_backups = 0;

  g_assert_cmpint (cr_store_get_schema_version (), >, 1);

  _cr_store_create_at_version (f->path, "Old Estate TRA", 1, &error);
  g_assert_no_error (error);
  raw_exec (f->path, "INSERT INTO people (given_name, family_name, sort_key) "
                     "VALUES ('Kwame', 'Mensah', 'mensah\x1fkwame')");
  before = cr_test_read_bytes (f->path);

  /* A reader can't update it, and leaves it alone. */
  store = cr_store_open (f->path, CR_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  assert_unchanged (f->path, before);

  store = cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_count_people (store, &error), ==, 1);
  /* The new tables are there. */
  cr_store_add_membership (store, 1, cr_store_get_association_group (store),
                           CR_MEMBERSHIP_VOTING, "2020-01-01", &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  cr_store_verify (f->path, &error);
  g_assert_no_error (error);

  /* Derived columns added later are filled in for the people already
   * there, folded as the app folds them. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT search_text FROM people", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "kwame mensah");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* The file as it was is kept as a backup. */
  backups = cr_store_get_backup_dir (f->path);
  g_assert_true (g_str_has_prefix (backups, g_get_user_data_dir ()));
  dir = g_dir_open (backups, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *backup = g_build_filename (backups, name, NULL);
      g_autoptr (GBytes) copy = NULL;
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;
      g_autofree char *suffix =
        g_strdup_printf ("before update to version %d.commonroom",
                         cr_store_get_schema_version ());

      g_assert_true (g_str_has_suffix (name, suffix));
      n_backups++;
      copy = cr_test_read_bytes (backup);
      g_assert_cmpuint (g_bytes_get_size (copy), >, 0);
      g_assert_cmpint (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
      sqlite3_finalize (stmt);
      sqlite3_close (db);
    }
  g_assert_cmpuint (n_backups, ==, 1);
}

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr (GBytes) before = cr_test_read_bytes (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = NULL;

  store = cr_store_open (path, CR_STORE_OPEN_READ_WRITE, &error);
  g_assert_null (store);
  g_assert_error (error, CR_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, "test.commonroom"));
  g_clear_error (&error);
  assert_unchanged (path, before);

  store = cr_store_open (path, CR_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, CR_STORE_ERROR, code);
  g_clear_error (&error);
  assert_unchanged (path, before);

  g_assert_false (cr_store_verify (path, &error));
  g_assert_error (error, CR_STORE_ERROR, code);
  assert_unchanged (path, before);
}

static void
test_refuse_random (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  guint8 noise[8192];

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = g_test_rand_int_range (0, 256);
  g_file_set_contents (f->path, (const char *) noise, sizeof noise, &error);
  g_assert_no_error (error);
  assert_refused (f->path, CR_STORE_ERROR_NOT_OURS);

  g_file_set_contents (f->path, "", 0, &error);
  g_assert_no_error (error);
  assert_refused (f->path, CR_STORE_ERROR_NOT_OURS);
}

static void
test_refuse_foreign (Fixture       *f,
                     gconstpointer  data)
{
  raw_exec (f->path, "CREATE TABLE expenses (id INTEGER, amount REAL);"
                     "INSERT INTO expenses VALUES (1, 2.5);");
  assert_refused (f->path, CR_STORE_ERROR_NOT_OURS);
}

/* A second reader of a file the window holds skips only the page scan:
 * a foreign or newer file is still refused, by the same words. */
static void
test_checked_reader (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) writer = NULL;
  g_autoptr (CrStore) reader = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          cr_store_get_schema_version () + 1);

  cr_test_make_demo (f->path, 20);
  writer = cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  reader = cr_store_open (f->path, CR_STORE_OPEN_CHECKED, &error);
  g_assert_no_error (error);
  g_assert_false (cr_store_is_writable (reader));
  g_assert_cmpstr (cr_store_get_association_name (reader), ==,
                   cr_store_get_association_name (writer));
  g_clear_object (&reader);
  g_clear_object (&writer);

  raw_exec (f->path, sql);
  reader = cr_store_open (f->path, CR_STORE_OPEN_CHECKED, &error);
  g_assert_null (reader);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_TOO_NEW);
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (f->path), ==, 0);
  raw_exec (f->path, "CREATE TABLE expenses (id INTEGER, amount REAL);");
  reader = cr_store_open (f->path, CR_STORE_OPEN_CHECKED, &error);
  g_assert_null (reader);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_OURS);
}

static void
test_refuse_newer (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          cr_store_get_schema_version () + 1);

  cr_test_make_demo (f->path, 20);
  raw_exec (f->path, sql);
  assert_refused (f->path, CR_STORE_ERROR_TOO_NEW);
}

static void
test_refuse_truncated (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) whole = NULL;

  cr_test_make_demo (f->path, 300);
  whole = cr_test_read_bytes (f->path);
  g_assert_cmpuint (g_bytes_get_size (whole), >, 3 * 4096);
  g_file_set_contents (f->path, g_bytes_get_data (whole, NULL),
                       g_bytes_get_size (whole) / 2 + 100, &error);
  g_assert_no_error (error);
  assert_refused (f->path, CR_STORE_ERROR_DAMAGED);
}

static void
test_refuse_damaged_page (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) whole = NULL;
  gsize len;
  guint8 *bytes;

  cr_test_make_demo (f->path, 300);
  whole = cr_test_read_bytes (f->path);
  bytes = g_bytes_unref_to_data (g_steal_pointer (&whole), &len);
  /* Scribble over the b-tree header of the last page. */
  memset (bytes + len - 4096, 0xA5, 64);
  g_file_set_contents (f->path, (const char *) bytes, len, &error);
  g_free (bytes);
  g_assert_no_error (error);
  assert_refused (f->path, CR_STORE_ERROR_DAMAGED);
}

static void
test_second_writer_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) first = NULL;
  g_autoptr (CrStore) second = NULL;
  g_autoptr (CrStore) reader = NULL;
  g_autofree char *pid = g_strdup_printf ("process %d", (int) getpid ());
  const char *argv[] = { g_getenv ("CR_CRASH_WRITER"), f->path, "1", NULL };
  g_autofree char *child_err = NULL;
  int status = 0;

  first = cr_store_create (f->path, "Locked TRA", &error);
  g_assert_no_error (error);

  second = cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE, &error);
  g_assert_null (second);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, pid));
  g_assert_nonnull (strstr (error->message, g_get_host_name ()));
  g_clear_error (&error);

  /* Another process is refused too, and says so. */
  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                NULL, NULL, &child_err, &status, &error);
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (child_err, "already open for editing"));

  /* Readers may look meanwhile. */
  reader = cr_store_open (f->path, CR_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  add_person (first, "Amira", "Hussain");
  g_assert_cmpint (cr_store_count_people (reader, &error), ==, 1);

  /* Once the first lets go, the next writer may start. */
  cr_store_close (first);
  second = cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
}

/* Kills a writer at a random moment, many times over, and checks that every
 * edit it had reported as done is still there and the file is sound. */
static void
test_durable_after_kill (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const char *writer = g_getenv ("CR_CRASH_WRITER");
  g_autoptr (GArray) confirmed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (CrStore) store = NULL;

  g_assert_nonnull (writer);
  store = cr_store_create (f->path, "Crash TRA", &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  for (guint round = 0; round < 8; round++)
    {
      const char *argv[] = { writer, f->path, "1000000", NULL };
      g_autoptr (GIOChannel) channel = NULL;
      guint want = g_test_rand_int_range (5, 400);
      GPid pid;
      int out_fd, status;
      char *line = NULL;
      gsize len;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);
      channel = g_io_channel_unix_new (out_fd);
      g_io_channel_set_close_on_unref (channel, TRUE);

      for (guint i = 0; i < want; i++)
        {
          gint64 id;

          if (g_io_channel_read_line (channel, &line, &len, NULL, NULL) !=
              G_IO_STATUS_NORMAL)
            break;
          id = g_ascii_strtoll (line, NULL, 10);
          g_free (line);
          g_array_append_val (confirmed, id);
        }

      kill (pid, SIGKILL);
      /* Ids it printed after we stopped reading had returned too. */
      while (g_io_channel_read_line (channel, &line, &len, NULL, NULL) ==
             G_IO_STATUS_NORMAL)
        {
          gint64 id = g_ascii_strtoll (line, NULL, 10);
          g_free (line);
          g_array_append_val (confirmed, id);
        }
      waitpid (pid, &status, 0);
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (status));

      cr_store_verify (f->path, &error);
      g_assert_no_error (error);
    }

  store = cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < confirmed->len; i++)
    {
      gint64 id = g_array_index (confirmed, gint64, i);
      g_autoptr (CrPerson) person = cr_store_get_person (store, id, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cr_person_get_given_name (person), ==, "Edit");
    }
  g_assert_cmpint (cr_store_count_people (store, NULL), >=, confirmed->len);
}

static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = NULL;
  g_autoptr (CrStore) copy = NULL;
  g_autofree char *dest = g_build_filename (f->dir, "copy.commonroom", NULL);

  cr_test_make_demo (f->path, 50);
  store = cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  add_person (store, "Ngozi", "Chukwu");

  g_assert_false (cr_store_backup (store, f->path, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  cr_store_backup (store, dest, &error);
  g_assert_no_error (error);
  cr_store_verify (dest, &error);
  g_assert_no_error (error);

  copy = cr_store_open (dest, CR_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_count_people (copy, NULL), ==, 51);
  g_assert_cmpint (cr_store_count_people (store, NULL), ==, 51);
}

static guint
count_backups (const char *path,
               const char *suffix)
{
  g_autofree char *dir = cr_store_get_backup_dir (path);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, suffix))
      {
        g_autofree char *full = g_build_filename (dir, name, NULL);
        g_autoptr (GError) error = NULL;

        cr_store_verify (full, &error);
        g_assert_no_error (error);
        n++;
      }
  return n;
}

static void
test_backup_on_close (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  cr_test_make_demo (f->path, 10);
  g_assert_cmpuint (count_backups (f->path, " on close.commonroom"), ==, 0);

  /* Opened and closed without an edit: nothing to keep. */
  {
    g_autoptr (CrStore) store = cr_store_open (f->path,
                                               CR_STORE_OPEN_READ_WRITE, &error);
    g_assert_no_error (error);
    g_assert_true (cr_store_backup_on_close (store, 3, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (count_backups (f->path, "on close.commonroom"), ==, 0);

  /* Each edited session leaves a copy; only the newest three stay. */
  for (int i = 0; i < 5; i++)
    {
      g_autoptr (CrStore) store = cr_store_open (f->path,
                                                 CR_STORE_OPEN_READ_WRITE,
                                                 &error);
      g_assert_no_error (error);
      add_person (store, "Session", "Edit");
      g_assert_true (cr_store_backup_on_close (store, 3, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (count_backups (f->path, "on close.commonroom"), ==,
                        MIN (i + 1, 3));
    }

  /* The newest copy has every edit. */
  {
    g_autofree char *dir = cr_store_get_backup_dir (f->path);
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    g_autofree char *newest = NULL;
    g_autofree char *full = NULL;
    g_autoptr (CrStore) copy = NULL;
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      if (newest == NULL || strcmp (name, newest) > 0)
        {
          g_free (newest);
          newest = g_strdup (name);
        }
    full = g_build_filename (dir, newest, NULL);
    copy = cr_store_open (full, CR_STORE_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_cmpint (cr_store_count_people (copy, NULL), ==, 15);
  }
}

static void
test_status (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = cr_store_create (f->path, "Status TRA", &error);
  gint64 group, a, b, c, m;
  g_autoptr (CrPerson) pa = NULL;
  g_autoptr (CrPerson) pb = NULL;
  g_autoptr (CrPerson) pc = NULL;

  g_assert_no_error (error);
  group = cr_store_get_association_group (store);
  a = add_person (store, "Ama", "Osei");
  b = add_person (store, "Colm", "Byrne");
  c = add_person (store, "Mei", "Shah");

  cr_store_add_membership (store, a, group, CR_MEMBERSHIP_VOTING, "2020-03-01", &error);
  g_assert_no_error (error);
  m = cr_store_add_membership (store, b, group, CR_MEMBERSHIP_VOTING, "2019-05-01", &error);
  g_assert_no_error (error);

  /* An end before the start, an impossible date: refused, nothing changed. */
  g_assert_false (cr_store_end_membership (store, m, "2019-04-30", CR_END_RESIGNED, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cr_store_end_membership (store, m, "2021-02-30", CR_END_RESIGNED, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cr_store_add_membership (store, c, group, CR_MEMBERSHIP_VOTING, "01/02/2020", &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  cr_store_end_membership (store, m, "2024-06-30", CR_END_MOVED_AWAY, &error);
  g_assert_no_error (error);
  g_assert_false (cr_store_end_membership (store, m, "2024-07-30", CR_END_MOVED_AWAY, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  pa = cr_store_get_person (store, a, "2026-11-22", &error);
  pb = cr_store_get_person (store, b, "2026-11-22", &error);
  pc = cr_store_get_person (store, c, "2026-11-22", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_person_get_status (pa), ==, CR_PERSON_STATUS_CURRENT);
  g_assert_cmpint (cr_person_get_status (pb), ==, CR_PERSON_STATUS_FORMER);
  g_assert_cmpint (cr_person_get_status (pc), ==, CR_PERSON_STATUS_NONE);
  g_assert_cmpstr (cr_person_get_joined (pb), ==, "2019-05-01");
  g_clear_object (&pb);

  /* The last day is still a day of membership. */
  pb = cr_store_get_person (store, b, "2024-06-30", &error);
  g_assert_cmpint (cr_person_get_status (pb), ==, CR_PERSON_STATUS_CURRENT);
}

static gboolean
collect_name (CrPerson *person,
              gpointer  user_data)
{
  g_string_append_printf (user_data, "%s|%s|%s\n", cr_person_get_sort_name (person),
                          cr_person_get_address (person),
                          cr_person_status_to_string (cr_person_get_status (person)));
  return TRUE;
}

static char *
register_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = cr_store_open (path, CR_STORE_OPEN_READ_ONLY, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  cr_store_foreach_person (store, "2026-11-22", collect_name, out, &error);
  g_assert_no_error (error);
  return g_string_free (out, FALSE);
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.commonroom", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = NULL;
  CrDemoOptions options = { 10, 7 };

  g_setenv ("CR_TODAY", "2026-11-22", TRUE);
  cr_test_make_demo (f->path, 300);
  cr_test_make_demo (other, 300);
  a = register_text (f->path);
  b = register_text (other);
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "|current\n"));
  g_assert_nonnull (strstr (a, "|former\n"));
  g_assert_nonnull (strstr (a, "’"));

  /* Demo data only goes into an empty file. */
  store = cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_false (cr_demo_fill (store, &options, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS);
  g_assert_cmpint (cr_store_count_people (store, NULL), ==, 300);
  g_unsetenv ("CR_TODAY");
}

static void
test_people_model (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = cr_store_create (f->path, "Model TRA", &error);
  g_autoptr (CrPeopleModel) model = NULL;
  g_autoptr (CrPerson) first = NULL;
  g_autoptr (CrPerson) last = NULL;

  g_assert_no_error (error);
  add_person (store, "Zoë", "Young");
  add_person (store, "Seán", "Ó Súilleabháin");
  add_person (store, "Aisha", "abdi");

  model = cr_people_model_new (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  cr_people_model_reload (model, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == CR_TYPE_PERSON);

  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  last = g_list_model_get_item (G_LIST_MODEL (model), 2);
  g_assert_cmpstr (cr_person_get_family_name (first), ==, "abdi");
  g_assert_cmpstr (cr_person_get_family_name (last), ==, "Young");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 3));
}

static gint64
add_person_at (CrStore    *store,
               const char *given,
               const char *family,
               const char *address,
               const char *postcode,
               const char *email)
{
  g_autoptr (CrPerson) person = cr_person_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  cr_person_set_given_name (person, given);
  cr_person_set_family_name (person, family);
  cr_person_set_address (person, address);
  cr_person_set_postcode (person, postcode);
  cr_person_set_email (person, email);
  id = cr_store_add_person (store, person, &error);
  g_assert_no_error (error);
  return id;
}

static char *
names_shown (GListModel *model)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CrPerson) person = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, cr_person_get_name (person));
    }
  return g_string_free (names, FALSE);
}

static void
assert_shown (CrPeopleModel *model,
              const char    *expected)
{
  g_autofree char *names = names_shown (G_LIST_MODEL (model));

  g_assert_cmpstr (names, ==, expected);
}

static void
test_people_search (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = cr_store_create (f->path, "Search TRA", &error);
  g_autoptr (CrPeopleModel) model = NULL;
  gint64 group = 0, sean, aoife, kwame;
  g_autoptr (CrPerson) edited = NULL;

  g_assert_no_error (error);
  sean = add_person_at (store, "Seán", "Ó Súilleabháin", "Flat 3, Birch House",
                        "AV1 2BC", "sean@example.org");
  aoife = add_person_at (store, "Aoife", "Byrne", "12 Loom Street", "AV2 7QX",
                         NULL);
  kwame = add_person_at (store, "Kwame", "Mensah", "Flat 9, Birch House",
                         "AV1 2BD", "k.mensah@example.org");
  add_person_at (store, "Dolores", "D’Souza", NULL, NULL, NULL);

  group = cr_store_add_group (store, "Birch House Panel", CR_GROUP_KIND_PANEL,
                              0, &error);
  g_assert_no_error (error);
  cr_store_add_membership (store, kwame, group, CR_MEMBERSHIP_VOTING,
                           "2020-01-01", &error);
  g_assert_no_error (error);
  cr_store_add_membership (store, sean, cr_store_get_association_group (store),
                           CR_MEMBERSHIP_VOTING, "2020-01-01", &error);
  g_assert_no_error (error);
  {
    gint64 m = cr_store_add_membership (store, aoife,
                                        cr_store_get_association_group (store),
                                        CR_MEMBERSHIP_VOTING, "2019-05-01",
                                        &error);
    g_assert_no_error (error);
    cr_store_end_membership (store, m, "2022-05-01", CR_END_MOVED_AWAY, &error);
    g_assert_no_error (error);
  }

  model = cr_people_model_new (store);
  g_assert_true (cr_people_model_reload (model, &error));
  g_assert_no_error (error);
  assert_shown (model, "Aoife Byrne, Dolores D’Souza, Kwame Mensah, "
                       "Seán Ó Súilleabháin");

  /* Accents, case and word order don't matter; every word must match. */
  cr_people_model_set_search (model, "sean");
  assert_shown (model, "Seán Ó Súilleabháin");
  cr_people_model_set_search (model, "SÚILLEABH");
  assert_shown (model, "Seán Ó Súilleabháin");
  cr_people_model_set_search (model, "birch");
  assert_shown (model, "Kwame Mensah, Seán Ó Súilleabháin");
  cr_people_model_set_search (model, "house  flat 9");
  assert_shown (model, "Kwame Mensah");
  /* Postcodes with or without the space, and emails. */
  cr_people_model_set_search (model, "av12b");
  assert_shown (model, "Kwame Mensah, Seán Ó Súilleabháin");
  cr_people_model_set_search (model, "av2 7qx");
  assert_shown (model, "Aoife Byrne");
  cr_people_model_set_search (model, "k.mensah@");
  assert_shown (model, "Kwame Mensah");
  cr_people_model_set_search (model, "d’souza");
  assert_shown (model, "Dolores D’Souza");
  cr_people_model_set_search (model, "d'souza");
  assert_shown (model, "Dolores D’Souza");
  cr_people_model_set_search (model, "nobody");
  assert_shown (model, "");
  cr_people_model_set_search (model, "  ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);

  /* Status and group filters combine with the search. */
  cr_people_model_set_status_filter (model, CR_PERSON_STATUS_CURRENT);
  assert_shown (model, "Kwame Mensah, Seán Ó Súilleabháin");
  cr_people_model_set_status_filter (model, CR_PERSON_STATUS_FORMER);
  assert_shown (model, "Aoife Byrne");
  cr_people_model_set_status_filter (model, -1);
  g_assert_true (cr_people_model_set_group_filter (model, group, &error));
  assert_shown (model, "Kwame Mensah");
  cr_people_model_set_search (model, "sean");
  assert_shown (model, "");
  g_assert_true (cr_people_model_set_group_filter (model, 0, &error));
  assert_shown (model, "Seán Ó Súilleabháin");
  cr_people_model_set_search (model, NULL);

  /* Sorting by a column, and back. */
  g_assert_true (cr_people_model_set_sort (model, CR_PERSON_SORT_POSTCODE,
                                           FALSE, &error));
  assert_shown (model, "Seán Ó Súilleabháin, Kwame Mensah, Aoife Byrne, "
                       "Dolores D’Souza");
  g_assert_true (cr_people_model_set_sort (model, CR_PERSON_SORT_JOINED, TRUE,
                                           &error));
  assert_shown (model, "Kwame Mensah, Seán Ó Súilleabháin, Aoife Byrne, "
                       "Dolores D’Souza");
  g_assert_true (cr_people_model_set_sort (model, CR_PERSON_SORT_STATUS, FALSE,
                                           &error));
  assert_shown (model, "Kwame Mensah, Seán Ó Súilleabháin, Aoife Byrne, "
                       "Dolores D’Souza");
  g_assert_true (cr_people_model_set_sort (model, CR_PERSON_SORT_NAME, TRUE,
                                           &error));
  assert_shown (model, "Seán Ó Súilleabháin, Kwame Mensah, Dolores D’Souza, "
                       "Aoife Byrne");
  g_assert_true (cr_people_model_set_sort (model, CR_PERSON_SORT_NAME, FALSE,
                                           &error));

  /* An edit is searchable at once, without a reload. */
  edited = cr_store_get_person (store, aoife, NULL, &error);
  g_assert_no_error (error);
  cr_person_set_postcode (edited, "AV9 9ZZ");
  g_assert_true (cr_store_update_person (store, edited, &error));
  g_assert_true (cr_people_model_person_changed (model, aoife, &error));
  g_assert_no_error (error);
  cr_people_model_set_search (model, "av9");
  assert_shown (model, "Aoife Byrne");
  cr_people_model_set_search (model, "av2 7qx");
  assert_shown (model, "");
}

static void
test_household_rule (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = cr_store_create (f->path, "Rule TRA", &error);
  g_autoptr (GPtrArray) list = NULL;
  gint64 panel, kwame, ama, neighbour, m;
  CrMembership *first;

  g_assert_no_error (error);
  panel = cr_store_add_group (store, "Estate Panel", CR_GROUP_KIND_PANEL, 0,
                              &error);
  g_assert_no_error (error);
  g_assert_true (cr_store_set_group_one_per_household (store, panel, TRUE,
                                                       &error));
  kwame = add_person_at (store, "Kwame", "Mensah", "Flat 9, Birch House",
                         "AV1 2BD", NULL);
  /* Same household, written differently. */
  ama = add_person_at (store, "Ama", "Mensah", "flat 9 birch house", "av1 2bd",
                       NULL);
  neighbour = add_person_at (store, "Lin", "Zhou", "Flat 10, Birch House",
                             "AV1 2BD", NULL);

  m = cr_store_add_membership (store, kwame, panel, CR_MEMBERSHIP_VOTING,
                               "2024-01-10", &error);
  g_assert_no_error (error);

  g_assert_cmpint (cr_store_add_membership (store, ama, panel,
                                            CR_MEMBERSHIP_VOTING, "2025-03-01",
                                            &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Kwame Mensah"));
  g_assert_nonnull (strstr (error->message, "one member a household"));
  g_clear_error (&error);

  /* Next door is another household; the association itself has no rule. */
  cr_store_add_membership (store, neighbour, panel, CR_MEMBERSHIP_VOTING,
                           "2025-03-01", &error);
  g_assert_no_error (error);
  cr_store_add_membership (store, ama, cr_store_get_association_group (store),
                           CR_MEMBERSHIP_VOTING, "2025-03-01", &error);
  g_assert_no_error (error);

  /* Once Kwame has left, Ama may join from the day after. */
  g_assert_true (cr_store_end_membership (store, m, "2025-02-28",
                                          CR_END_RESIGNED, &error));
  cr_store_add_membership (store, ama, panel, CR_MEMBERSHIP_CO_OPTEE,
                           "2025-03-01", &error);
  g_assert_no_error (error);

  list = cr_store_list_memberships (store, kwame, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  first = g_ptr_array_index (list, 0);
  g_assert_cmpstr (first->group_name, ==, "Estate Panel");
  g_assert_cmpstr (first->start_date, ==, "2024-01-10");
  g_assert_cmpstr (first->end_date, ==, "2025-02-28");
  g_assert_cmpint (first->end_reason, ==, CR_END_RESIGNED);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = cr_store_list_memberships (store, ama, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  first = g_ptr_array_index (list, 0);
  g_assert_null (first->end_date);
}

static void
test_conduct_and_erase (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = cr_store_create (f->path, "Conduct TRA", &error);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (CrPerson) erased = NULL;
  CrConductEvent event = { 0 };
  gint64 bob, suspension, m;
  gint64 before_count;

  g_assert_no_error (error);
  bob = add_person_at (store, "Bob", "Quarrel", "Flat 1, Otter House",
                       "AV3 1AA", "bob@example.org");
  m = cr_store_add_membership (store, bob, cr_store_get_association_group (store),
                               CR_MEMBERSHIP_VOTING, "2020-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (m, >, 0);

  /* A warning bars nobody; a suspension does, for its dates. */
  event.person_id = bob;
  event.kind = CR_CONDUCT_WARNING;
  event.start_date = "2026-01-05";
  event.reason = "Shouted at the chair";
  cr_store_add_conduct (store, &event, &error);
  g_assert_no_error (error);
  g_assert_null (cr_store_get_sanction (store, bob, "2026-01-06", &error));

  event.kind = CR_CONDUCT_SUSPENSION;
  event.start_date = "2026-03-01";
  event.end_date = "2026-05-31";
  event.reason = "Repeated abuse of a volunteer";
  event.decided_by = "Committee, 26/02/2026";
  suspension = cr_store_add_conduct (store, &event, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cr_store_get_sanction (store, bob, "2026-04-01", NULL), ==,
                   "suspension");
  g_assert_null (cr_store_get_sanction (store, bob, "2026-06-01", NULL));

  /* No reason, no decision; an exclusion has no end. */
  event.reason = "  ";
  g_assert_cmpint (cr_store_add_conduct (store, &event, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  event.reason = "x";
  event.kind = CR_CONDUCT_EXCLUSION;
  g_assert_cmpint (cr_store_add_conduct (store, &event, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* An appeal that overturns it lifts it. */
  g_assert_true (cr_store_record_appeal (store, suspension, "2026-03-10",
                                         CR_APPEAL_OVERTURNED, "2026-03-20",
                                         &error));
  g_assert_null (cr_store_get_sanction (store, bob, "2026-04-01", NULL));
  list = cr_store_list_conduct (store, bob, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((CrConductEvent *) list->pdata[0])->appeal_outcome, ==,
                   CR_APPEAL_OVERTURNED);
  g_clear_pointer (&list, g_ptr_array_unref);

  cr_store_add_interest (store, bob, "2026-02-01", "Director of Quarrel Roofing",
                         &error);
  g_assert_no_error (error);

  /* Erasing keeps the counts and drops the person. */
  before_count = cr_store_count_people (store, NULL);
  g_assert_true (cr_store_erase_person (store, bob, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_count_people (store, NULL), ==, before_count);
  erased = cr_store_get_person (store, bob, "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (cr_person_get_name (erased), "Former member #"));
  g_assert_cmpstr (cr_person_get_address (erased) ? cr_person_get_address (erased) : "", ==, "");
  g_assert_cmpstr (cr_person_get_email (erased) ? cr_person_get_email (erased) : "", ==, "");
  g_assert_cmpstr (cr_person_get_postcode (erased) ? cr_person_get_postcode (erased) : "", ==, "");
  g_assert_cmpint (cr_person_get_status (erased), ==, CR_PERSON_STATUS_CURRENT);
  list = cr_store_list_interests (store, bob, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cr_store_list_conduct (store, bob, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((CrConductEvent *) list->pdata[0])->reason, ==, "Erased");

  /* Nothing of them is left to find. */
  {
    g_autoptr (CrPeopleModel) model = cr_people_model_new (store);

    g_assert_true (cr_people_model_reload (model, &error));
    cr_people_model_set_search (model, "quarrel");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
    cr_people_model_set_search (model, "av3");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  }
  g_assert_true (cr_store_verify (f->path, &error));

  /* Their name is in none of the file, its log, or a backup made now. */
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_autofree char *copy = g_build_filename (f->dir, "after.commonroom", NULL);
    const char *const files[] = { f->path, wal, copy };

    g_assert_true (cr_store_backup (store, copy, &error));
    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *bytes = NULL;
        gsize len = 0;

        if (!g_file_get_contents (files[i], &bytes, &len, NULL))
          continue;
        g_assert_null (g_strstr_len (bytes, len, "Quarrel"));
        g_assert_null (g_strstr_len (bytes, len, "bob@example.org"));
        g_assert_null (g_strstr_len (bytes, len, "Otter House"));
      }
  }
}

static guint
count_files (const char *dir,
             const char *suffix)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    n += g_str_has_suffix (name, suffix);
  return n;
}

static void
test_backup_rotation (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  static const char *const old[] = {
    "2025-01-03 100000 on close.commonroom",
    "2025-01-20 100000 on close.commonroom",
    "2025-02-07 100000 on close.commonroom",
    "2025-02-08 100000 on close.commonroom",
    "2025-02-09 100000 on close.commonroom",
    "2025-03-01 100000 before update to version 3.commonroom",
  };

  cr_test_make_demo (f->path, 5);
  dir = cr_store_get_backup_dir (f->path);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (old); i++)
    {
      g_autofree char *p = g_build_filename (dir, old[i], NULL);

      g_assert_true (g_file_set_contents (p, "x", 1, NULL));
    }

  /* Twelve edited sessions: ten newest kept, and one a month before. */
  for (int i = 0; i < 12; i++)
    {
      g_autoptr (CrStore) store = cr_store_open (f->path,
                                                 CR_STORE_OPEN_READ_WRITE,
                                                 &error);
      g_assert_no_error (error);
      add_person (store, "Rota", "Tion");
      g_assert_true (cr_store_backup_on_close (store, 10, &error));
    }
  /* 10 recent, plus January's newest and February's newest. */
  g_assert_cmpuint (count_files (dir, " on close.commonroom"), ==, 12);
  {
    g_autofree char *jan = g_build_filename (dir, old[1], NULL);
    g_autofree char *jan_old = g_build_filename (dir, old[0], NULL);
    g_autofree char *feb = g_build_filename (dir, old[4], NULL);
    g_autofree char *update = g_build_filename (dir, old[5], NULL);

    g_assert_true (g_file_test (jan, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (jan_old, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (feb, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (update, G_FILE_TEST_EXISTS));
  }
  /* The folder is private. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (dir, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  }
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autofree char *foreign = g_build_filename (f->dir, "foreign.db", NULL);
  g_autoptr (GBytes) before = NULL;
  CrBackup *newest;
  gint64 kept_id;

  cr_test_make_demo (f->path, 10);
  {
    g_autoptr (CrStore) store = cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE,
                                               &error);
    g_assert_no_error (error);
    kept_id = add_person (store, "Kept", "Person");
    g_assert_true (cr_store_backup_on_close (store, 10, &error));
  }
  {
    /* A regretted edit after the backup. */
    g_autoptr (CrStore) store = cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE,
                                               &error);
    g_assert_no_error (error);
    add_person (store, "Regretted", "Edit");
    add_person (store, "Another", "Mistake");
  }

  backups = cr_store_list_backups (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, >=, 1);
  newest = g_ptr_array_index (backups, 0);
  g_assert_cmpstr (newest->reason, ==, "on close");
  g_assert_cmpint (newest->people, ==, 11);
  g_assert_cmpint (newest->version, ==, cr_store_get_schema_version ());

  /* Not while someone is editing it. */
  {
    g_autoptr (CrStore) writer = cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE,
                                                &error);
    g_assert_no_error (error);
    g_assert_false (cr_store_restore (f->path, newest->path, &error));
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_LOCKED);
    g_clear_error (&error);
  }

  /* Not from a file that isn't ours; the current file is untouched. */
  raw_exec (foreign, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  before = cr_test_read_bytes (f->path);
  g_assert_false (cr_store_restore (f->path, foreign, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_OURS);
  g_clear_error (&error);
  {
    g_autoptr (GBytes) after = cr_test_read_bytes (f->path);

    g_assert_true (g_bytes_equal (before, after));
  }

  g_assert_true (cr_store_restore (f->path, newest->path, &error));
  g_assert_no_error (error);
  {
    g_autoptr (CrStore) store = cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE,
                                               &error);
    g_autoptr (CrPerson) kept = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (cr_store_count_people (store, NULL), ==, 11);
    kept = cr_store_get_person (store, kept_id, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (cr_person_get_family_name (kept), ==, "Person");
  }
  g_assert_true (cr_store_verify (f->path, &error));

  /* What was there before the restore is a backup of its own. */
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = cr_store_list_backups (f->path, &error);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < backups->len; i++)
      {
        CrBackup *b = g_ptr_array_index (backups, i);

        if (g_str_equal (b->reason, "before restore"))
          {
            g_assert_cmpint (b->people, ==, 13);
            found = TRUE;
          }
      }
    g_assert_true (found);
  }
}

static void
test_one_sqlite (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *maps = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GHashTable) libraries = g_hash_table_new_full (g_str_hash,
                                                            g_str_equal,
                                                            g_free, NULL);
  g_autoptr (CrStore) store = NULL;
  g_autoptr (GError) error = NULL;

  /* Two SQLites in one process each think they alone hold a file's locks
   * and can corrupt it; the process must link exactly one. */
  store = cr_store_create (f->path, "One TRA", &error);
  g_assert_no_error (error);
  if (!g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL))
    {
      g_test_skip ("/proc/self/maps can't be read here");
      return;
    }
  lines = g_strsplit (maps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *path = strchr (lines[i], '/');

      if (path != NULL && strstr (path, "sqlite") != NULL)
        g_hash_table_add (libraries, g_strdup (path));
    }
  g_assert_cmpuint (g_hash_table_size (libraries), ==, 1);
  g_assert_cmpstr (sqlite3_libversion (), ==, SQLITE_VERSION);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = cr_test_make_tmpdir ("cr-store-home-XXXXXX");
  int ret;

  /* Automatic backups go below XDG_DATA_HOME: keep them out of the real one. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/create/reopen", test_create_and_reopen);
  ADD ("/store/create/refuses-existing", test_create_refuses_existing);
  ADD ("/store/migrate/from-v1", test_migrate_from_v1);
  ADD ("/store/refuse/random", test_refuse_random);
  ADD ("/store/refuse/foreign", test_refuse_foreign);
  ADD ("/store/refuse/newer", test_refuse_newer);
  ADD ("/store/open/checked-reader", test_checked_reader);
  ADD ("/store/refuse/truncated", test_refuse_truncated);
  ADD ("/store/refuse/damaged-page", test_refuse_damaged_page);
  ADD ("/store/lock/second-writer", test_second_writer_refused);
  ADD ("/store/durable/kill-9", test_durable_after_kill);
  ADD ("/store/backup", test_backup);
  ADD ("/store/backup/on-close", test_backup_on_close);
  ADD ("/store/backup/rotation", test_backup_rotation);
  ADD ("/store/backup/restore", test_restore);
  ADD ("/store/one-sqlite", test_one_sqlite);
  ADD ("/store/people/status", test_status);
  ADD ("/store/demo/reproducible", test_demo);
  ADD ("/store/people/model", test_people_model);
  ADD ("/store/people/search", test_people_search);
  ADD ("/store/people/household-rule", test_household_rule);
  ADD ("/store/people/conduct-and-erase", test_conduct_and_erase);

#undef ADD

  ret = g_test_run ();
  cr_test_remove_tree (home);
  return ret;
}
