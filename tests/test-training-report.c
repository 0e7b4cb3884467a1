/* test-training-report.c: `commonroom-cli export training` read back cell
 * by cell (tests/read-xlsx.py, openpyxl) and opened in LibreOffice
 * headless; the training commands; `check --format json` training items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cr-store-people.h"
#include "cr-store-rules.h"
#include "cr-store-training.h"

#include "cr-test-util.h"

#define TODAY "2026-11-23"

typedef struct
{
  char  *dir;
  char  *path;
  char  *out;
  char  *err;
  gint64 bill;
} Fixture;

static gint64
add_member (CrStore    *store,
            gint64      group,
            const char *given,
            const char *family,
            const char *joined)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrPerson) person = cr_person_new ();
  gint64 id;

  cr_person_set_given_name (person, given);
  cr_person_set_family_name (person, family);
  id = cr_store_add_person (store, person, &error);
  g_assert_no_error (error);
  cr_store_add_membership (store, id, group, CR_MEMBERSHIP_VOTING, joined,
                           &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = NULL;
  gint64 panel, induction, equality, finance, ada, cath;

  f->dir = cr_test_make_tmpdir ("cr-training-report-XXXXXX");
  f->path = g_build_filename (f->dir, "test.commonroom", NULL);
  store = cr_store_create (f->path, "Meadowbank TRA", &error);
  g_assert_no_error (error);
  panel = cr_store_add_group (store, "Scrutiny Panel", CR_GROUP_KIND_PANEL, 0,
                              &error);
  induction =
      cr_store_add_course (store, "Panel induction", "TPAS", 0, 0, &error);
  equality = cr_store_add_course (store, "Equality and diversity", "Council",
                                  24, 4500, &error);
  /* A title that looks like a formula stays text. */
  finance = cr_store_add_course (store, "=Finance for treasurers", NULL, 36,
                                 12000, &error);
  g_assert_no_error (error);
  cr_store_set_course_core (store, induction, panel, TRUE, "2024-01-01",
                            &error);
  cr_store_set_course_core (store, equality, panel, TRUE, "2024-01-01", &error);
  cr_store_set_rule_adopted (store, panel, "training-threshold-percent", "80",
                             "2024-01-01", &error);
  g_assert_no_error (error);

  ada = add_member (store, panel, "Ada", "Okafor", "2024-01-01");
  f->bill = add_member (store, panel, "Bill", "Price", "2025-03-01");
  cath = add_member (store, panel, "Cath", "Quinn", "2025-03-01");
  cr_store_add_training (store, ada, induction, "2024-02-01",
                         CR_TRAINING_COMPLETED, NULL, &error);
  cr_store_add_training (store, ada, equality, "2024-12-10",
                         CR_TRAINING_COMPLETED, "ED-1", &error);
  cr_store_add_training (store, f->bill, induction, "2025-04-01",
                         CR_TRAINING_COMPLETED, NULL, &error);
  cr_store_add_training (store, f->bill, equality, "2027-01-10",
                         CR_TRAINING_BOOKED, NULL, &error);
  cr_store_add_training (store, cath, induction, "2025-04-01",
                         CR_TRAINING_COMPLETED, NULL, &error);
  cr_store_add_training (store, cath, equality, "2025-04-01",
                         CR_TRAINING_COMPLETED, NULL, &error);
  cr_store_add_training (store, cath, finance, "2026-02-01",
                         CR_TRAINING_COMPLETED, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  cr_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
  g_free (f->out);
  g_free (f->err);
}

/* Runs commonroom-cli with the arguments up to NULL; keeps its output. */
static int
run (Fixture *f, const char *first, ...)
{
  va_list args;
  int     status;

  va_start (args, first);
  status = cr_test_run_cli_va (&f->out, &f->err, NULL, first, args);
  va_end (args);
  return status;
}

static JsonObject *
read_workbook (const char *path, JsonParser *parser)
{
  g_autofree char *script =
      g_test_build_filename (G_TEST_DIST, "read-xlsx.py", NULL);
  const char      *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is missing: can’t read the workbook back");
      return NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_autofree char *reason =
          g_strdup_printf ("can’t read the workbook back: %s", err);

      g_test_skip (reason);
      return NULL;
    }
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
cell (JsonObject *book, const char *sheet, const char *ref)
{
  JsonObject *sheets = json_object_get_object_member (book, "sheets");
  JsonObject *s = json_object_get_object_member (sheets, sheet);
  JsonObject *cells;

  g_assert_nonnull (s);
  cells = json_object_get_object_member (s, "cells");
  if (!json_object_has_member (cells, ref))
    return NULL;
  return json_object_get_object_member (cells, ref);
}

