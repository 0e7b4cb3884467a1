/* test-attendance-io.c: the attendance register in and out of the file,
 * the action log, and a meeting's printed pages, through commonroom-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cr-attendance-matrix.h"
#include "cr-csv.h"
#include "cr-demo.h"
#include "cr-print-data.h"
#include "cr-store-attendance.h"
#include "cr-store-conduct.h"
#include "cr-store-meetings.h"
#include "cr-store-people.h"
#include "cr-xlsx.h"

#include "cr-test-util.h"

#define PANEL "Residents’ Panel"

typedef struct
{
  char *dir;
  char *path;
  char *out;
  char *err;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = cr_test_make_tmpdir ("cr-attendance-io-XXXXXX");
  f->path = g_build_filename (f->dir, "tra.commonroom", NULL);
  g_setenv ("CR_TODAY", "2026-11-22", TRUE);
  g_setenv ("XDG_DATA_HOME", f->dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", f->dir, TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cr_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
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
  if (status != 0)
    g_test_message ("stderr: %s", f->err);
  return status;
}

static char *
data_file (const char *dir,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
}

/* A new file with basic.csv's five people and an empty panel. */
static void
make_file (Fixture    *f,
           const char *path)
{
  g_autofree char *basic = data_file ("members", "basic.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = NULL;

  g_assert_cmpint (run (f, "--file", path, "init", "--name", "Vale TRA", NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", path, "import", "members", basic, NULL), ==, 0);
  store = cr_store_open (path, CR_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_add_group (store, PANEL, CR_GROUP_KIND_PANEL,
                                       cr_store_get_association_group (store),
                                       &error), >, 0);
  g_assert_no_error (error);
}

/* Reads a workbook back with openpyxl (tests/read-xlsx.py), as JSON; NULL
 * (and the test skipped) if openpyxl is missing. */
static JsonObject *
read_workbook (const char *path,
               JsonParser *parser)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "read-xlsx.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is missing: can’t read the workbook back");
      return NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_autofree char *reason = g_strdup_printf ("can’t read the workbook back: %s", err);

      g_test_skip (reason);
      return NULL;
    }
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static char *
column_name (guint column)
{
  char buf[8];
  guint i = sizeof buf - 1;

  buf[i] = '\0';
  while (column > 0)
    {
      buf[--i] = (char) ('A' + (column - 1) % 26);
      column = (column - 1) / 26;
    }
  return g_strdup (buf + i);
}

static void
append_csv_field (GString  *csv,
                  JsonNode *node)
{
  g_autofree char *text = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      text = g_strdup_printf ("%g", json_node_get_double (node));
      break;
    case G_TYPE_BOOLEAN:
      text = g_strdup (json_node_get_boolean (node) ? "TRUE" : "FALSE");
      break;
    default:
      text = g_strdup (json_node_get_string (node));
      break;
    }
  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      g_auto (GStrv) parts = g_strsplit (text, "\"", -1);
      g_autofree char *doubled = g_strjoinv ("\"\"", parts);

      g_string_append_printf (csv, "\"%s\"", doubled);
    }
  else
    g_string_append (csv, text);
}

/* The first sheet of a workbook as a spreadsheet would save it as CSV:
 * the values shown (a formula's cached value), cell by cell. */
static char *
workbook_to_csv (const char *path)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *book = read_workbook (path, parser);
  JsonObject *sheet, *cells;
  GString *csv;
  guint max_row, max_col;

  if (book == NULL)
    return NULL;
  sheet = json_object_get_object_member (json_object_get_object_member (book, "sheets"),
                                         "Attendance");
  g_assert_nonnull (sheet);
  cells = json_object_get_object_member (sheet, "cells");
  max_row = json_object_get_int_member (sheet, "max_row");
  max_col = json_object_get_int_member (sheet, "max_column");
  csv = g_string_new (NULL);
  for (guint r = 1; r <= max_row; r++)
    {
      for (guint c = 1; c <= max_col; c++)
        {
          g_autofree char *letters = column_name (c);
          g_autofree char *ref = g_strdup_printf ("%s%u", letters, r);

          if (c > 1)
            g_string_append_c (csv, ',');
          if (json_object_has_member (cells, ref))
            {
              JsonObject *cell = json_object_get_object_member (cells, ref);
              JsonNode *cached = json_object_get_member (cell, "cached");

              append_csv_field (csv, cached != NULL && !JSON_NODE_HOLDS_NULL (cached)
                                     ? cached
                                     : json_object_get_member (cell, "value"));
            }
        }
      g_string_append (csv, "\r\n");
    }
  return g_string_free (csv, FALSE);
}

