/* test-privacy.c: safe keeping of personal data and of the file itself
 *
 * Formula injection in every report, a full disk during an import and a
 * backup, and subject access with erasure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* memmem(), to search binary files. */
#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cr-attendance-matrix.h"
#include "cr-demo.h"
#include "cr-store-conduct.h"
#include "cr-store-meetings.h"
#include "cr-store-money.h"
#include "cr-store-people.h"
#include "cr-store-privacy.h"
#include "cr-store-private.h"
#include "cr-store-rules.h"
#include "cr-test-util.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>

typedef struct
{
  char    *dir;
  char    *path;
  CrStore *store;
  gint64   group;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = cr_test_make_tmpdir ("cr-privacy-XXXXXX");
  f->path = g_build_filename (f->dir, "test.commonroom", NULL);
  f->store = cr_store_create (f->path, "Privacy TRA", &error);
  g_assert_no_error (error);
  f->group = cr_store_get_association_group (f->store);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  cr_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Every sheet's XML of a workbook, through the Python that has zipfile (as
 * tests/read-xlsx.py is run), concatenated. */
static char *
sheets_xml (const char *xlsx)
{
  const char *argv[] = {
    "/usr/bin/python3", "-c",
    "import sys, zipfile\n"
    "z = zipfile.ZipFile(sys.argv[1])\n"
    "for n in sorted(z.namelist()):\n"
    "    if n.startswith('xl/worksheets/') and n.endswith('.xml') or n == "
    "'xl/sharedStrings.xml':\n"
    "        sys.stdout.write(z.read(n).decode('utf-8'))\n",
    xlsx, NULL
  };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int   status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  return out;
}

/* Texts a spreadsheet would take for a formula, or for the start of one. */
static const char *const injections[] = {
  "=HYPERLINK(\"http://example.invalid\",\"click\")",
  "+44 7700 900123",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
};

static const char *
injection (guint i)
{
  return injections[i % G_N_ELEMENTS (injections)];
}

static gint64
add_injected_person (Fixture *f, guint i)
{
  g_autoptr (CrPerson) person = cr_person_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *family = g_strdup_printf ("%sFamily%u", injection (i), i);
  gint64           id;

  cr_person_set_given_name (person, injection (i + 1));
  cr_person_set_family_name (person, family);
  cr_person_set_address (person, injection (i + 2));
  cr_person_set_block (person, injection (i + 3));
  cr_person_set_phone (person, "+44 7700 900123");
  cr_person_set_notes (person, injection (i + 4));
  id = cr_store_add_person (f->store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Fills the file with every free-text field starting with a formula
 * character: people, a group, a meeting, its agenda, minutes and actions. */
static void
fill_injected (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  CrMeeting    meeting = { 0 };
  CrAgendaItem item = { 0 };
  CrAction     action = { 0 };
  gint64       people[6];
  gint64       meeting_id, item_id, group;

  group = cr_store_add_group (f->store, "=Panel", CR_GROUP_KIND_PANEL, f->group,
                              &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      people[i] = add_injected_person (f, i);
      cr_store_add_membership (f->store, people[i], group, CR_MEMBERSHIP_VOTING,
                               "2026-01-01", &error);
      g_assert_no_error (error);
    }

  meeting.group_id = group;
  meeting.date = "2026-03-10";
  meeting.venue = (char *) injection (0);
  meeting.notes = (char *) injection (3);
  meeting.status = CR_MEETING_STATUS_HELD;
  meeting_id = cr_store_add_meeting (f->store, &meeting, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      cr_store_set_attendance (f->store, meeting_id, people[i],
                               CR_ATTENDANCE_PRESENT + i % 3,
                               CR_ATTENDEE_MEMBER, &error);
      g_assert_no_error (error);
    }

  item.meeting_id = meeting_id;
  item.title = (char *) injection (1);
  item.minutes = (char *) injection (2);
  item_id = cr_store_add_agenda_item (f->store, &item, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (injections); i++)
    {
      gint64 action_id;

      action.meeting_id = meeting_id;
      action.item_id = item_id;
      action.description = (char *) injection (i);
      action.owner_person_id = i % 2 == 0 ? people[i] : 0;
      action.owner_text = i % 2 == 0 ? NULL : (char *) injection (i + 1);
      action.due_date = "2026-04-01";
      action_id = cr_store_add_action (f->store, &action, &error);
      g_assert_no_error (error);
      cr_store_update_action (f->store, action_id, CR_ACTION_DONE,
                              injection (i + 2), "2026-03-20", &error);
      g_assert_no_error (error);
    }
}

/* An app's own formula sums or counts cells of its sheet: upper-case
 * function names, cell references, operators and quoted letters for
 * COUNTIF. Text a user typed ("=HYPERLINK(…)", "-2+3+cmd|…", "+44 7700
 * 900123", "@SUM(1+1)", "1+1") has a space, lower case, a '|', an '@' or no
 * cell reference at all. */
static gboolean
is_own_formula (const char *f, gsize len)
{
  g_autofree char *text = g_strndup (f, len);
  g_autoptr (GString) bare = g_string_new (NULL);
  gboolean has_reference = FALSE;
  gboolean number = len > 0;

  /* No text the test typed, in any form, is ever part of a formula. */
  if (strstr (text, "cmd") != NULL || strstr (text, "HYPERLINK") != NULL ||
      strstr (text, "1+1") != NULL || strstr (text, "7700") != NULL ||
      strstr (text, "2+3") != NULL)
    return FALSE;

  /* What the formula says outside its quoted strings ("Yes") and quoted
   * sheet names ('Membership'!): XML escapes them as &quot; and &apos;
   * only sometimes, so both spellings are skipped. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\'')
        {
          const char *end = strchr (p + 1, *p);

          if (end == NULL)
            return FALSE;
          p = end;
          continue;
        }
      if (g_str_has_prefix (p, "&quot;") || g_str_has_prefix (p, "&apos;"))
        {
          const char *end = strstr (p + 6, p[1] == 'q' ? "&quot;" : "&apos;");

          if (end == NULL)
            return FALSE;
          p = end + 5;
          continue;
        }
      g_string_append_c (bare, *p);
    }

  for (gsize i = 0; i < bare->len; i++)
    {
      char c = bare->str[i];

      /* A1, or $A$1. */
      if (g_ascii_isupper (c) && i + 1 < bare->len &&
          (g_ascii_isdigit (bare->str[i + 1]) ||
           (bare->str[i + 1] == '$' && i + 2 < bare->len &&
            g_ascii_isdigit (bare->str[i + 2]))))
        has_reference = TRUE;
      if (!g_ascii_isdigit (c) && c != '.')
        number = FALSE;
      if (!(g_ascii_isupper (c) || g_ascii_isdigit (c) ||
            strchr ("$:+-*/(),.!&;", c) != NULL))
        return FALSE;
    }
  /* Never a function that reaches outside the workbook. */
  if (strstr (bare->str, "WEBSERVICE") != NULL ||
      strstr (bare->str, "DDE") != NULL)
    return FALSE;
  /* A sum or count over cells, a reference to one, or a plain number. */
  return has_reference || number;
}

/* Checks that every formula in @xml is one of the app's own. */
static void
assert_only_own_formulas (const char *report, const char *xml)
{
  const char *p = xml;
  guint       n_formulas = 0, n_bad = 0;

  while ((p = strstr (p, "<f>")) != NULL)
    {
      const char *end;

      p += 3;
      end = strstr (p, "</f>");
      g_assert_nonnull (end);
      n_formulas++;
      if (!is_own_formula (p, end - p))
        {
          g_autofree char *what = g_strndup (p, end - p);

          g_test_message ("%s: a formula that is not the app's own: %s", report,
                          what);
          n_bad++;
        }
    }
  g_test_message ("%s: %u formulas, %u not the app's own", report, n_formulas,
                  n_bad);
  g_assert_cmpuint (n_bad, ==, 0);
  /* A formula written as <f t="...">, or with attributes, counts too. */
  g_assert_null (strstr (xml, "<f "));
}

typedef struct
{
  const char *report; /* the name `export` takes */
  const char *extra;  /* one more argument it needs, or NULL */
  const char *extra2;
} ExportCase;

/* One line a report: a new report joins the test by adding its line. */
/* clang-format off */
static const ExportCase export_cases[] = {
  { "members", NULL, NULL },
  { "attendance", "--group", "=Panel" },
  { "actions", NULL, NULL },
  { "grants", NULL, NULL },
  { "training", NULL, NULL },
  { "workplan", NULL, NULL },
  { "annual", "--year", "2026" },
};
/* clang-format on */

static gboolean
cli_knows_report (Fixture *f, const char *report)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int              status =
      cr_test_run_cli (&out, &err, f->path, "export", report, "--help", NULL);

  return status == 0;
}