static void
assert_text (JsonObject *book,
             const char *sheet,
             const char *ref,
             const char *text)
{
  JsonObject *c = cell (book, sheet, ref);

  if (c == NULL)
    g_error ("%s!%s is empty, expected “%s”", sheet, ref, text);
  g_assert_cmpstr (json_object_get_string_member (c, "type"), ==, "s");
  g_assert_cmpstr (json_object_get_string_member (c, "value"), ==, text);
}

static void
assert_date (JsonObject *book,
             const char *sheet,
             const char *ref,
             const char *iso)
{
  JsonObject      *c = cell (book, sheet, ref);
  g_autofree char *expected = g_strconcat (iso, "T00:00:00", NULL);

  if (c == NULL)
    g_error ("%s!%s is empty, expected %s", sheet, ref, iso);
  g_assert_true (json_object_get_boolean_member (c, "is_date"));
  g_assert_cmpstr (json_object_get_string_member (c, "value"), ==, expected);
}

static void
assert_number (JsonObject *book,
               const char *sheet,
               const char *ref,
               double      value)
{
  JsonObject *c = cell (book, sheet, ref);

  if (c == NULL)
    g_error ("%s!%s is empty, expected %g", sheet, ref, value);
  g_assert_cmpstr (json_object_get_string_member (c, "type"), ==, "n");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (c, "value"),
                                  value, 1e-9);
}

static void
test_export_readback (Fixture *f, gconstpointer data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "training.xlsx", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *book;
  JsonArray  *names;
  JsonObject *total;

  g_assert_cmpint (run (f, "--file", f->path, "export", "training", "--group",
                        "scrutiny panel", "--on", "23/11/2026", "--output",
                        xlsx, NULL),
                   ==, 0);
  book = read_workbook (xlsx, parser);
  if (book == NULL)
    return;

  names = json_object_get_array_member (book, "sheet_names");
  g_assert_cmpuint (json_array_get_length (names), ==, 4);
  g_assert_cmpstr (json_array_get_string_element (names, 0), ==, "Matrix");
  g_assert_cmpstr (json_array_get_string_element (names, 1), ==, "Expiring");
  g_assert_cmpstr (json_array_get_string_element (names, 2), ==, "Courses");
  g_assert_cmpstr (json_array_get_string_element (names, 3), ==, "About");

  assert_text (book, "Matrix", "A1", "Scrutiny Panel: training matrix");
  assert_text (book, "Matrix", "A4", "Name");
  /* Courses by title: "=Finance …" sorts first, as text. */
  assert_text (book, "Matrix", "B4", "=Finance for treasurers");
  assert_text (book, "Matrix", "C4", "Equality and diversity (core)");
  assert_text (book, "Matrix", "D4", "Panel induction (core)");
  assert_text (book, "Matrix", "E4", "Core done");
  assert_text (book, "Matrix", "F4", "Core courses");
  assert_text (book, "Matrix", "G4", "Completion");
  assert_text (book, "Matrix", "H4", "Threshold met");
  g_assert_true (
      json_object_get_boolean_member (cell (book, "Matrix", "A4"), "bold"));

  assert_text (book, "Matrix", "A5", "Ada Okafor");
  g_assert_null (cell (book, "Matrix", "B5"));
  assert_date (book, "Matrix", "C5", "2024-12-10");
  assert_date (book, "Matrix", "D5", "2024-02-01");
  assert_number (book, "Matrix", "E5", 2);
  assert_number (book, "Matrix", "F5", 2);
  assert_number (book, "Matrix", "G5", 1.0);
  assert_text (book, "Matrix", "H5", "Yes");

  assert_text (book, "Matrix", "A6", "Bill Price");
  assert_text (book, "Matrix", "C6", "Booked 10/01/2027");
  assert_date (book, "Matrix", "D6", "2025-04-01");
  assert_number (book, "Matrix", "E6", 1);
  assert_number (book, "Matrix", "G6", 0.5);
  assert_text (book, "Matrix", "H6", "No");

  assert_text (book, "Matrix", "A7", "Cath Quinn");
  assert_date (book, "Matrix", "B7", "2026-02-01");
  assert_text (book, "Matrix", "H7", "Yes");

  assert_text (book, "Matrix", "A8", "Meeting the threshold");
  total = cell (book, "Matrix", "H8");
  g_assert_nonnull (total);
  g_assert_cmpstr (json_object_get_string_member (total, "type"), ==, "f");
  g_assert_cmpstr (json_object_get_string_member (total, "value"), ==,
                   "=COUNTIF(H5:H7,\"Yes\")");
  g_assert_cmpint (json_object_get_int_member (total, "cached"), ==, 2);

  assert_text (book, "Expiring", "A5", "Ada Okafor");
  assert_text (book, "Expiring", "B5", "Equality and diversity");
  assert_date (book, "Expiring", "C5", "2024-12-10");
  assert_date (book, "Expiring", "D5", "2026-12-10");
  assert_text (book, "Expiring", "E5", "Expiring soon");
  assert_text (book, "Expiring", "F5", "ED-1");
  g_assert_null (cell (book, "Expiring", "A6"));

  assert_text (book, "Courses", "A5", "=Finance for treasurers");
  assert_text (book, "Courses", "C5", "No");
  assert_number (book, "Courses", "D5", 36);
  assert_number (book, "Courses", "E5", 120.0);
  assert_text (book, "Courses", "A6", "Equality and diversity");
  assert_text (book, "Courses", "B6", "Council");
  assert_text (book, "Courses", "C6", "Yes");
  assert_number (book, "Courses", "E6", 45.0);
  assert_text (book, "Courses", "D7", "Never expires");
}