static CrAttendanceMatrix *
parse_matrix (const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;
  g_autoptr (CrCsv) csv = cr_csv_parse (bytes, &error);
  g_autoptr (GPtrArray) problems = NULL;
  CrAttendanceMatrix *matrix;

  g_assert_no_error (error);
  matrix = cr_attendance_matrix_parse (csv, &problems);
  if (problems->len > 0)
    {
      g_autofree char *described = cr_attendance_describe_problems (problems, "export", 0);

      g_test_message ("%s\n%s", text, described);
    }
  g_assert_cmpuint (problems->len, ==, 0);
  return matrix;
}

/* Exports @path's panel register and reads it back as a matrix; NULL if
 * the workbook can't be read here. @csv_out: the CSV it was saved as. */
static CrAttendanceMatrix *
export_matrix (Fixture     *f,
               const char  *path,
               const char  *xlsx,
               char       **csv_out)
{
  g_autofree char *csv = NULL;

  g_assert_cmpint (run (f, "--file", path, "export", "attendance", "--group", PANEL,
                        "--output", xlsx, NULL), ==, 0);
  csv = workbook_to_csv (xlsx);
  if (csv == NULL)
    return NULL;
  if (csv_out != NULL)
    *csv_out = g_strdup (csv);
  return parse_matrix (csv);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *fixture = data_file ("attendance", "panel-register.csv");
  g_autofree char *xlsx_a = g_build_filename (f->dir, "a.xlsx", NULL);
  g_autofree char *xlsx_b = g_build_filename (f->dir, "b.xlsx", NULL);
  g_autofree char *xlsx_c = g_build_filename (f->dir, "c.xlsx", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second.commonroom", NULL);
  g_autofree char *csv_a = NULL;
  g_autofree char *csv_a_path = g_build_filename (f->dir, "a.csv", NULL);
  g_autoptr (CrAttendanceMatrix) a = NULL;
  g_autoptr (CrAttendanceMatrix) b = NULL;
  g_autoptr (CrAttendanceMatrix) c = NULL;
  g_autoptr (CrAttendanceMatrix) expected = NULL;
  const char *dates[] = { "2026-01-12", "2026-02-09", "2026-03-09",
                          "2026-04-13", "2026-05-11" };
  enum { _ = CR_ATTENDANCE_NONE, P = CR_ATTENDANCE_PRESENT,
         A = CR_ATTENDANCE_APOLOGIES, X = CR_ATTENDANCE_ABSENT };
  const guint8 haddad[] = { A, _, P, P, _ };
  const guint8 mensah[] = { P, A, X, P, P };
  const guint8 osullivan[] = { P, P, _, _, _ };
  const guint8 okafor[] = { P, P, P, _, P };
  const guint8 berg[] = { _, P, P, A, X };

  make_file (f, f->path);

  /* A dry run counts and changes nothing. */
  g_assert_cmpint (run (f, "--file", f->path, "import", "attendance", fixture,
                        "--group", PANEL, "--dry-run", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Would write 18 marks"));
  g_assert_cmpint (run (f, "--file", f->path, "import", "attendance", fixture,
                        "--group", PANEL, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Wrote 18 marks"));
  g_assert_nonnull (strstr (f->out, "5 new meetings"));
  /* Grace Okafor was not in the register; the others were. */
  g_assert_nonnull (strstr (f->out, "1 new person"));
  /* Runs: Mensah 1, Ó Súilleabháin 1, van der Berg 1, Haddad 2, Okafor 2. */
  g_assert_nonnull (strstr (f->out, "7 new memberships"));

  a = export_matrix (f, f->path, xlsx_a, &csv_a);
  if (a == NULL)
    return;

  /* The register as the fixture has it, names as the register writes
   * them, by family name. */
  expected = cr_attendance_matrix_new (dates, G_N_ELEMENTS (dates));
  cr_attendance_matrix_add_person (expected, "Haddad, Amira", haddad, 0);
  cr_attendance_matrix_add_person (expected, "Mensah, Kwame", mensah, 0);
  cr_attendance_matrix_add_person (expected, "Ó Súilleabháin, Seán", osullivan, 0);
  cr_attendance_matrix_add_person (expected, "Okafor, Grace", okafor, 0);
  cr_attendance_matrix_add_person (expected, "van der Berg, Jan", berg, 0);
  if (!cr_attendance_matrix_equal (a, expected))
    g_test_message ("exported:\n%s", csv_a);
  g_assert_true (cr_attendance_matrix_equal (a, expected));

  /* Into a new file, and out again: the same register. */
  g_assert_true (g_file_set_contents (csv_a_path, csv_a, -1, NULL));
  make_file (f, second);
  g_assert_cmpint (run (f, "--file", second, "import", "attendance", csv_a_path,
                        "--group", PANEL, NULL), ==, 0);
  b = export_matrix (f, second, xlsx_b, NULL);
  g_assert_true (cr_attendance_matrix_equal (a, b));

  /* Importing it again adds nobody and changes nothing. */
  g_assert_cmpint (run (f, "--file", second, "import", "attendance", csv_a_path,
                        "--group", PANEL, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "0 new meetings, 0 new people, 0 new memberships"));
  c = export_matrix (f, second, xlsx_c, NULL);
  g_assert_true (cr_attendance_matrix_equal (a, c));

  /* A period narrows the columns. */
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    JsonObject *book;

    g_assert_cmpint (run (f, "--file", second, "export", "attendance", "--group", PANEL,
                          "--from", "01/02/2026", "--to", "2026-03-31",
                          "--output", xlsx_c, NULL), ==, 0);
    g_assert_nonnull (strstr (f->out, "5 members at 2 meetings"));
    book = read_workbook (xlsx_c, parser);
    if (book != NULL)
      {
        JsonObject *cells =
          json_object_get_object_member (json_object_get_object_member (json_object_get_object_member (book, "sheets"),
                                                                        "Attendance"),
                                         "cells");

        g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (cells, "B4"), "value"),
                         ==, "09/02/2026");
        g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (cells, "C4"), "value"),
                         ==, "09/03/2026");
      }
  }
}