static void
test_formula_injection (Fixture *f, gconstpointer data)
{
  guint n_checked = 0;

  /* The check itself would catch each text had it become a formula. */
  for (guint i = 0; i < G_N_ELEMENTS (injections); i++)
    {
      const char *t = injections[i] + strspn (injections[i], "\t\r=");

      g_assert_false (is_own_formula (t, strlen (t)));
    }
  g_assert_true (is_own_formula ("SUM(D5:D9)", 10));

  fill_injected (f);
  g_clear_object (&f->store);

  for (guint i = 0; i < G_N_ELEMENTS (export_cases); i++)
    {
      const ExportCase *c = &export_cases[i];
      g_autofree char  *name = g_strdup_printf ("%s.xlsx", c->report);
      g_autofree char  *output = g_build_filename (f->dir, name, NULL);
      g_autofree char  *out = NULL;
      g_autofree char  *err = NULL;
      g_autofree char  *xml = NULL;
      int               status;

      /* Reports still being built by others join once `export` knows them. */
      if (!cli_knows_report (f, c->report))
        {
          g_test_message ("export %s: not there yet, skipped", c->report);
          continue;
        }

      status = cr_test_run_cli (&out, &err, f->path, "export", c->report,
                                "--output", output, c->extra, c->extra2, NULL);
      if (status != 0)
        g_test_message ("export %s: %s", c->report, err);
      g_assert_cmpint (status, ==, 0);

      xml = sheets_xml (output);
      assert_only_own_formulas (c->report, xml);
      n_checked++;
    }

  /* Subject access writes every column as the file holds it: the person's
   * injected texts come out as text too. */
  {
    g_autofree char *output = g_build_filename (f->dir, "subject.xlsx", NULL);
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *xml = NULL;

    g_assert_cmpint (cr_test_run_cli (&out, &err, f->path, "subject-access",
                                      "1", "--output", output, NULL),
                     ==, 0);
    xml = sheets_xml (output);
    assert_only_own_formulas ("subject-access", xml);
    g_assert_nonnull (strstr (xml, "Family0"));
    n_checked++;
  }

  /* The texts themselves are in the reports, as text: they were not
   * dropped to make the test pass. */
  {
    g_autofree char *output = g_build_filename (f->dir, "members.xlsx", NULL);
    g_autofree char *xml = sheets_xml (output);

    g_assert_nonnull (strstr (xml, "=HYPERLINK("));
    g_assert_nonnull (strstr (xml, "@SUM(1+1)"));
    g_assert_nonnull (strstr (xml, "-2+3+cmd"));
  }
  {
    g_autofree char *output = g_build_filename (f->dir, "actions.xlsx", NULL);
    g_autofree char *xml = sheets_xml (output);

    g_assert_nonnull (strstr (xml, "=HYPERLINK("));
  }
  g_assert_cmpuint (n_checked, >=, 3);
}

/* Runs @argv with a limit on the size of any file it writes, as a full
 * disk would stop it; SIGXFSZ is ignored so the write fails with EFBIG
 * instead of killing the process. */