/* LibreOffice opens it and shows the cached values. */
static void
test_libreoffice (Fixture *f, gconstpointer data)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *xlsx = g_build_filename (f->dir, "training.xlsx", NULL);
  g_autofree char *profile = g_build_filename (f->dir, "lo-profile", NULL);
  g_autofree char *profile_url = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env =
      g_strconcat ("-env:UserInstallation=", profile_url, NULL);
  g_autofree char *csv_path = g_build_filename (f->dir, "training.csv", NULL);
  g_autofree char *csv = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (soffice == NULL)
    {
      g_test_skip ("soffice (LibreOffice) is missing");
      return;
    }
  g_assert_cmpint (run (f, "--file", f->path, "export", "training", "--group",
                        "Scrutiny Panel", "--output", xlsx, NULL),
                   ==, 0);
  {
    const char *argv[] = { soffice,
                           env,
                           "--headless",
                           "--convert-to",
                           "csv:Text - txt - csv (StarCalc):44,34,76,1",
                           "--outdir",
                           f->dir,
                           xlsx,
                           NULL };

    g_assert_true (
        g_spawn_sync (NULL, (char **) argv, NULL,
                      G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, NULL, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("%s", csv);
  g_assert_nonnull (strstr (csv, "Scrutiny Panel: training matrix"));
  g_assert_nonnull (
      strstr (csv, "\"Ada Okafor\",,10/12/2024,01/02/2024,2,2,100%,\"Yes\""));
  g_assert_nonnull (strstr (
      csv, "\"Bill Price\",,\"Booked 10/01/2027\",01/04/2025,1,2,50%,\"No\""));
  g_assert_nonnull (strstr (csv, "\"Meeting the threshold\",,,,,,,2"));
}

static void
test_commands (Fixture *f, gconstpointer data)
{
  g_autofree char *bill = g_strdup_printf ("%" G_GINT64_FORMAT, f->bill);
  g_autofree char *xlsx = g_build_filename (f->dir, "t.xlsx", NULL);

  g_assert_cmpint (run (f, "training", "--help", NULL), ==, 0);
  g_assert_cmpint (run (f, "export", "training", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Usage:"));
  g_assert_cmpint (run (f, "training", "record", "--help", NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", f->path, "export", "training", NULL), ==,
                   2);
  g_assert_cmpint (run (f, "--file", f->path, "export", "training", "--group",
                        "Nobody", "--output", xlsx, NULL),
                   ==, 1);
  g_assert_nonnull (
      strstr (f->err, "commonroom-cli: There is no group called"));
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run (f, "--file", f->path, "training", "add-course",
                        "--title", "Chairing skills", "--valid-months", "36",
                        "--cost", "£80.50", "--core", "--group",
                        "Scrutiny Panel", "--from", "2026-01-01", NULL),
                   ==, 0);
  g_assert_cmpint (run (f, "--file", f->path, "training", "add-course",
                        "--title", "Chairing skills", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (f->err, "already a course"));
  g_assert_cmpint (run (f, "--file", f->path, "training", "courses", "--group",
                        "Scrutiny Panel", NULL),
                   ==, 0);
  g_assert_nonnull (
      strstr (f->out, "Chairing skills\tcore\t36 months\t£80.50"));

  /* All or nothing: a person who isn't there spoils the session. */
  g_assert_cmpint (run (f, "--file", f->path, "training", "record", "--course",
                        "chairing skills", "--date", "01/11/2026", bill, "999",
                        NULL),
                   ==, 1);
  g_assert_nonnull (strstr (f->err, "Nobody was recorded"));
  g_assert_cmpint (run (f, "--file", f->path, "training", "record", "--course",
                        "chairing skills", "--date", "01/11/2026", bill, "x",
                        NULL),
                   ==, 2);
  g_assert_cmpint (run (f, "--file", f->path, "training", "record", "--course",
                        "chairing skills", "--date", "01/11/2026", "--status",
                        "passed", bill, NULL),
                   ==, 2);
  g_assert_cmpint (run (f, "--file", f->path, "training", "record", "--course",
                        "chairing skills", "--date", "01/11/2026", bill, NULL),
                   ==, 0);
  g_assert_nonnull (strstr (f->out, "Recorded 1 person."));

  /* Every voting member of the panel must do it: Bill has. */
  g_assert_cmpint (run (f, "--file", f->path, "training", "require", "--course",
                        "Chairing skills", "--role", "voting", "--membership",
                        "--group", "Scrutiny Panel", NULL),
                   ==, 0);
  g_assert_cmpint (run (f, "--file", f->path, "training", "require", "--course",
                        "Chairing skills", "--role", "voting", "--membership",
                        "--group", "Scrutiny Panel", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (f->err, "already requires"));
  g_assert_cmpint (run (f, "--file", f->path, "training", "require", "--course",
                        "Chairing skills", "--role", "chairperson",
                        "--membership", NULL),
                   ==, 2);
  g_assert_cmpint (
      run (f, "--file", f->path, "check", "--format", "json", NULL), ==, 0);
  {
    const char *at = f->out;
    guint       n = 0;

    while ((at = strstr (at, "As Voting member of Scrutiny Panel")) != NULL)
      {
        n++;
        at++;
      }
    g_assert_cmpuint (n, ==, 2);
    g_assert_nonnull (strstr (f->out, "\"subject\" : \"Ada Okafor\""));
  }
}

static void
test_check_json (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *items;
  guint      n_training = 0;
  gboolean   bill_below = FALSE, ada_expiring = FALSE;

  g_assert_cmpint (run (f, "--file", f->path, "check", "--on", TODAY,
                        "--format", "json", NULL),
                   ==, 0);
  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  items = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *subject = json_object_get_string_member (item, "subject");
      const char *detail = json_object_get_string_member (item, "detail");

      if (!g_str_equal (json_object_get_string_member (item, "rule"),
                        "training"))
        continue;
      n_training++;
      if (g_str_equal (subject, "Bill Price") &&
          strstr (detail, "(50%)") != NULL)
        bill_below = TRUE;
      if (g_str_equal (subject, "Ada Okafor") &&
          g_str_equal (json_object_get_string_member (item, "date"),
                       "2026-12-10"))
        ada_expiring = TRUE;
    }
  g_assert_cmpuint (n_training, ==, 2);
  g_assert_true (bill_below);
  g_assert_true (ada_expiring);
}

int
main (int argc, char **argv)
{
  g_setenv ("CR_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/training-report/export-readback", test_export_readback);
  ADD ("/training-report/libreoffice", test_libreoffice);
  ADD ("/training-report/commands", test_commands);
  ADD ("/training-report/check-json", test_check_json);
#undef ADD
  return g_test_run ();
}