/* A LibreOffice profile that recalculates every formula of an .xlsx on
 * load, instead of showing the values the file carries. */
static char *
recalculating_profile (const char *dir)
{
  g_autofree char *user = g_build_filename (dir, "lo-profile", "user", NULL);
  g_autofree char *xcu = g_build_filename (user, "registrymodifications.xcu", NULL);
  g_autofree char *profile = g_build_filename (dir, "lo-profile", NULL);
  g_autoptr (GError) error = NULL;
  char *url;

  g_assert_cmpint (g_mkdir_with_parents (user, 0700), ==, 0);
  g_file_set_contents (xcu,
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
                       "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
                       "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                       "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\">"
                       "<prop oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\">"
                       "<value>0</value></prop></item>\n"
                       "</oor:items>\n", -1, &error);
  g_assert_no_error (error);
  url = g_filename_to_uri (profile, NULL, &error);
  g_assert_no_error (error);
  return url;
}

/* Done-when 1 of issue 4: the register's workbook opens in LibreOffice
 * (headless, recalculating every formula), and the CSV LibreOffice saves
 * from it is the same register when read back, with the same totals the
 * app wrote. LibreOffice is in the packages `make test` installs, so its
 * absence is a failure, not a skip. */
static void
test_libreoffice (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *fixture = data_file ("attendance", "panel-register.csv");
  g_autofree char *xlsx = g_build_filename (f->dir, "register.xlsx", NULL);
  g_autofree char *outdir = g_build_filename (f->dir, "lo-out", NULL);
  g_autofree char *converted = g_build_filename (outdir, "register.csv", NULL);
  g_autofree char *probe = g_build_filename (f->dir, "probe.xlsx", NULL);
  g_autofree char *converted_probe = g_build_filename (outdir, "probe.csv", NULL);
  g_autofree char *profile = NULL;
  g_autofree char *env = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *csv = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrAttendanceMatrix) from_lo = NULL;
  g_auto (GStrv) lines = NULL;
  gboolean seen[3] = { FALSE, FALSE, FALSE };
  int status = 0;

  if (soffice == NULL)
    g_error ("LibreOffice (soffice) is not installed: run “make test”, "
             "which installs the test packages, or install libreoffice-calc");

  make_file (f, f->path);
  g_assert_cmpint (run (f, "--file", f->path, "import", "attendance", fixture,
                        "--group", PANEL, NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", f->path, "export", "attendance", "--group",
                        PANEL, "--output", xlsx, NULL), ==, 0);

  /* A probe whose formula carries a wrong value on purpose: LibreOffice
   * shows 2.00 only if it really recalculates, and only then do the
   * totals below check the register's formulas, not just their values. */
  {
    g_autoptr (CrXlsx) p = cr_xlsx_new (probe, "Probe", "Probe", &error);
    const CrXlsxColumn columns[] = { { "Label", CR_XLSX_TEXT, 0 },
                                     { "Money", CR_XLSX_MONEY, 0 } };
    CrXlsxSheet *sheet;

    g_assert_no_error (error);
    sheet = cr_xlsx_add_sheet (p, "Probe", "Probe", NULL, columns, 2);
    cr_xlsx_sheet_add_text (sheet, "x");
    cr_xlsx_sheet_add_money (sheet, 100);
    cr_xlsx_sheet_end_row (sheet);
    cr_xlsx_sheet_begin_totals (sheet, NULL);
    cr_xlsx_sheet_add_formula_money (sheet, "=1+1", 999);
    cr_xlsx_sheet_end_row (sheet);
    g_assert_true (cr_xlsx_close (p, NULL, &error));
    g_assert_no_error (error);
  }

  profile = recalculating_profile (f->dir);
  env = g_strdup_printf ("-env:UserInstallation=%s", profile);
  {
    /* 44: comma, 34: double quote, 76: UTF-8. */
    const char *argv[] = { soffice, env, "--headless", "--norestore",
                           "--convert-to",
                           "csv:Text - txt - csv (StarCalc):44,34,76,1",
                           "--outdir", outdir, xlsx, probe, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                  &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL) ||
      !g_file_test (converted, G_FILE_TEST_EXISTS))
    g_error ("LibreOffice could not open the register: %s%s", out, err);
  g_assert_true (g_file_get_contents (converted, &csv, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("LibreOffice's CSV:\n%s", csv);
  {
    g_autofree char *probe_csv = NULL;

    g_assert_true (g_file_get_contents (converted_probe, &probe_csv, NULL, &error));
    g_assert_no_error (error);
    g_test_message ("the probe:\n%s", probe_csv);
    g_assert_nonnull (strstr (probe_csv, "2.00"));
    g_assert_null (strstr (probe_csv, "9.99"));
  }

  /* The same register as the fixture, read back from LibreOffice. */
  from_lo = parse_matrix (csv);
  {
    const char *dates[] = { "2026-01-12", "2026-02-09", "2026-03-09",
                            "2026-04-13", "2026-05-11" };
    enum { _ = CR_ATTENDANCE_NONE, P = CR_ATTENDANCE_PRESENT,
           A = CR_ATTENDANCE_APOLOGIES, X = CR_ATTENDANCE_ABSENT };
    const guint8 haddad[] = { A, _, P, P, _ };
    const guint8 mensah[] = { P, A, X, P, P };
    const guint8 osullivan[] = { P, P, _, _, _ };
    const guint8 okafor[] = { P, P, P, _, P };
    const guint8 berg[] = { _, P, P, A, X };
    g_autoptr (CrAttendanceMatrix) expected = cr_attendance_matrix_new (dates, G_N_ELEMENTS (dates));

    cr_attendance_matrix_add_person (expected, "Haddad, Amira", haddad, 0);
    cr_attendance_matrix_add_person (expected, "Mensah, Kwame", mensah, 0);
    cr_attendance_matrix_add_person (expected, "Ó Súilleabháin, Seán", osullivan, 0);
    cr_attendance_matrix_add_person (expected, "Okafor, Grace", okafor, 0);
    cr_attendance_matrix_add_person (expected, "van der Berg, Jan", berg, 0);
    g_assert_true (cr_attendance_matrix_equal (from_lo, expected));
  }

  /* The totals, recalculated by LibreOffice from the COUNTIF formulas,
   * are the counts the app wrote beside them. */
  lines = g_strsplit (csv, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (g_str_has_prefix (lines[i], "\"Present\","))
        {
          g_assert_cmpstr (lines[i], ==, "\"Present\",3,3,3,2,2,");
          seen[0] = TRUE;
        }
      else if (g_str_has_prefix (lines[i], "\"Apologies\","))
        {
          g_assert_cmpstr (lines[i], ==, "\"Apologies\",1,1,0,1,0,");
          seen[1] = TRUE;
        }
      else if (g_str_has_prefix (lines[i], "\"Absent\","))
        {
          g_assert_cmpstr (lines[i], ==, "\"Absent\",0,0,1,0,1,");
          seen[2] = TRUE;
        }
    }
  g_assert_true (seen[0] && seen[1] && seen[2]);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *bad = data_file ("attendance", "bad-mark.csv");
  g_autofree char *good = data_file ("attendance", "panel-register.csv");
  g_autofree char *line3 = NULL;
  g_autoptr (GBytes) before = NULL;

  make_file (f, f->path);
  before = cr_test_read_bytes (f->path);

  g_assert_cmpint (run (f, "--file", f->path, "import", "attendance", bad,
                        "--group", PANEL, NULL), ==, 1);
  line3 = g_strconcat (bad, ":3: “Y” under 09/02/2026", NULL);
  g_assert_nonnull (strstr (f->err, line3));
  g_assert_nonnull (strstr (f->err, "Nothing was imported"));
  g_assert_true (g_bytes_equal (before, cr_test_read_bytes (f->path)));

  /* No such group; no group; no file. */
  g_assert_cmpint (run (f, "--file", f->path, "import", "attendance", good,
                        "--group", "Nobody’s group", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "Nobody’s group"));
  g_assert_cmpint (run (f, "--file", f->path, "import", "attendance", good, NULL), ==, 2);
  g_assert_cmpint (run (f, "--file", f->path, "import", "attendance", "--group", PANEL, NULL), ==, 2);
  g_assert_cmpint (run (f, "--file", f->path, "export", "attendance", "--group", PANEL, NULL), ==, 2);
  g_assert_cmpint (run (f, "--file", f->path, "export", "attendance", "--output", "x.xlsx", NULL), ==, 2);
  g_assert_cmpint (run (f, "--file", f->path, "export", "attendance", "--group", PANEL,
                        "--from", "31/02/2026", "--output", "x.xlsx", NULL), ==, 1);
  g_assert_cmpint (run (f, "--file", f->path, "import", "attendance", "--help", NULL), ==, 0);
  g_assert_true (g_bytes_equal (before, cr_test_read_bytes (f->path)));
}

/* A meeting of the panel on 2026-03-09, with its people and papers. */
static gint64
make_meeting (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = NULL;
  static const struct
  {
    const char       *given, *family;
    CrMembershipKind  kind;
    const char       *start, *end;
    CrAttendanceMark  mark;
  } people[] = {
    { "Zainab", "Yusuf", CR_MEMBERSHIP_VOTING, "2025-01-01", NULL, CR_ATTENDANCE_PRESENT },
    { "Tom", "Adams", CR_MEMBERSHIP_VOTING, "2025-01-01", NULL, CR_ATTENDANCE_APOLOGIES },
    { "Siobhán", "O’Brien", CR_MEMBERSHIP_CO_OPTEE, "2025-06-01", NULL, CR_ATTENDANCE_PRESENT },
    { "Piotr", "Nowak", CR_MEMBERSHIP_VOTING, "2025-01-01", NULL, CR_ATTENDANCE_NONE },
    { "Gone", "Before", CR_MEMBERSHIP_VOTING, "2024-01-01", "2026-01-31", CR_ATTENDANCE_NONE },
    { "Not", "Yet", CR_MEMBERSHIP_VOTING, "2026-04-01", NULL, CR_ATTENDANCE_NONE },
    { "Ama", "Mensah", CR_MEMBERSHIP_VOTING, "2025-01-01", NULL, CR_ATTENDANCE_ABSENT },
  };
  CrMeeting meeting = { 0 };
  CrAgendaItem item = { 0 };
  CrDecision decision = { 0 };
  CrAction action = { 0 };
  gint64 group, meeting_id, item_id, nowak = 0;

  g_assert_cmpint (run (f, "--file", f->path, "init", "--name", "Vale TRA", NULL), ==, 0);
  store = cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  group = cr_store_add_group (store, PANEL, CR_GROUP_KIND_PANEL,
                              cr_store_get_association_group (store), &error);
  g_assert_no_error (error);

  meeting.group_id = group;
  meeting.date = (char *) "2026-03-09";
  meeting.start_time = (char *) "19:00";
  meeting.venue = (char *) "Community Room";
  meeting.status = CR_MEETING_STATUS_HELD;
  meeting_id = cr_store_add_meeting (store, &meeting, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr (CrPerson) person = cr_person_new ();
      gint64 id, ms;

      cr_person_set_given_name (person, people[i].given);
      cr_person_set_family_name (person, people[i].family);
      id = cr_store_add_person (store, person, &error);
      g_assert_no_error (error);
      ms = cr_store_add_membership (store, id, group, people[i].kind, people[i].start, &error);
      g_assert_no_error (error);
      if (people[i].end != NULL)
        {
          cr_store_end_membership (store, ms, people[i].end, CR_END_RESIGNED, &error);
          g_assert_no_error (error);
        }
      if (people[i].mark != CR_ATTENDANCE_NONE)
        {
          cr_store_set_attendance (store, meeting_id, id, people[i].mark,
                                   CR_ATTENDEE_MEMBER, &error);
          g_assert_no_error (error);
        }
      if (g_str_equal (people[i].family, "Nowak"))
        nowak = id;
      /* Officers, named by title in the minutes and on the sheet: the
       * panel's chair and treasurer on the day; Tom Adams was its chair
       * until the year before and is the association's secretary, which
       * is not an office at a panel's meeting. */
      if (g_str_equal (people[i].family, "Yusuf"))
        cr_store_add_office (store, id, group, "Chair", "2025-01-01", &error);
      else if (g_str_equal (people[i].family, "O’Brien"))
        cr_store_add_office (store, id, group, "Treasurer", "2025-06-01", &error);
      else if (g_str_equal (people[i].family, "Adams"))
        {
          gint64 office = cr_store_add_office (store, id, group, "Chair",
                                               "2024-01-01", &error);

          g_assert_no_error (error);
          cr_store_end_office (store, office, "2024-12-31", &error);
          g_assert_no_error (error);
          cr_store_add_office (store, id, cr_store_get_association_group (store),
                               "Secretary", "2024-01-01", &error);
        }
      g_assert_no_error (error);
    }

  /* Piotr Nowak is suspended over the meeting. */
  {
    CrConductEvent event = { 0 };

    event.person_id = nowak;
    event.group_id = group;
    event.kind = CR_CONDUCT_SUSPENSION;
    event.start_date = (char *) "2026-03-01";
    event.end_date = (char *) "2026-03-31";
    event.reason = (char *) "Abusive language at the February meeting";
    cr_store_add_conduct (store, &event, &error);
    g_assert_no_error (error);
  }

  item.meeting_id = meeting_id;
  item.title = (char *) "Repairs backlog on Birch House";
  item.minutes = (char *) "The housing officer reported 42 open repairs.";
  item_id = cr_store_add_agenda_item (store, &item, &error);
  g_assert_no_error (error);
  item.title = (char *) "Summer fun day";
  item.minutes = (char *) "Agreed to hold it in the park.";
  cr_store_add_agenda_item (store, &item, &error);
  g_assert_no_error (error);

  decision.item_id = item_id;
  decision.text = (char *) "Ask for a repairs surgery every month";
  decision.method = CR_DECISION_CONSENSUS;
  cr_store_add_decision (store, &decision, FALSE, &error);
  g_assert_no_error (error);

  action.meeting_id = meeting_id;
  action.item_id = item_id;
  action.description = (char *) "Write to the repairs manager";
  action.owner_text = (char *) "Secretary";
  action.due_date = (char *) "2026-03-23";
  cr_store_add_action (store, &action, &error);
  g_assert_no_error (error);
  return meeting_id;
}

/* The text of a PDF, laid out; NULL (and the test skipped) without
 * pdftotext. */
static char *
pdf_text (const char *pdf)
{
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  const char *argv[] = { NULL, "-layout", pdf, "-", NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (tool == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is missing: can’t read the PDF");
      return NULL;
    }
  argv[0] = tool;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  gint64 meeting_id = make_meeting (f);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);
  g_autofree char *sheet = g_build_filename (f->dir, "sheet.pdf", NULL);
  g_autofree char *agenda = g_build_filename (f->dir, "agenda.pdf", NULL);
  g_autofree char *minutes = g_build_filename (f->dir, "minutes.pdf", NULL);
  g_autofree char *text = NULL;
  static const char *const order[] = { "Adams", "Mensah", "Nowak", "O’Brien", "Yusuf" };
  const char *at = NULL;

  g_assert_cmpint (run (f, "--file", f->path, "print", "attendance-sheet",
                        "--meeting", id, "--output", sheet, NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", f->path, "print", "agenda",
                        "--meeting", id, "--output", agenda, NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", f->path, "print", "minutes",
                        "--meeting", id, "--output", minutes, NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", f->path, "print", "minutes",
                        "--meeting", "999", "--output", minutes, NULL), ==, 1);
  g_assert_cmpint (run (f, "--file", f->path, "print", "minutes",
                        "--meeting", "soon", "--output", minutes, NULL), ==, 2);
  g_assert_cmpint (run (f, "--file", f->path, "print", "poster",
                        "--meeting", id, "--output", minutes, NULL), ==, 2);

  text = pdf_text (sheet);
  if (text == NULL)
    return;
  g_test_message ("%s", text);
  /* Exactly the members on the day, by surname. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *found = strstr (text, order[i]);

      g_assert_nonnull (found);
      g_assert_true (at == NULL || found > at);
      at = found;
    }
  g_assert_null (strstr (text, "Before"));
  g_assert_null (strstr (text, "Yet"));
  g_assert_nonnull (strstr (text, "Apologies sent"));
  g_assert_nonnull (strstr (text, "Suspended — may not vote"));
  g_assert_nonnull (strstr (text, "Co-opted member"));
  /* The notes are on their people's lines. */
  {
    g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        if (strstr (lines[i], "Apologies sent") != NULL)
          g_assert_nonnull (strstr (lines[i], "Adams"));
        if (strstr (lines[i], "Suspended") != NULL)
          g_assert_nonnull (strstr (lines[i], "Nowak"));
        if (strstr (lines[i], "Yusuf") != NULL)
          g_assert_nonnull (strstr (lines[i], "Chair"));
        if (strstr (lines[i], "Adams") != NULL)
          {
            g_assert_null (strstr (lines[i], "Chair"));
            g_assert_null (strstr (lines[i], "Secretary"));
          }
      }
  }
  g_clear_pointer (&text, g_free);

  text = pdf_text (agenda);
  g_assert_nonnull (strstr (text, "Repairs backlog on Birch House"));
  g_assert_nonnull (strstr (text, "Summer fun day"));
  g_assert_true (strstr (text, "Repairs backlog") < strstr (text, "Summer fun day"));
  g_clear_pointer (&text, g_free);

  text = pdf_text (minutes);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Repairs backlog on Birch House"));
  g_assert_nonnull (strstr (text, "42 open repairs"));
  g_assert_nonnull (strstr (text, "Ask for a repairs surgery every month"));
  g_assert_nonnull (strstr (text, "Write to the repairs manager"));
  g_assert_nonnull (strstr (text, "Yusuf"));
  g_assert_nonnull (strstr (text, "Adams"));
  g_assert_nonnull (strstr (text, "Mensah"));
  /* Nowak was expected but not marked, at a meeting that took its
   * register: absent. */
  g_assert_nonnull (strstr (text, "Nowak"));
  g_assert_null (strstr (text, "Before"));
  /* Officers by title, however the line wraps. */
  {
    g_auto (GStrv) words = g_strsplit_set (text, " \n\t", -1);
    g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();
    g_auto (GStrv) parts = NULL;
    g_autofree char *squashed = NULL;

    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        g_strv_builder_add (kept, words[i]);
    parts = g_strv_builder_end (kept);
    squashed = g_strjoinv (" ", parts);
    g_test_message ("%s", squashed);
    g_assert_nonnull (strstr (squashed, "Present: Siobhán O’Brien (Treasurer; "));
    g_assert_nonnull (strstr (squashed, "Zainab Yusuf (Chair)"));
    g_assert_nonnull (strstr (squashed, "Tom Adams"));
    g_assert_null (strstr (squashed, "Tom Adams ("));
  }
}