static int
run_with_write_limit (const char *const *argv, rlim_t limit, char **err)
{
  int   pipe_fds[2];
  pid_t pid;
  int   status;
  g_autoptr (GString) text = g_string_new (NULL);
  char    buf[512];
  ssize_t got;

  g_assert_cmpint (pipe (pipe_fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct rlimit rl = { limit, limit };

      dup2 (pipe_fds[1], STDERR_FILENO);
      close (pipe_fds[0]);
      close (pipe_fds[1]);
      signal (SIGXFSZ, SIG_IGN);
      if (setrlimit (RLIMIT_FSIZE, &rl) != 0)
        _exit (99);
      execv (argv[0], (char **) argv);
      _exit (98);
    }
  close (pipe_fds[1]);
  while ((got = read (pipe_fds[0], buf, sizeof buf)) > 0)
    g_string_append_len (text, buf, got);
  close (pipe_fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  *err = g_strdup (text->str);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return -1;
  return st.st_size;
}

static void
test_disk_full_import (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) csv = g_string_new ("Name,Address,Postcode,Email\n");
  g_autofree char *csv_path = g_build_filename (f->dir, "many.csv", NULL);
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err2 = NULL;
  const char      *cli = g_getenv ("CR_CLI");
  gint64           before, after;
  goffset          size;
  int              status;

  for (guint i = 0; i < 3; i++)
    add_injected_person (f, i);
  before = cr_store_count_people (f->store, &error);
  g_assert_no_error (error);
  g_clear_object (&f->store);

  /* Enough people that the import writes far more than the limit allows. */
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (csv,
                            "Resident %u Example,%u Meadowbank Road,"
                            "AB1 2CD,resident%u@example.org\n",
                            i, i, i);
  g_file_set_contents (csv_path, csv->str, csv->len, &error);
  g_assert_no_error (error);

  size = file_size (f->path);
  g_assert_cmpint (size, >, 0);
  {
    const char *argv[] = { cli,       "--file", f->path, "import",
                           "members", csv_path, NULL };

    status = run_with_write_limit (argv, size + 64 * 1024, &err);
  }
  g_test_message ("import under a write limit: %s", err);
  g_assert_cmpint (status, ==, 1);
  g_assert_true (g_str_has_prefix (err, "commonroom-cli: "));
  g_assert_nonnull (strstr (err, "disk is full"));
  g_assert_null (strstr (err, "Sanitizer"));

  /* Nothing half-imported, and the file is sound. */
  f->store = cr_store_open (f->path, CR_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  after = cr_store_count_people (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after, ==, before);
  g_clear_object (&f->store);
  g_assert_cmpint (cr_test_run_cli (&out, &err2, f->path, "verify", NULL), ==,
                   0);

  /* With room to write, the same import goes through. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err2, g_free);
  g_assert_cmpint (cr_test_run_cli (&out, &err2, f->path, "import", "members",
                                    csv_path, NULL),
                   ==, 0);
}

static GPtrArray *
list_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  GPtrArray  *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  return names;
}

static void
test_disk_full_backup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) previous = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autofree char *backups = cr_store_get_backup_dir (f->path);
  g_autofree char *first = NULL;
  int              pipe_fds[2];
  pid_t            pid;
  int              status;
  char             message[1024] = { 0 };
  ssize_t          got;

  /* A file with some weight, and one good backup of it. */
  for (guint i = 0; i < 200; i++)
    add_injected_person (f, i);
  g_assert_true (cr_store_backup_on_close (f->store, 10, &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);

  before = list_dir (backups);
  g_assert_cmpuint (before->len, ==, 1);
  first = g_build_filename (backups, g_ptr_array_index (before, 0), NULL);
  previous = cr_test_read_bytes (first);

  /* A later session edits and closes on a full disk: the backup it tries
   * to make can't be written. */
  g_assert_cmpint (pipe (pipe_fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr (CrStore) store = NULL;
      g_autoptr (GError) child_error = NULL;
      struct rlimit rl;
      int           code;

      close (pipe_fds[0]);
      store = cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE, &child_error);
      if (store == NULL)
        _exit (97);
      add_injected_person (&(Fixture){ .store = store }, 1);
      /* The edit is in; now the disk fills up. */
      rl.rlim_cur = rl.rlim_max = (rlim_t) g_bytes_get_size (previous) / 2;
      signal (SIGXFSZ, SIG_IGN);
      if (setrlimit (RLIMIT_FSIZE, &rl) != 0)
        _exit (99);
      if (cr_store_backup_on_close (store, 10, &child_error))
        _exit (96);
      code = child_error->code;
      if (write (pipe_fds[1], child_error->message,
                 strlen (child_error->message)) < 0)
        _exit (95);
      close (pipe_fds[1]);
      /* Skip the store's own clean-up: a crash right here is the case. */
      _exit (code == CR_STORE_ERROR_NO_SPACE ? 0 : 10 + code);
    }
  close (pipe_fds[1]);
  got = read (pipe_fds[0], message, sizeof message - 1);
  close (pipe_fds[0]);
  g_assert_cmpint (got, >, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_test_message ("backup on a full disk: %s", message);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_nonnull (strstr (message, "disk is full"));

  /* The previous backup is intact and no half-written one sits beside it. */
  after = list_dir (backups);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (after, 0), ==,
                   g_ptr_array_index (before, 0));
  {
    g_autoptr (GBytes) now = cr_test_read_bytes (first);

    g_assert_true (g_bytes_equal (now, previous));
  }
  cr_store_verify (first, &error);
  g_assert_no_error (error);
  /* And the edit made before the disk filled is in the file. */
  f->store = cr_store_open (f->path, CR_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_count_people (f->store, &error), ==, 201);
}

/* What read-xlsx.py (openpyxl, an independent reader) finds in a workbook. */
static JsonObject *
read_xlsx (const char *path, JsonParser **parser_out)
{
  g_autofree char *script =
      g_test_build_filename (G_TEST_DIST, "read-xlsx.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonParser      *parser;
  int              status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                &err, &status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("read-xlsx.py: %s", err);
  parser = json_parser_new ();
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  *parser_out = parser;
  return json_node_get_object (json_parser_get_root (parser));
}

static const char *
cell_text (JsonObject *sheet, const char *ref)
{
  JsonObject *cells = json_object_get_object_member (sheet, "cells");
  JsonObject *cell;
  JsonNode   *value;

  if (!json_object_has_member (cells, ref))
    return NULL;
  cell = json_object_get_object_member (cells, ref);
  value = json_object_get_member (cell, "value");
  return JSON_NODE_HOLDS_VALUE (value) &&
                 json_node_get_value_type (value) == G_TYPE_STRING
             ? json_node_get_string (value)
             : NULL;
}

static char *
column_ref (guint col, guint row)
{
  GString *letters = g_string_new (NULL);

  col++;
  while (col > 0)
    {
      g_string_prepend_c (letters, 'A' + (col - 1) % 26);
      col = (col - 1) / 26;
    }
  g_string_append_printf (letters, "%u", row);
  return g_string_free (letters, FALSE);
}

static GPtrArray *
table_columns (sqlite3 *db, const char *table)
{
  GPtrArray    *names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM pragma_table_info(?1) "
                                       "ORDER BY cid",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names,
                     g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return names;
}

static gint64
count_where (sqlite3 *db, const char *table, const char *column, gint64 id)
{
  char *sql = sqlite3_mprintf ("SELECT count(*) FROM \"%w\" WHERE \"%w\" = ?1",
                               table, column);
  sqlite3_stmt *stmt;
  gint64        n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_free (sql);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static JsonObject *
sheet_titled (JsonObject *book, const char *title)
{
  JsonObject *sheets = json_object_get_object_member (book, "sheets");
  g_autoptr (GList) names = json_object_get_members (sheets);

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *sheet = json_object_get_object_member (sheets, l->data);

      if (g_strcmp0 (cell_text (sheet, "A1"), title) == 0)
        return sheet;
    }
  return NULL;
}

static gsize
count_in_file (const char *path, const char *needle)
{
  g_autofree char *data = NULL;
  gsize            len = 0, n = 0, nlen = strlen (needle);

  if (!g_file_get_contents (path, &data, &len, NULL))
    return 0;
  for (const char *p = data;
       len >= nlen && (p = memmem (p, len - (p - data), needle, nlen)) != NULL;
       p += nlen)
    n++;
  return n;
}

static gint64
add_named (Fixture    *f,
           const char *given,
           const char *family,
           const char *email,
           const char *phone)
{
  g_autoptr (CrPerson) person = cr_person_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  cr_person_set_given_name (person, given);
  cr_person_set_family_name (person, family);
  cr_person_set_email (person, email);
  cr_person_set_phone (person, phone);
  cr_person_set_address (person, "Flat 7, Lantern House");
  id = cr_store_add_person (f->store, person, &error);
  g_assert_no_error (error);
  cr_store_add_membership (f->store, id, f->group, CR_MEMBERSHIP_VOTING,
                           "2015-05-01", &error);
  g_assert_no_error (error);
  return id;
}

static void
test_subject_access (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "subject.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "subject.pdf", NULL);
  g_autofree char *backup = g_build_filename (f->dir, "after.commonroom", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *id_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *xml = NULL;
  CrDemoOptions    options = { .members = 40, .seed = 3, .meetings = 12 };
  CrExpenseClaim   claim = { 0 };
  CrMeeting        meeting = { 0 };
  CrAction         action = { 0 };
  JsonObject      *book, *person_sheet;
  gint64           ottoline, zebedee, meeting_id, claim_id;
  gint64           attended_before, claimed_before, people_before;
  sqlite3         *db = NULL;
  sqlite3_stmt    *stmt;
  guint            n_tables = 0;

  g_assert_true (cr_demo_fill (f->store, &options, &error));
  g_assert_no_error (error);

  /* Two people whose records cross: each approved the other's claim, both
   * were at one meeting, one owns an action. */
  ottoline = add_named (f, "Ottoline", "Marchbanks",
                        "ottoline.marchbanks@example.org", "07700 900461");
  zebedee = add_named (f, "Zebedee", "Quillfeather",
                       "zebedee.quillfeather@example.org", "07700 900982");
  meeting.group_id = f->group;
  meeting.date = "2026-06-02";
  meeting.status = CR_MEETING_STATUS_HELD;
  meeting_id = cr_store_add_meeting (f->store, &meeting, &error);
  g_assert_no_error (error);
  cr_store_set_attendance (f->store, meeting_id, ottoline,
                           CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER, &error);
  g_assert_no_error (error);
  cr_store_set_attendance (f->store, meeting_id, zebedee,
                           CR_ATTENDANCE_APOLOGIES, CR_ATTENDEE_MEMBER, &error);
  g_assert_no_error (error);
  action.meeting_id = meeting_id;
  action.description = "Ask the housing officer about the lift";
  action.owner_person_id = ottoline;
  action.due_date = "2026-07-01";
  cr_store_add_action (f->store, &action, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      claim.person_id = i == 0 ? ottoline : zebedee;
      claim.kind = CR_CLAIM_TRAVEL;
      claim.description = i == 0 ? "Bus to the council offices" : "Taxi home";
      claim.amount = 340 + i;
      claim.submitted_on = "2026-06-03";
      claim_id = cr_store_add_claim (f->store, &claim, &error);
      g_assert_no_error (error);
      cr_store_approve_claim (f->store, claim_id, "2026-06-10",
                              i == 0 ? zebedee : ottoline, &error);
      g_assert_no_error (error);
    }
  g_clear_object (&f->store);

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, ottoline);
  g_assert_cmpint (cr_test_run_cli (&out, &err, f->path, "subject-access",
                                    id_text, "--output", xlsx, NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cr_test_run_cli (&out, &err, f->path, "subject-access",
                                    id_text, "--output", pdf, NULL),
                   ==, 0);
  g_assert_cmpint (count_in_file (pdf, "%PDF"), >=, 1);

  book = read_xlsx (xlsx, &parser);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL),
                   ==, SQLITE_OK);

  /* Every column of people, one a row, with the person's values. */
  person_sheet = json_object_get_object_member (
      json_object_get_object_member (book, "sheets"), "Person");
  g_assert_nonnull (person_sheet);
  {
    g_autoptr (GPtrArray) columns = table_columns (db, "people");

    for (guint i = 0; i < columns->len; i++)
      {
        g_autofree char *ref = column_ref (0, 5 + i);

        g_assert_cmpstr (cell_text (person_sheet, ref), ==, columns->pdata[i]);
      }
    g_assert_null (cell_text (person_sheet, "A" G_STRINGIFY (200)));
  }

  /* Every table with a key to people and rows for her: a sheet with every
   * column of PRAGMA table_info and exactly her rows. */
  g_assert_cmpint (
      sqlite3_prepare_v2 (
          db,
          "SELECT m.name, k.\"from\" FROM sqlite_schema m, "
          "pragma_foreign_key_list(m.name) k WHERE m.type = 'table' "
          "AND k.\"table\" = 'people' AND m.name <> 'people'",
          -1, &stmt, NULL),
      ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      const char *via = (const char *) sqlite3_column_text (stmt, 1);
      gint64      rows = count_where (db, table, via, ottoline);
      g_autoptr (GPtrArray) columns = NULL;
      g_autofree char *heading = NULL;
      g_autofree char *title = NULL;
      JsonObject      *sheet;

      heading = g_strdup (table);
      g_strdelimit (heading, "_", ' ');
      heading[0] = g_ascii_toupper (heading[0]);
      title = g_strdup_printf ("%s (by %s)", heading, via);
      sheet = sheet_titled (book, title);
      if (rows == 0)
        {
          g_assert_null (sheet);
          continue;
        }
      g_test_message ("%s: %" G_GINT64_FORMAT " rows", title, rows);
      g_assert_nonnull (sheet);
      n_tables++;
      columns = table_columns (db, table);
      for (guint c = 0; c < columns->len; c++)
        {
          g_autofree char *ref = column_ref (c, 4);

          g_assert_cmpstr (cell_text (sheet, ref), ==, columns->pdata[c]);
        }
      {
        g_autofree char *last = column_ref (0, 4 + rows);
        g_autofree char *beyond = column_ref (0, 5 + rows);

        g_assert_nonnull (cell_text (sheet, last));
        g_assert_null (cell_text (sheet, beyond));
      }
    }
  sqlite3_finalize (stmt);
  /* Memberships, attendance, actions and both sides of the claims. */
  g_assert_cmpuint (n_tables, >=, 5);

  /* Nothing of anyone else: not the other person of her records, nor any
   * other person's contact details. */
  xml = sheets_xml (xlsx);
  g_assert_null (strstr (xml, "Quillfeather"));
  g_assert_null (strstr (xml, "zebedee"));
  g_assert_null (strstr (xml, "900982"));
  g_assert_null (strstr (xml, "Taxi home"));
  g_assert_nonnull (strstr (xml, "Marchbanks"));
  g_assert_nonnull (strstr (xml, "Bus to the council offices"));
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT email, phone FROM people "
                                       "WHERE id <> ?1",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, ottoline);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < 2; c++)
      {
        const char *text = (const char *) sqlite3_column_text (stmt, c);

        if (text != NULL && *text != '\0')
          g_assert_null (strstr (xml, text));
      }
  sqlite3_finalize (stmt);

  attended_before = count_where (db, "attendance", "person_id", ottoline);
  claimed_before = count_where (db, "expense_claims", "person_id", ottoline);
  sqlite3_close (db);
  db = NULL;
  {
    g_autoptr (CrStore) store =
        cr_store_open (f->path, CR_STORE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    people_before = cr_store_count_people (store, &error);
  }

  /* Erasure: her name and contact details are in none of the file, its
   * WAL (checkpointed) or a backup made afterwards. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (
      cr_test_run_cli (&out, &err, f->path, "erase", id_text, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (
      cr_test_run_cli (&out, &err, f->path, "backup", "--output", backup, NULL),
      ==, 0);
  {
    const char *const secrets[] = { "Marchbanks", "Ottoline",
                                    "ottoline.marchbanks@example.org",
                                    "07700 900461" };
    const char *const files[] = { f->path, wal, backup };

    for (guint s = 0; s < G_N_ELEMENTS (secrets); s++)
      for (guint i = 0; i < G_N_ELEMENTS (files); i++)
        {
          gsize n = count_in_file (files[i], secrets[s]);

          if (n != 0)
            g_test_message ("“%s” still in %s %" G_GSIZE_FORMAT " times",
                            secrets[s], files[i], n);
          g_assert_cmpuint (n, ==, 0);
        }
    /* The other person is untouched. */
    g_assert_cmpuint (count_in_file (backup, "Quillfeather"), >, 0);
  }

  /* Counts and totals as they were. */
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (count_where (db, "attendance", "person_id", ottoline), ==,
                   attended_before);
  g_assert_cmpint (count_where (db, "expense_claims", "person_id", ottoline),
                   ==, claimed_before);
  sqlite3_close (db);
  {
    g_autoptr (CrStore) store =
        cr_store_open (f->path, CR_STORE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_cmpint (cr_store_count_people (store, &error), ==, people_before);
  }
}

static void
raw_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char    *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gboolean
person_consents (CrStore *store, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrPerson) person = cr_store_get_person (store, id, NULL, &error);

  g_assert_no_error (error);
  return cr_person_get_consent_to_contact (person);
}

/* Consent as a record: carried over from the old column, given and
 * withdrawn, and always agreeing with the person's "consent to contact". */
static void
test_consent (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (CrPerson) person = NULL;
  CrConsent  photos = { 0 };
  CrConsent *contact;
  gint64     id, photos_id;

  /* A file from before consent records: one person agreed, one did not. */
  g_clear_object (&f->store);
  g_unlink (f->path);
  _cr_store_create_at_version (f->path, "Old Estate TRA", 7, &error);
  g_assert_no_error (error);
  raw_exec (f->path, "INSERT INTO people (given_name, family_name, sort_key, "
                     "consent_to_contact, consent_date) VALUES "
                     "('Kwame', 'Mensah', 'mensah kwame', 1, '2024-03-02'),"
                     "('Ada', 'Obi', 'obi ada', 0, NULL)");
  f->store = cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  list = cr_store_list_consents (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  contact = g_ptr_array_index (list, 0);
  g_assert_cmpint (contact->purpose, ==, CR_CONSENT_CONTACT);
  g_assert_cmpint (contact->method, ==, CR_CONSENT_BY_UNKNOWN);
  g_assert_cmpstr (contact->given_on, ==, "2024-03-02");
  g_assert_null (contact->withdrawn_on);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cr_store_list_consents (f->store, 2, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Ada agrees to photographs, verbally: not to be contacted. */
  photos.person_id = 2;
  photos.purpose = CR_CONSENT_PHOTOS;
  photos.method = CR_CONSENT_BY_VERBAL;
  photos.given_on = "2026-02-01";
  photos_id = cr_store_add_consent (f->store, &photos, &error);
  g_assert_no_error (error);
  g_assert_cmpint (photos_id, >, 0);
  g_assert_false (person_consents (f->store, 2));

  /* Then by email, to be contacted by email: now she may be. */
  photos.purpose = CR_CONSENT_CONTACT_EMAIL;
  photos.method = CR_CONSENT_BY_EMAIL;
  id = cr_store_add_consent (f->store, &photos, &error);
  g_assert_no_error (error);
  g_assert_true (person_consents (f->store, 2));

  /* A withdrawal before the consent was given is refused and changes
   * nothing; so is a date that isn't one; a later date ends her consent. */
  g_assert_false (
      cr_store_withdraw_consent (f->store, id, "2026-01-01", &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (person_consents (f->store, 2));
  g_assert_false (
      cr_store_withdraw_consent (f->store, id, "2026-02-31", &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (
      cr_store_withdraw_consent (f->store, id, "2026-04-01", &error));
  g_assert_no_error (error);
  g_assert_false (person_consents (f->store, 2));
  /* Withdrawn once is withdrawn. */
  g_assert_false (
      cr_store_withdraw_consent (f->store, id, "2026-05-01", &error));
  g_clear_error (&error);
  list = cr_store_list_consents (f->store, 2, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The switch in the person editor keeps a record too: turned off it
   * withdraws, turned on it records a new consent. */
  person = cr_store_get_person (f->store, 1, NULL, &error);
  g_assert_no_error (error);
  cr_person_set_consent (person, FALSE, NULL);
  g_assert_true (cr_store_update_person (f->store, person, &error));
  g_assert_no_error (error);
  list = cr_store_list_consents (f->store, 1, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_nonnull (((CrConsent *) g_ptr_array_index (list, 0))->withdrawn_on);
  g_clear_pointer (&list, g_ptr_array_unref);
  cr_person_set_consent (person, TRUE, "2026-06-01");
  g_assert_true (cr_store_update_person (f->store, person, &error));
  list = cr_store_list_consents (f->store, 1, &error);
  g_assert_cmpuint (list->len, ==, 2);
  contact = g_ptr_array_index (list, 1);
  g_assert_cmpstr (contact->given_on, ==, "2026-06-01");
  g_assert_cmpint (contact->method, ==, CR_CONSENT_BY_FORM);
  g_assert_true (person_consents (f->store, 1));

  /* A new person added with consent gets the record at once. */
  {
    g_autoptr (CrPerson) added = cr_person_new ();
    gint64 new_id;

    cr_person_set_given_name (added, "Lin");
    cr_person_set_family_name (added, "Zhou");
    cr_person_set_consent (added, TRUE, "2026-07-07");
    new_id = cr_store_add_person (f->store, added, &error);
    g_assert_no_error (error);
    g_clear_pointer (&list, g_ptr_array_unref);
    list = cr_store_list_consents (f->store, new_id, &error);
    g_assert_cmpuint (list->len, ==, 1);
  }

  g_clear_object (&f->store);
  cr_store_verify (f->path, &error);
  g_assert_no_error (error);
}

/* Runs the CLI on the fixture's file, forgetting what it printed. */
static int
cli (Fixture *f, const char *first, ...)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list          args;
  int              status;

  va_start (args, first);
  status = cr_test_run_cli_va (&out, &err, f->path, first, args);
  va_end (args);
  if (status != 0)
    g_test_message ("%s: %s", first, err);
  return status;
}

static guint
count_consents (Fixture *f, gint64 person)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list =
      cr_store_list_consents (f->store, person, &error);

  g_assert_no_error (error);
  return list->len;
}

/* `consent list|give|withdraw`: the dialog's records from the command
 * line, every bad input refused in words with nothing changed. */
static void
test_consent_cli (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id_text = NULL;
  JsonArray       *list;
  JsonObject      *o;
  gint64           id;

  id = add_named (f, "Ngozi", "Adeyemi", "ngozi@example.org", NULL);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_clear_object (&f->store);

  /* Given on paper, in UK form; then by email, in ISO form. */
  g_assert_cmpint (cr_test_run_cli (&out, &err, f->path, "consent", "give",
                                    id_text, "photos", "--how", "form", "--on",
                                    "14/03/2026", "--notes", "Membership form",
                                    NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "Ngozi Adeyemi"));
  g_assert_cmpint (cli (f, "consent", "give", id_text, "contact-email", "--how",
                        "email", "--on", "2026-03-20", NULL),
                   ==, 0);

  /* Bad dates, an unknown person, purpose or way: refused, nothing added. */
  g_assert_cmpint (cr_test_run_cli (&out, &err, f->path, "consent", "give",
                                    id_text, "photos", "--on", "31/02/2026",
                                    NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "February 2026 has no 31st"));
  g_assert_cmpint (cr_test_run_cli (&out, &err, f->path, "consent", "give",
                                    id_text, "photos", "--on", "01/01/2027",
                                    NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "after today"));
  g_assert_cmpint (
      cli (f, "consent", "give", id_text, "photos", "--on", "yesterday", NULL),
      ==, 1);
  g_assert_cmpint (cr_test_run_cli (&out, &err, f->path, "consent", "give",
                                    "9999", "photos", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "no person number 9999"));
  g_assert_cmpint (cli (f, "consent", "give", id_text, "sweets", NULL), ==, 2);
  g_assert_cmpint (
      cli (f, "consent", "give", id_text, "photos", "--how", "unknown", NULL),
      ==, 2);
  g_assert_cmpint (cli (f, "consent", "give", "Ngozi", "photos", NULL), ==, 2);
  g_assert_cmpint (cli (f, "consent", "give", id_text, NULL), ==, 2);
  g_assert_cmpint (cli (f, "consent", "list", "9999", NULL), ==, 1);

  /* Withdrawing what was never given, or before it was given, is
   * refused; the photograph consent withdrawn on a date is. */
  g_assert_cmpint (cr_test_run_cli (&out, &err, f->path, "consent", "withdraw",
                                    id_text, "share-landlord", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "never given"));
  g_assert_cmpint (cli (f, "consent", "withdraw", id_text, "photos", "--on",
                        "01/03/2026", NULL),
                   ==, 1);
  g_assert_cmpint (cli (f, "consent", "withdraw", id_text, "photos", "--on",
                        "30/02/2026", NULL),
                   ==, 1);
  g_assert_cmpint (cli (f, "consent", "withdraw", "9999", "photos", NULL), ==,
                   1);
  g_assert_cmpint (cli (f, "consent", "withdraw", id_text, "photos", "--on",
                        "01/10/2026", NULL),
                   ==, 0);
  /* Withdrawn once is withdrawn. */
  g_assert_cmpint (cli (f, "consent", "withdraw", id_text, "photos", NULL), ==,
                   1);

  /* The list, as JSON, says exactly that. */
  g_assert_cmpint (cr_test_run_cli (&out, &err, f->path, "consent", "list",
                                    id_text, "--json", NULL),
                   ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  list = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  o = json_array_get_object_element (list, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "purpose"), ==, "photos");
  g_assert_cmpstr (json_object_get_string_member (o, "method"), ==, "form");
  g_assert_cmpstr (json_object_get_string_member (o, "given_on"), ==,
                   "2026-03-14");
  g_assert_cmpstr (json_object_get_string_member (o, "withdrawn_on"), ==,
                   "2026-10-01");
  g_assert_false (json_object_get_boolean_member (o, "in_force"));
  g_assert_cmpstr (json_object_get_string_member (o, "notes"), ==,
                   "Membership form");
  o = json_array_get_object_element (list, 1);
  g_assert_cmpstr (json_object_get_string_member (o, "purpose"), ==,
                   "contact-email");
  g_assert_cmpstr (json_object_get_string_member (o, "method"), ==, "email");
  g_assert_true (json_object_get_boolean_member (o, "in_force"));
  g_assert_true (json_object_get_null_member (o, "withdrawn_on"));

  /* The store agrees, and email consent is consent to be contacted. */
  f->store = cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_consents (f, id), ==, 2);
  g_assert_true (person_consents (f->store, id));

  /* The text list names the purposes and what is in force. */
  g_assert_cmpint (
      cr_test_run_cli (&out, &err, f->path, "consent", "list", id_text, NULL),
      ==, 0);
  g_assert_nonnull (strstr (out, "contact-email"));
  g_assert_nonnull (strstr (out, "01/10/2026"));
  g_assert_nonnull (strstr (out, "in force"));
}

static void
give (Fixture         *f,
      gint64           person,
      CrConsentPurpose purpose,
      const char      *given_on,
      const char      *withdrawn_on)
{
  g_autoptr (GError) error = NULL;
  CrConsent consent = { 0 };

  consent.person_id = person;
  consent.purpose = purpose;
  consent.method = CR_CONSENT_BY_FORM;
  consent.given_on = (char *) given_on;
  consent.withdrawn_on = (char *) withdrawn_on;
  cr_store_add_consent (f->store, &consent, &error);
  g_assert_no_error (error);
}

/* The row of the register whose column A reads @family, or 0. */
static guint
register_row (JsonObject *sheet, const char *family)
{
  for (guint row = 5; row < 100; row++)
    {
      g_autofree char *ref = g_strdup_printf ("A%u", row);

      if (g_strcmp0 (cell_text (sheet, ref), family) == 0)
        return row;
    }
  return 0;
}

static const char *
cell_at (JsonObject *sheet, char col, guint row)
{
  g_autofree char *ref = g_strdup_printf ("%c%u", col, row);

  return cell_text (sheet, ref);
}

/* Each means of contact needs its own consent (or consent to all), and
 * what leaves the association names only who agreed to be shared. */
static void
test_consent_register (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (JsonParser) parser2 = NULL;
  g_autoptr (JsonParser) parser3 = NULL;
  g_autoptr (JsonParser) parser4 = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "register.xlsx", NULL);
  g_autofree char *earlier = g_build_filename (f->dir, "sept.xlsx", NULL);
  g_autofree char *council = g_build_filename (f->dir, "council.xlsx", NULL);
  g_autofree char *plain = g_build_filename (f->dir, "plain.xlsx", NULL);
  JsonObject      *book, *sheet;
  gint64           amber, bilal, cora, dev, ezra;
  guint            row, rows, withheld = 0;

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("Debian's python3 with openpyxl reads the workbooks");
      return;
    }

  amber =
      add_named (f, "Amber", "Ashdown", "amber@example.org", "07700 900001");
  bilal = add_named (f, "Bilal", "Brook", "bilal@example.org", "07700 900002");
  cora = add_named (f, "Cora", "Cole", "cora@example.org", "07700 900003");
  dev = add_named (f, "Dev", "Dale", "dev@example.org", "07700 900004");
  ezra = add_named (f, "Ezra", "Eldon", "ezra@example.org", "07700 900005");
  give (f, amber, CR_CONSENT_CONTACT_EMAIL, "2026-01-10", NULL);
  give (f, bilal, CR_CONSENT_CONTACT_PHONE, "2026-01-10", NULL);
  give (f, cora, CR_CONSENT_CONTACT, "2026-01-10", NULL);
  give (f, cora, CR_CONSENT_SHARE_LANDLORD, "2026-02-01", NULL);
  give (f, dev, CR_CONSENT_CONTACT_POST, "2026-01-10", NULL);
  give (f, ezra, CR_CONSENT_CONTACT_EMAIL, "2026-01-10", "2026-10-01");
  give (f, ezra, CR_CONSENT_SHARE_LANDLORD, "2026-01-10", "2026-10-01");
  g_clear_object (&f->store);

  g_assert_cmpint (cli (f, "export", "members", "--output", xlsx, NULL), ==, 0);
  book = read_xlsx (xlsx, &parser);
  sheet = sheet_titled (book, "Privacy TRA: membership register");
  g_assert_nonnull (sheet);
  g_assert_cmpstr (cell_text (sheet, "F4"), ==, "Phone");
  g_assert_cmpstr (cell_text (sheet, "G4"), ==, "Email");

  /* Email only: the email, not the phone. */
  row = register_row (sheet, "Ashdown");
  g_assert_cmpuint (row, >, 0);
  g_assert_null (cell_at (sheet, 'F', row));
  g_assert_cmpstr (cell_at (sheet, 'G', row), ==, "amber@example.org");
  g_assert_cmpstr (cell_at (sheet, 'H', row), ==, "Yes");
  /* Phone only: the phone, not the email. */
  row = register_row (sheet, "Brook");
  g_assert_cmpstr (cell_at (sheet, 'F', row), ==, "07700 900002");
  g_assert_null (cell_at (sheet, 'G', row));
  /* Contact by any means: both. */
  row = register_row (sheet, "Cole");
  g_assert_cmpstr (cell_at (sheet, 'F', row), ==, "07700 900003");
  g_assert_cmpstr (cell_at (sheet, 'G', row), ==, "cora@example.org");
  /* By post only: neither, though they did agree to be contacted. */
  row = register_row (sheet, "Dale");
  g_assert_null (cell_at (sheet, 'F', row));
  g_assert_null (cell_at (sheet, 'G', row));
  g_assert_cmpstr (cell_at (sheet, 'H', row), ==, "Yes");
  g_assert_cmpstr (cell_at (sheet, 'C', row), ==, "Flat 7, Lantern House");
  /* Withdrawn: gone. */
  row = register_row (sheet, "Eldon");
  g_assert_null (cell_at (sheet, 'F', row));
  g_assert_null (cell_at (sheet, 'G', row));
  g_assert_cmpstr (cell_at (sheet, 'H', row), ==, "No");

  /* The same rule makes `members list` a contact list: who may be
   * emailed, with no phone number they didn't agree to give out. */
  {
    g_autoptr (JsonParser) list_parser = json_parser_new ();
    g_autoptr (GError) error = NULL;
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    JsonArray       *people;
    JsonObject      *o;

    g_assert_cmpint (cr_test_run_cli (&out, &err, f->path, "members", "list",
                                      "--consent", "contact-email", "--format",
                                      "json", NULL),
                     ==, 0);
    json_parser_load_from_data (list_parser, out, -1, &error);
    g_assert_no_error (error);
    people = json_node_get_array (json_parser_get_root (list_parser));
    g_assert_cmpuint (json_array_get_length (people), ==, 2);
    o = json_array_get_object_element (people, 0);
    g_assert_cmpstr (json_object_get_string_member (o, "family_name"), ==,
                     "Ashdown");
    g_assert_cmpstr (json_object_get_string_member (o, "email"), ==,
                     "amber@example.org");
    g_assert_cmpstr (json_object_get_string_member (o, "phone"), ==, "");
    o = json_array_get_object_element (people, 1);
    g_assert_cmpstr (json_object_get_string_member (o, "family_name"), ==,
                     "Cole");
    g_assert_cmpstr (json_object_get_string_member (o, "phone"), ==,
                     "07700 900003");
    g_assert_cmpint (cr_test_run_cli (&out, &err, f->path, "members", "list",
                                      "--consent", "contact-post", NULL),
                     ==, 0);
    g_assert_nonnull (strstr (out, "Cole"));
    g_assert_nonnull (strstr (out, "Dale"));
    g_assert_null (strstr (out, "Ashdown"));
    g_assert_cmpint (cr_test_run_cli (&out, &err, f->path, "members", "list",
                                      "--consent", "sweets", NULL),
                     ==, 2);
  }

  /* As on a day before Amber agreed to email, her email wasn't there to
   * use, though she agrees today. */
  g_assert_cmpint (cli (f, "export", "members", "--on", "01/01/2026",
                        "--output", earlier, NULL),
                   ==, 0);
  book = read_xlsx (earlier, &parser2);
  sheet = sheet_titled (book, "Privacy TRA: membership register");
  row = register_row (sheet, "Ashdown");
  g_assert_null (cell_at (sheet, 'G', row));
  row = register_row (sheet, "Cole");
  g_assert_null (cell_at (sheet, 'G', row));

  /* For the council: only Cora agreed to be shared. Everyone is still a
   * row, so the counts add up; nobody else is named or addressed. */
  g_assert_cmpint (
      cli (f, "export", "members", "--for-council", "--output", council, NULL),
      ==, 0);
  book = read_xlsx (council, &parser3);
  sheet = sheet_titled (book, "Privacy TRA: membership register");
  g_assert_cmpstr (cell_text (sheet, "F4"), ==, "Tenure");
  /* Named first: the place of a withheld row says nothing of a name. */
  row = register_row (sheet, "Cole");
  g_assert_cmpuint (row, ==, 5);
  g_assert_cmpstr (cell_at (sheet, 'B', row), ==, "Cora");
  g_assert_cmpstr (cell_at (sheet, 'C', row), ==, "Flat 7, Lantern House");
  for (rows = 0, row = 5; cell_at (sheet, 'H', row) != NULL; row++, rows++)
    {
      const char *family = cell_at (sheet, 'A', row);

      if (g_strcmp0 (family, "Withheld: no consent to share") != 0)
        continue;
      withheld++;
      g_assert_null (cell_at (sheet, 'B', row));
      g_assert_null (cell_at (sheet, 'C', row));
      g_assert_null (cell_at (sheet, 'E', row));
      g_assert_cmpstr (cell_at (sheet, 'H', row), ==, "Member");
    }
  g_assert_cmpuint (rows, ==, 5);
  g_assert_cmpuint (withheld, ==, 4);
  {
    g_autofree char *xml = sheets_xml (council);

    for (guint i = 0; i < 5; i++)
      {
        const char *names[] = { "Ashdown", "Brook", "Dale", "Eldon",
                                "@example.org" };

        g_assert_null (strstr (xml, names[i]));
      }
  }

  /* Leaving out contact details alone withholds no name: that register
   * stays in the association. */
  g_assert_cmpint (
      cli (f, "export", "members", "--no-contact", "--output", plain, NULL),
      ==, 0);
  book = read_xlsx (plain, &parser4);
  sheet = sheet_titled (book, "Privacy TRA: membership register");
  g_assert_cmpuint (register_row (sheet, "Ashdown"), !=, 0);
  g_assert_cmpuint (register_row (sheet, "Withheld: no consent to share"), ==, 0);
}

/* The sign-in sheet marks whoever has not agreed to photographs on the
 * meeting's date; read back with pdftotext. */
static void
test_consent_sign_in_sheet (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "sheet.pdf", NULL);
  g_autofree char *id_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) lines = NULL;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  CrMeeting   meeting = { 0 };
  gint64      amber, bilal, cora, meeting_id;
  int         status;
  guint       seen = 0;

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) reads the sheet");
      return;
    }
  amber = add_named (f, "Amber", "Ashdown", NULL, NULL);
  bilal = add_named (f, "Bilal", "Brook", NULL, NULL);
  cora = add_named (f, "Cora", "Cole", NULL, NULL);
  give (f, amber, CR_CONSENT_PHOTOS, "2026-01-10", NULL);
  /* Withdrawn before the meeting: no longer counts. */
  give (f, bilal, CR_CONSENT_PHOTOS, "2026-01-10", "2026-05-01");
  (void) cora;
  meeting.group_id = f->group;
  meeting.date = "2026-06-02";
  meeting.status = CR_MEETING_STATUS_HELD;
  meeting_id = cr_store_add_meeting (f->store, &meeting, &error);
  g_assert_no_error (error);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);
  g_clear_object (&f->store);

  g_assert_cmpint (cli (f, "print", "attendance-sheet", "--meeting", id_text,
                        "--output", pdf, NULL),
                   ==, 0);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &text, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_nonnull (strstr (text, "have not agreed to be"));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strstr (lines[i], "Ashdown") != NULL)
        {
          g_assert_null (strstr (lines[i], "No photos"));
          seen++;
        }
      else if (strstr (lines[i], "Brook") != NULL ||
               strstr (lines[i], "Cole") != NULL)
        {
          g_assert_nonnull (strstr (lines[i], "No photos"));
          seen++;
        }
    }
  g_assert_cmpuint (seen, ==, 3);
}

static guint
count_rule (GPtrArray *items, const char *rule, gint64 subject)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      CrAttentionItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->rule, rule) == 0 &&
          (subject == 0 || item->subject_id == subject))
        n++;
    }
  return n;
}

static void
end_first_membership (Fixture *f, gint64 person, const char *on)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ms =
      cr_store_list_memberships (f->store, person, &error);

  g_assert_no_error (error);
  g_assert_true (cr_store_end_membership (
      f->store, ((CrMembership *) g_ptr_array_index (ms, 0))->id, on,
      CR_END_MOVED_AWAY, &error));
  g_assert_no_error (error);
}

/* Former members' contact details kept past `retention-years` are listed
 * by `check`; current members, recent leavers and people already erased
 * are not. */
static void
test_retention (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = NULL;
  gint64           left_long_ago, left_lately, erased;

  left_long_ago = add_named (f, "Olu", "Adeyemi", "olu@example.org", NULL);
  left_lately = add_named (f, "Pat", "Byrne", "pat@example.org", NULL);
  add_named (f, "Sam", "Cole", "sam@example.org", NULL);
  erased = add_named (f, "Tess", "Dunn", "tess@example.org", NULL);
  end_first_membership (f, left_long_ago, "2020-03-31");
  end_first_membership (f, left_lately, "2025-06-30");
  end_first_membership (f, erased, "2019-01-01");
  g_assert_true (cr_store_erase_person (f->store, erased, &error));
  g_assert_no_error (error);

  /* No rule, no items. */
  items = cr_store_check (f->store, 0, "2026-11-25", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rule (items, "retention", 0), ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);
  g_clear_object (&f->store);

  g_assert_cmpint (cr_test_run_cli (&out, &err, f->path, "rules", "set",
                                    "retention-years", "3", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  f->store = cr_store_open (f->path, CR_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  items = cr_store_check (f->store, 0, "2026-11-25", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rule (items, "retention", 0), ==, 1);
  g_assert_cmpuint (count_rule (items, "retention", left_long_ago), ==, 1);
  for (guint i = 0; i < items->len; i++)
    {
      CrAttentionItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->rule, "retention") != 0)
        continue;
      g_assert_cmpstr (item->subject, ==, "Olu Adeyemi");
      g_assert_cmpstr (item->date, ==, "2020-03-31");
      g_assert_nonnull (strstr (item->detail, "3 years"));
      g_assert_nonnull (strstr (item->detail, "31/03/2020"));
    }
  g_clear_pointer (&items, g_ptr_array_unref);
  g_clear_object (&f->store);

  /* `check --format json` carries it; after erasure it is gone. */
  g_assert_cmpint (cr_test_run_cli (&out, &err, f->path, "check", "--on",
                                    "2026-11-25", "--format", "json", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "\"retention\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, left_long_ago);
  g_assert_cmpint (cr_test_run_cli (&out, &err, f->path, "erase", id, NULL), ==,
                   0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cr_test_run_cli (&out, &err, f->path, "check", "--on",
                                    "2026-11-25", "--format", "json", NULL),
                   ==, 0);
  g_assert_null (strstr (out, "\"retention\""));
}

/* What fuzz-attendance found: a register with no date columns gave
 * memcmp() and pointer arithmetic a NULL array (undefined behaviour, caught
 * by UBSan). Both inputs now read as an empty register. */
static void
test_fuzz_regressions (void)
{
  const char *const inputs[] = { "Member\nAda\n", "Member\nA,ember\nAda\n" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr (GBytes) bytes =
          g_bytes_new_static (inputs[i], strlen (inputs[i]));
      g_autoptr (GError) error = NULL;
      g_autoptr (CrCsv) csv = cr_csv_parse (bytes, &error);
      g_autoptr (CrAttendanceMatrix) matrix = NULL;
      g_autoptr (GPtrArray) problems = NULL;
      g_autofree CrAttendanceTally *tallies = NULL;

      g_assert_no_error (error);
      matrix = cr_attendance_matrix_parse (csv, &problems);
      g_assert_nonnull (problems);
      if (matrix == NULL)
        continue;
      g_assert_true (cr_attendance_matrix_equal (matrix, matrix));
      g_assert_cmpuint (cr_attendance_matrix_get_n_dates (matrix), ==, 0);
      for (guint p = 0; p < cr_attendance_matrix_get_n_people (matrix); p++)
        g_assert_nonnull (cr_attendance_matrix_get_marks (matrix, p));
      tallies = cr_attendance_matrix_tally_meetings (matrix);
      g_assert_nonnull (tallies);
    }
}

/* What fault-file found: damage that leaves the schema parseable but not
 * ours (a column renamed inside CREATE TABLE, or a CHECK naming a column
 * that isn't there) passed quick_check and integrity_check; now it is
 * refused on open and by verify, and the file is left as it was. */
static void
test_altered_schema (Fixture *f, gconstpointer data)
{
  const char *const damage[] = {
    "UPDATE sqlite_schema SET sql = replace(sql, 'outcome TEXT', "
    "'outcomx TEXT') WHERE name = 'actions'",
    "UPDATE sqlite_schema SET sql = replace(sql, 'trim(quorum)', "
    "'trim(quorxm)') WHERE name = 'groups'",
  };

  g_clear_object (&f->store);
  for (guint i = 0; i < G_N_ELEMENTS (damage); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CrStore) store = NULL;
      g_autofree char *sql =
          g_strdup_printf ("PRAGMA writable_schema = ON; %s;", damage[i]);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      gsize            before_len, after_len;

      g_unlink (f->path);
      store = cr_store_create (f->path, "Damaged TRA", &error);
      g_assert_no_error (error);
      g_clear_object (&store);
      raw_exec (f->path, sql);
      g_file_get_contents (f->path, &before, &before_len, NULL);

      store = cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE, &error);
      g_assert_null (store);
      g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_DAMAGED);
      g_clear_error (&error);
      g_assert_false (cr_store_verify (f->path, &error));
      g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_DAMAGED);
      g_file_get_contents (f->path, &after, &after_len, NULL);
      g_assert_cmpuint (before_len, ==, after_len);
      g_assert_true (memcmp (before, after, before_len) == 0);
    }
}