static void
test_export_actions (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "actions.xlsx", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *book, *cells;

  make_meeting (f);
  g_assert_cmpint (run (f, "--file", f->path, "export", "actions", "--group", PANEL,
                        "--output", xlsx, NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", f->path, "export", "actions", "--group", "Nobody",
                        "--output", xlsx, NULL), ==, 1);
  book = read_workbook (xlsx, parser);
  if (book == NULL)
    return;
  cells = json_object_get_object_member (json_object_get_object_member (json_object_get_object_member (book, "sheets"),
                                                                        "Actions"),
                                         "cells");
#define CELL(ref) json_object_get_object_member (cells, ref)
  g_assert_cmpstr (json_object_get_string_member (CELL ("A4"), "value"), ==, "Raised on");
  g_assert_cmpstr (json_object_get_string_member (CELL ("H4"), "value"), ==, "Done on");
  g_assert_true (json_object_get_boolean_member (CELL ("A5"), "is_date"));
  g_assert_cmpstr (json_object_get_string_member (CELL ("A5"), "value"), ==, "2026-03-09T00:00:00");
  g_assert_cmpstr (json_object_get_string_member (CELL ("B5"), "value"), ==, PANEL);
  g_assert_cmpstr (json_object_get_string_member (CELL ("C5"), "value"), ==, "Write to the repairs manager");
  g_assert_cmpstr (json_object_get_string_member (CELL ("D5"), "value"), ==, "Secretary");
  g_assert_cmpstr (json_object_get_string_member (CELL ("E5"), "value"), ==, "2026-03-23T00:00:00");
  g_assert_cmpstr (json_object_get_string_member (CELL ("F5"), "value"), ==, "Open");
#undef CELL
}

/* The register's quorum, counted as the rows go by, is the store's. */
static void
test_quorum_matches_store (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = cr_store_create (f->path, "Demo", &error);
  g_autoptr (GPtrArray) groups = NULL;
  CrDemoOptions options = { .members = 300, .seed = 7 };
  guint n_compared = 0, n_rows = 0;

  g_assert_no_error (error);
  g_assert_true (cr_demo_fill (store, &options, &error));
  g_assert_no_error (error);
  groups = cr_store_list_groups (store, &error);
  g_assert_no_error (error);
  for (guint g = 0; g < groups->len; g++)
    {
      gint64 group_id = cr_group_get_id (g_ptr_array_index (groups, g));
      g_autoptr (CrAttendanceCursor) cursor = cr_store_open_attendance (store, group_id, NULL, NULL, &error);
      g_autoptr (GPtrArray) meetings = NULL;
      const char *name;
      const guint8 *marks;
      guint column = 0;

      g_assert_no_error (error);
      while (cr_attendance_cursor_next (cursor, &name, &marks, &error))
        n_rows++;
      g_assert_no_error (error);
      meetings = cr_store_list_meetings (store, group_id, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < meetings->len; i++)
        {
          CrMeeting *m = g_ptr_array_index (meetings, i);
          const CrRegisterMeeting *r;

          if (m->status != CR_MEETING_STATUS_HELD)
            continue;
          r = cr_attendance_cursor_get_meeting (cursor, column++);
          g_assert_cmpint (r->id, ==, m->id);
          g_assert_cmpuint (r->voting_members, ==, m->voting_members);
          g_assert_cmpuint (r->voting_present, ==, m->voting_present);
          g_assert_cmpuint (r->quorum_required, ==, m->quorum_required);
          g_assert_cmpint (r->quorate, ==, m->quorate);
          n_compared++;
        }
      g_assert_cmpuint (column, ==, cr_attendance_cursor_get_n_meetings (cursor));
    }
  g_assert_cmpuint (n_compared, >, 50);
  g_assert_cmpuint (n_rows, >, 100);
}