int
main (int argc, char **argv)
{
  g_autofree char *home = cr_test_make_tmpdir ("cr-privacy-home-XXXXXX");
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  g_autofree char *cache_home = g_build_filename (home, "cache", NULL);
  int              status;

  /* Backups go to the user's data folder and libxlsxwriter's scratch files
   * to the cache: private ones for these tests and the CLI they run
   * (G_TEST_OPTION_ISOLATE_DIRS would not reach the CLI). */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_setenv ("CR_TODAY", "2026-11-25", TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/privacy/export/no-formula-injection", test_formula_injection);
  ADD ("/privacy/disk-full/import", test_disk_full_import);
  ADD ("/privacy/disk-full/backup", test_disk_full_backup);
  ADD ("/privacy/subject-access/every-column-and-erasure", test_subject_access);
  ADD ("/privacy/consent/records", test_consent);
  ADD ("/privacy/consent/cli", test_consent_cli);
  ADD ("/privacy/consent/register-export", test_consent_register);
  ADD ("/privacy/consent/sign-in-sheet", test_consent_sign_in_sheet);
  ADD ("/privacy/retention/check", test_retention);
  ADD ("/privacy/damaged/altered-schema", test_altered_schema);
  g_test_add_func ("/privacy/fuzz-regressions/attendance-without-dates",
                   test_fuzz_regressions);

  status = g_test_run ();
  cr_test_remove_tree (home);
  return status;
}