/* Done-when 3 of issue 4: the sign-in sheet of a meeting of the demo
 * file lists exactly the members the meeting expects, each once, in
 * surname order, as pdftotext reads the PDF. */
static void
test_demo_sheet (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = NULL;
  g_autoptr (GPtrArray) meetings = NULL;
  g_autoptr (GPtrArray) expected = NULL;
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_print_person_free);
  g_autoptr (GPtrArray) sorted = NULL;
  g_autoptr (GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sheet = g_build_filename (f->dir, "demo-sheet.pdf", NULL);
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  CrDemoOptions options = { .members = 300, .seed = 7 };
  CrMeeting *meeting = NULL;

  store = cr_store_create (f->path, CR_DEMO_ASSOCIATION_NAME, &error);
  g_assert_no_error (error);
  g_assert_true (cr_demo_fill (store, &options, &error));
  g_assert_no_error (error);

  /* The committee's latest held meeting: a dozen or so members, some
   * co-opted, some with apologies. */
  meetings = cr_store_list_meetings (store, 0, &error);
  g_assert_no_error (error);
  for (guint i = meetings->len; i-- > 0 && meeting == NULL;)
    {
      CrMeeting *m = g_ptr_array_index (meetings, i);

      if (m->status == CR_MEETING_STATUS_HELD && g_str_equal (m->group_name, "Committee"))
        meeting = m;
    }
  g_assert_nonnull (meeting);
  expected = cr_store_list_expected (store, meeting->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, >=, 10);
  for (guint i = 0; i < expected->len; i++)
    {
      CrExpectedAttendee *e = g_ptr_array_index (expected, i);

      g_ptr_array_add (people, cr_print_person_new (e->family_name, e->given_name, NULL));
    }
  sorted = cr_print_people_sorted (people);
  g_clear_object (&store);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, meeting->id);
  g_assert_cmpint (run (f, "--file", f->path, "print", "attendance-sheet",
                        "--meeting", id, "--output", sheet, NULL), ==, 0);
  text = pdf_text (sheet);
  if (text == NULL)
    return;
  g_test_message ("%s", text);

  /* The names column: what starts a line and holds "Family, Given",
   * up to the gap before the note or the signature. */
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *gap = strstr (line, "  ");

      if (gap != NULL)
        *gap = '\0';
      /* Not the notes about signing, nor the title and date lines. */
      if (strstr (line, ", ") != NULL && strstr (line, "sign") == NULL &&
          strstr (line, "Association") == NULL &&
          strstr (line, " 20") == NULL)
        g_ptr_array_add (listed, g_strdup (line));
    }
  for (guint i = 0; i < listed->len; i++)
    g_test_message ("listed %u: %s", i, (char *) listed->pdata[i]);
  g_assert_cmpuint (listed->len, ==, sorted->len);
  for (guint i = 0; i < sorted->len; i++)
    {
      g_autofree char *filed = cr_print_person_dup_filed_name (g_ptr_array_index (sorted, i));

      g_assert_cmpstr (listed->pdata[i], ==, filed);
    }
}

/* `meetings list` judges each meeting by the terms of reference in force
 * on its date: a quorum of 2 adopted in January 2025, then one of 4 in
 * January 2026; three of four members came to a meeting in each year. */
static void
test_meetings_list_rules_in_force (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "register.csv", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *list;

  make_file (f, f->path);
  g_assert_true (g_file_set_contents (csv,
                                      "Name,2025-03-10,2026-03-10\n"
                                      "Kwame Mensah,P,P\n"
                                      "Aisha Abdi,P,P\n"
                                      "Ewa Nowak,P,P\n"
                                      "Gary Smith,X,A\n",
                                      -1, &error));
  g_assert_cmpint (run (f, "--file", f->path, "import", "attendance", csv,
                        "--group", PANEL, NULL), ==, 0);
  g_setenv ("CR_TODAY", "2025-01-15", TRUE);
  g_assert_cmpint (run (f, "--file", f->path, "rules", "set", "quorum", "2",
                        "--group", PANEL, NULL), ==, 0);
  g_setenv ("CR_TODAY", "2026-01-15", TRUE);
  g_assert_cmpint (run (f, "--file", f->path, "rules", "set", "quorum", "4",
                        "--group", PANEL, NULL), ==, 0);
  g_setenv ("CR_TODAY", "2026-11-22", TRUE);

  g_assert_cmpint (run (f, "--file", f->path, "meetings", "list", "--group",
                        PANEL, "--format", "json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, f->out, -1, &error));
  g_assert_no_error (error);
  list = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "date"),
                   ==, "2025-03-10");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (list, 0), "quorate"));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (list, 0), "quorum_required"),
                   ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 1), "date"),
                   ==, "2026-03-10");
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (list, 1), "quorate"));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (list, 1), "quorum_required"),
                   ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (list, 1), "voting_present"),
                   ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/attendance/round-trip", test_round_trip);
  ADD ("/cli/attendance/refused", test_refused);
  ADD ("/cli/attendance/libreoffice", test_libreoffice);
  ADD ("/cli/print/meeting", test_print);
  ADD ("/cli/print/demo-sheet", test_demo_sheet);
  ADD ("/cli/export/actions", test_export_actions);
  ADD ("/store/attendance/quorum", test_quorum_matches_store);
  ADD ("/cli/meetings/rules-in-force", test_meetings_list_rules_in_force);

#undef ADD

  return g_test_run ();
}
