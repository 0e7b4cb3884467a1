/* test-xlsx.c: the house spreadsheet format, read back by another reader
 *
 * Each workbook written here is read back cell by cell by
 * tests/read-xlsx.py (openpyxl), so the tests check what Excel and
 * LibreOffice will see, not what we meant to write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-xlsx.h"
#include "cr-xlsx-private.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#define PYTHON "/usr/bin/python3"

static const char *const association = "Ashbourne Vale TRA";

static char *
make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("cr-test-xlsx-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The names in @dir, sorted, joined by spaces: "" when empty. */
static char *
list_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* Runs the reader; %NULL (and the test skipped) if openpyxl is missing. */
static JsonNode *
read_back (const char *path)
{
  g_autofree char *script =
      g_test_build_filename (G_TEST_DIST, "read-xlsx.py", NULL);
  const char      *argv[] = { PYTHON, script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  int status = 0;

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("No " PYTHON " to read the workbook back with openpyxl");
      return NULL;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                &err, &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_autofree char *reason =
          g_strdup_printf ("Cannot read the workbook back: %s (install "
                           "python3-openpyxl)",
                           g_strstrip (err));

      g_test_skip (reason);
      return NULL;
    }
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("read-xlsx.py failed: %s\n%s", error->message, err);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
get_sheet (JsonNode *root, const char *name)
{
  JsonObject *sheets =
      json_object_get_object_member (json_node_get_object (root), "sheets");

  g_assert_true (json_object_has_member (sheets, name));
  return json_object_get_object_member (sheets, name);
}

/* The cell at @ref, or %NULL if it is empty. */
static JsonObject *
get_cell (JsonObject *sheet, const char *ref)
{
  JsonObject *cells = json_object_get_object_member (sheet, "cells");

  if (!json_object_has_member (cells, ref))
    return NULL;
  return json_object_get_object_member (cells, ref);
}

static const char *
cell_string (JsonObject *sheet, const char *ref, const char *member)
{
  JsonObject *cell = get_cell (sheet, ref);

  g_assert_nonnull (cell);
  return json_object_get_string_member (cell, member);
}

/* A text cell: its value is exactly @text and it is stored as a string. */
static void
assert_text (JsonObject *sheet, const char *ref, const char *text)
{
  g_assert_cmpstr (cell_string (sheet, ref, "type"), ==, "s");
  g_assert_cmpstr (cell_string (sheet, ref, "value"), ==, text);
}

static void
assert_number (JsonObject *sheet,
               const char *ref,
               double      value,
               const char *raw,
               const char *number_format)
{
  JsonObject *cell = get_cell (sheet, ref);

  g_assert_nonnull (cell);
  g_assert_cmpstr (json_object_get_string_member (cell, "type"), ==, "n");
  g_assert_cmpfloat (json_object_get_double_member (cell, "value"), ==, value);
  if (raw != NULL)
    g_assert_cmpstr (json_object_get_string_member (cell, "raw"), ==, raw);
  g_assert_cmpstr (json_object_get_string_member (cell, "number_format"), ==,
                   number_format);
}

static void
assert_date (JsonObject *sheet, const char *ref, const char *iso)
{
  g_autofree char *midnight = g_strconcat (iso, "T00:00:00", NULL);

  g_assert_true (
      json_object_get_boolean_member (get_cell (sheet, ref), "is_date"));
  g_assert_cmpstr (cell_string (sheet, ref, "value"), ==, midnight);
  g_assert_cmpstr (cell_string (sheet, ref, "number_format"), ==, "dd/mm/yyyy");
}

static gboolean
cell_bold (JsonObject *sheet, const char *ref)
{
  return json_object_get_boolean_member (get_cell (sheet, ref), "bold");
}

/* Whether any cell of @sheet has exactly @text as its value. */
static gboolean
sheet_has_text (JsonObject *sheet, const char *text)
{
  JsonObject *cells = json_object_get_object_member (sheet, "cells");
  g_autoptr (GList) members = json_object_get_members (cells);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonObject *cell = json_object_get_object_member (cells, l->data);
      JsonNode   *value = json_object_get_member (cell, "value");

      if (JSON_NODE_HOLDS_VALUE (value) &&
          json_node_get_value_type (value) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (value), text) == 0)
        return TRUE;
    }
  return FALSE;
}

static const CrXlsxColumn member_columns[] = {
  { "Name", CR_XLSX_TEXT, 0 },        { "Joined", CR_XLSX_DATE, 0 },
  { "Phone", CR_XLSX_TEXT, 0 },       { "Paid", CR_XLSX_MONEY, 0 },
  { "Meetings", CR_XLSX_INTEGER, 0 }, { "Attendance", CR_XLSX_PERCENT, 0 },
};

static void
test_round_trip (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "register.xlsx", NULL);
  g_autofree char *source =
      g_build_filename (dir, "Ashbourne Vale.commonroom", NULL);
  g_autofree char *long_text = NULL;
  g_autofree char *listing = NULL;
  g_autoptr (CrXlsx) xlsx = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  const CrXlsxColumn grant_columns[] = {
    { "Item", CR_XLSX_TEXT, 40 },
    { "Amount", CR_XLSX_MONEY, 40 },
    { "Notes", CR_XLSX_TEXT, 40 },
  };
  CrXlsxSheet *sheet, *grants;
  JsonObject  *s, *about, *print, *props;
  GString     *text = g_string_new (NULL);

  for (guint i = 0; i < 30; i++)
    g_string_append (text, "Flat 12é, ");
  long_text = g_string_free (text, FALSE);
  g_assert_cmpint (g_utf8_strlen (long_text, -1), ==, 300);

  xlsx = cr_xlsx_new (path, association, "Membership register", &error);
  g_assert_no_error (error);
  sheet = cr_xlsx_add_sheet (xlsx, "Members",
                             "Ashbourne Vale TRA — Membership register",
                             "1 April 2026 to 31 March 2027", member_columns,
                             G_N_ELEMENTS (member_columns));
  g_assert_cmpstr (cr_xlsx_sheet_get_name (sheet), ==, "Members");

  cr_xlsx_sheet_add_text (sheet, "Seán O'Brien-Ó Súilleabháin");
  cr_xlsx_sheet_add_date_iso (sheet, "2024-02-29");
  cr_xlsx_sheet_add_text (sheet, "+44 7700 900123");
  cr_xlsx_sheet_add_money (sheet, 123456789);
  cr_xlsx_sheet_add_integer (sheet, 12);
  cr_xlsx_sheet_add_percent (sheet, 9, 12);
  g_assert_true (cr_xlsx_sheet_end_row (sheet));

  cr_xlsx_sheet_add_text (sheet, "=SUM(A1)");
  cr_xlsx_sheet_add_date_iso (sheet, "2026-04-01");
  cr_xlsx_sheet_add_text (sheet, "@x");
  cr_xlsx_sheet_add_money (sheet, -1250);
  cr_xlsx_sheet_add_integer (sheet, 3);
  cr_xlsx_sheet_add_percent (sheet, 0, 0);
  cr_xlsx_sheet_end_row (sheet);

  cr_xlsx_sheet_add_text (sheet, long_text);
  cr_xlsx_sheet_add_date_iso (sheet, NULL);
  cr_xlsx_sheet_add_text (sheet, "-5");
  cr_xlsx_sheet_add_money (sheet, 0);
  cr_xlsx_sheet_add_integer (sheet, 0);
  cr_xlsx_sheet_add_percent (sheet, 1, 4);
  cr_xlsx_sheet_end_row (sheet);

  cr_xlsx_sheet_add_text (sheet, "Zoë d'Arcy");
  cr_xlsx_sheet_add_date_iso (sheet, "2026-02-30");
  cr_xlsx_sheet_add_text (sheet, "=1+1");
  cr_xlsx_sheet_add_money (sheet, 1);
  cr_xlsx_sheet_add_integer (sheet, 1);
  cr_xlsx_sheet_add_blank (sheet);
  cr_xlsx_sheet_end_row (sheet);

  cr_xlsx_sheet_begin_totals (sheet, NULL);
  cr_xlsx_sheet_add_blank (sheet);
  cr_xlsx_sheet_add_blank (sheet);
  cr_xlsx_sheet_add_sum (sheet);
  cr_xlsx_sheet_add_sum (sheet);
  cr_xlsx_sheet_end_row (sheet);
  g_assert_cmpuint (cr_xlsx_sheet_get_n_data_rows (sheet), ==, 4);
  g_assert_cmpint (cr_xlsx_sheet_get_sum (sheet, 3), ==, 123455540);
  g_assert_cmpint (cr_xlsx_sheet_get_sum (sheet, 4), ==, 16);

  /* Same name again, wide enough to print landscape, no records. */
  grants = cr_xlsx_add_sheet (xlsx, "members", "Grants", NULL, grant_columns,
                              G_N_ELEMENTS (grant_columns));
  g_assert_cmpstr (cr_xlsx_sheet_get_name (grants), ==, "members (2)");
  cr_xlsx_sheet_begin_totals (grants, "Total spent");
  cr_xlsx_sheet_add_sum (grants);
  cr_xlsx_sheet_end_row (grants);

  g_assert_true (cr_xlsx_close (xlsx, source, &error));
  g_assert_no_error (error);

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "register.xlsx");

  root = read_back (path);
  if (root == NULL)
    {
      remove_dir (dir);
      return;
    }

  /* Sheets and document properties. */
  {
    JsonArray *names = json_object_get_array_member (
        json_node_get_object (root), "sheet_names");

    g_assert_cmpuint (json_array_get_length (names), ==, 3);
    g_assert_cmpstr (json_array_get_string_element (names, 0), ==, "Members");
    g_assert_cmpstr (json_array_get_string_element (names, 1), ==,
                     "members (2)");
    g_assert_cmpstr (json_array_get_string_element (names, 2), ==, "About");
  }
  props =
      json_object_get_object_member (json_node_get_object (root), "properties");
  g_assert_cmpstr (json_object_get_string_member (props, "title"), ==,
                   "Membership register");
  g_assert_cmpstr (json_object_get_string_member (props, "creator"), ==,
                   "Common Room");

  /* Layout: title, period, bold header frozen below, filter on records. */
  s = get_sheet (root, "Members");
  assert_text (s, "A1", "Ashbourne Vale TRA — Membership register");
  g_assert_true (cell_bold (s, "A1"));
  assert_text (s, "A2", "1 April 2026 to 31 March 2027");
  g_assert_null (get_cell (s, "A3"));
  assert_text (s, "A4", "Name");
  assert_text (s, "F4", "Attendance");
  g_assert_true (cell_bold (s, "A4"));
  g_assert_true (cell_bold (s, "D4"));
  g_assert_cmpstr (json_object_get_string_member (s, "freeze_panes"), ==, "A5");
  g_assert_cmpstr (json_object_get_string_member (s, "auto_filter"), ==,
                   "A4:F8");

  /* Text stays text, whatever it looks like. */
  assert_text (s, "A5", "Seán O'Brien-Ó Súilleabháin");
  assert_text (s, "C5", "+44 7700 900123");
  assert_text (s, "A6", "=SUM(A1)");
  assert_text (s, "C6", "@x");
  assert_text (s, "A7", long_text);
  assert_text (s, "C7", "-5");
  assert_text (s, "A8", "Zoë d'Arcy");
  assert_text (s, "C8", "=1+1");
  g_assert_false (cell_bold (s, "A5"));

  /* Dates are dates; a date that does not exist is kept as typed. */
  assert_date (s, "B5", "2024-02-29");
  assert_date (s, "B6", "2026-04-01");
  g_assert_null (get_cell (s, "B7"));
  assert_text (s, "B8", "2026-02-30");

  /* Money is a number, written as the exact decimal. */
  assert_number (s, "D5", 1234567.89, "1234567.89", "£#,##0.00");
  assert_number (s, "D6", -12.5, "-12.5", "£#,##0.00");
  assert_number (s, "D7", 0, "0", "£#,##0.00");
  assert_number (s, "D8", 0.01, "0.01", "£#,##0.00");
  assert_number (s, "E5", 12, "12", "0");
  assert_number (s, "F5", 0.75, "0.75", "0%");
  g_assert_null (get_cell (s, "F6"));
  assert_number (s, "F7", 0.25, "0.25", "0%");
  g_assert_null (get_cell (s, "F8"));

  /* Totals: formulas that carry their value, outside the filter. */
  assert_text (s, "A9", "Total");
  g_assert_true (cell_bold (s, "A9"));
  g_assert_cmpstr (cell_string (s, "D9", "type"), ==, "f");
  g_assert_cmpstr (cell_string (s, "D9", "value"), ==, "=SUM(D5:D8)");
  g_assert_cmpfloat (
      json_object_get_double_member (get_cell (s, "D9"), "cached"), ==,
      1234555.40);
  g_assert_cmpstr (cell_string (s, "D9", "number_format"), ==, "£#,##0.00");
  g_assert_true (cell_bold (s, "D9"));
  g_assert_cmpstr (cell_string (s, "E9", "value"), ==, "=SUM(E5:E8)");
  g_assert_cmpfloat (
      json_object_get_double_member (get_cell (s, "E9"), "cached"), ==, 16);

  /* Print setup: A4, one page wide, header row on every page. */
  print = json_object_get_object_member (s, "print");
  g_assert_cmpint (json_object_get_int_member (print, "paper_size"), ==, 9);
  /* The 300-character names make it wider than a portrait page. */
  g_assert_cmpstr (json_object_get_string_member (print, "orientation"), ==,
                   "landscape");
  g_assert_cmpint (json_object_get_int_member (print, "fit_to_width"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (print, "fit_to_height"), ==, 0);
  g_assert_true (json_object_get_boolean_member (print, "fit_to_page"));
  g_assert_cmpstr (json_object_get_string_member (print, "print_title_rows"),
                   ==, "$4:$4");
  g_assert_nonnull (
      strstr (json_object_get_string_member (print, "header_center"),
              "Membership register"));
  g_assert_nonnull (
      strstr (json_object_get_string_member (print, "footer_right"), "&P"));

  /* A sheet with no records: a plain zero, a filter over the header. */
  s = get_sheet (root, "members (2)");
  g_assert_cmpstr (json_object_get_string_member (s, "auto_filter"), ==,
                   "A4:C4");
  assert_text (s, "A5", "Total spent");
  assert_number (s, "B5", 0, "0", "£#,##0.00");
  print = json_object_get_object_member (s, "print");
  g_assert_cmpstr (json_object_get_string_member (print, "orientation"), ==,
                   "landscape");

  /* The About sheet says where the report came from. */
  about = get_sheet (root, "About");
  g_assert_true (sheet_has_text (about, "Ashbourne Vale.commonroom"));
  g_assert_true (sheet_has_text (about, source));
  g_assert_true (sheet_has_text (about, association));
  g_assert_true (sheet_has_text (about, "Membership register"));
  g_assert_true (sheet_has_text (about, "Common Room " PACKAGE_VERSION));
  g_assert_true (sheet_has_text (about, "Rows in “Members”"));
  print = json_object_get_object_member (about, "print");
  g_assert_cmpstr (json_object_get_string_member (print, "orientation"), ==,
                   "portrait");

  remove_dir (dir);
}

static void
test_sheet_names (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "Grants 2026/27", "Grants 2026-27" },
    { "[Q1]: a*b?c\\d", "-Q1-- a-b-c-d" },
    { "'Quoted'", "Quoted" },
    { "", "Sheet" },
    { NULL, "Sheet" },
    { "   ", "Sheet" },
    { "history", "history (1)" },
    { "Attendance register for the whole estate",
      "Attendance register for the who" },
    { "Minutes of the Ashbour tenants' meeting",
      "Minutes of the Ashbour tenants" },
    { "Emoji 🏠 in a long sheet name here", "Emoji 🏠 in a long sheet name h" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = cr_xlsx_sanitize_sheet_name (cases[i].in);

      g_assert_cmpstr (name, ==, cases[i].out);
      g_assert_cmpint (g_utf8_strlen (name, -1), <=, 31);
    }
}

static void
test_no_folder (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path =
      g_build_filename (dir, "missing", "report.xlsx", NULL);
  g_autofree char *listing = NULL;
  g_autoptr (GError) error = NULL;
  CrXlsx *xlsx;

  xlsx = cr_xlsx_new (path, association, "Grants", &error);
  g_assert_null (xlsx);
  g_assert_error (error, CR_XLSX_ERROR, CR_XLSX_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "report.xlsx"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "");

  remove_dir (dir);
}

static void
write_old_file (const char *path)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, "the report from last year", -1, &error);
  g_assert_no_error (error);
}

static void
assert_old_file (const char *path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the report from last year");
}

static void
write_rows (CrXlsxSheet *sheet, guint n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *name = g_strdup_printf ("Member number %u", i);

      cr_xlsx_sheet_add_text (sheet, name);
      cr_xlsx_sheet_add_date_iso (sheet, "2026-05-01");
      cr_xlsx_sheet_add_text (sheet, "07700 900123");
      cr_xlsx_sheet_add_money (sheet, i * 100);
      cr_xlsx_sheet_add_integer (sheet, i);
      cr_xlsx_sheet_add_percent (sheet, i % 10, 10);
      if (!cr_xlsx_sheet_end_row (sheet))
        break;
    }
}

/* Abandoning a report (an error while reading the store, a cancel) leaves
 * an older export where it was and no temporary behind. */
static void
test_abandon_keeps_existing (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "register.xlsx", NULL);
  g_autofree char *listing = NULL;
  g_autoptr (GError) error = NULL;
  CrXlsx      *xlsx;
  CrXlsxSheet *sheet;

  write_old_file (path);
  xlsx = cr_xlsx_new (path, association, "Membership register", &error);
  g_assert_no_error (error);
  sheet = cr_xlsx_add_sheet (xlsx, "Members", "Members", NULL, member_columns,
                             G_N_ELEMENTS (member_columns));
  write_rows (sheet, 100);
  listing = list_dir (dir);
  g_assert_true (g_str_has_prefix (listing, ".register.xlsx."));
  cr_xlsx_free (xlsx);

  assert_old_file (path);
  g_clear_pointer (&listing, g_free);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "register.xlsx");

  remove_dir (dir);
}

/* Saving over an earlier export, as a Save dialog allows, replaces it. */
static void
test_replace_existing (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "register.xlsx", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrXlsx) xlsx = NULL;
  gsize length = 0;

  write_old_file (path);
  xlsx = cr_xlsx_new (path, association, "Membership register", &error);
  g_assert_no_error (error);
  write_rows (cr_xlsx_add_sheet (xlsx, "Members", "Members", NULL,
                                 member_columns, G_N_ELEMENTS (member_columns)),
              10);
  g_assert_true (cr_xlsx_close (xlsx, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (contents, 4, "PK\003\004", 4);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "register.xlsx");

  remove_dir (dir);
}

/* A disk that fills up while a report is written: the error says so, the
 * earlier export survives, nothing is left behind. The full disk is a file
 * size limit set in a child process. */
static void
test_disk_full (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *listing = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CrXlsx) xlsx = NULL;
      struct rlimit limit = { 256 * 1024, 256 * 1024 };
      const char   *child_dir = g_getenv ("CR_TEST_XLSX_DIR");

      path = g_build_filename (child_dir, "register.xlsx", NULL);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      xlsx = cr_xlsx_new (path, association, "Membership register", &error);
      g_assert_no_error (error);
      write_rows (cr_xlsx_add_sheet (xlsx, "Members", "Members", NULL,
                                     member_columns,
                                     G_N_ELEMENTS (member_columns)),
                  20000);
      g_assert_false (cr_xlsx_close (xlsx, NULL, &error));
      g_assert_error (error, CR_XLSX_ERROR, CR_XLSX_ERROR_NO_SPACE);
      g_assert_nonnull (strstr (error->message, "register.xlsx"));
      g_assert_nonnull (strstr (error->message, "disk is full"));
      return;
    }

  dir = make_dir ();
  path = g_build_filename (dir, "register.xlsx", NULL);
  write_old_file (path);
  g_setenv ("CR_TEST_XLSX_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  assert_old_file (path);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "register.xlsx");

  remove_dir (dir);
}

/* Rows go to disk as they are finished, so memory stays flat; this only
 * checks that a larger sheet round-trips its counts and totals. */
static void
test_many_rows (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "register.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrXlsx) xlsx = NULL;
  g_autoptr (JsonNode) root = NULL;
  CrXlsxSheet *sheet;
  JsonObject  *s;

  xlsx = cr_xlsx_new (path, association, "Membership register", &error);
  g_assert_no_error (error);
  sheet = cr_xlsx_add_sheet (xlsx, "Members", "Members", NULL, member_columns,
                             G_N_ELEMENTS (member_columns));
  write_rows (sheet, 2000);
  cr_xlsx_sheet_begin_totals (sheet, NULL);
  cr_xlsx_sheet_add_blank (sheet);
  cr_xlsx_sheet_add_blank (sheet);
  cr_xlsx_sheet_add_sum (sheet);
  cr_xlsx_sheet_add_sum (sheet);
  cr_xlsx_sheet_end_row (sheet);
  g_assert_true (cr_xlsx_close (xlsx, NULL, &error));
  g_assert_no_error (error);

  root = read_back (path);
  if (root != NULL)
    {
      s = get_sheet (root, "Members");
      g_assert_cmpstr (json_object_get_string_member (s, "auto_filter"), ==,
                       "A4:F2004");
      g_assert_cmpstr (cell_string (s, "D2005", "value"), ==, "=SUM(D5:D2004)");
      /* 100 * (0 + 1 + … + 1999) pence. */
      g_assert_cmpfloat (
          json_object_get_double_member (get_cell (s, "D2005"), "cached"), ==,
          1999000.0);
      g_assert_true (sheet_has_text (get_sheet (root, "About"), "(none)"));
    }

  remove_dir (dir);
}

/* A report longer than a sheet holds goes on in further sheets with the
 * same layout; nothing is lost and the totals cover every part. The limit
 * is lowered to 10 rows a sheet (6 records under the title and header) so
 * the test needs no million rows. */
static void
test_split_rows (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "register.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrXlsx) xlsx = NULL;
  g_autoptr (JsonNode) root = NULL;
  const char *const parts[] = { "Members", "Members (2)", "Members (3)",
                                "Members (4)" };
  const guint       rows_in[] = { 6, 6, 6, 2 };
  CrXlsxSheet      *sheet;
  guint             seen = 0;

  xlsx = cr_xlsx_new (path, association, "Membership register", &error);
  g_assert_no_error (error);
  _cr_xlsx_set_max_rows (xlsx, 10);
  sheet = cr_xlsx_add_sheet (xlsx, "Members", "Members", "2026", member_columns,
                             G_N_ELEMENTS (member_columns));
  write_rows (sheet, 20);
  cr_xlsx_sheet_begin_totals (sheet, NULL);
  cr_xlsx_sheet_add_blank (sheet);
  cr_xlsx_sheet_add_blank (sheet);
  cr_xlsx_sheet_add_sum (sheet);
  cr_xlsx_sheet_add_count_if (sheet, "07700 900123", 20);
  cr_xlsx_sheet_end_row (sheet);
  g_assert_cmpuint (cr_xlsx_sheet_get_n_data_rows (sheet), ==, 20);
  g_assert_true (cr_xlsx_close (xlsx, NULL, &error));
  g_assert_no_error (error);

  root = read_back (path);
  if (root == NULL)
    {
      remove_dir (dir);
      return;
    }
  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      JsonObject      *part = get_sheet (root, parts[p]);
      g_autofree char *filter = g_strdup_printf ("A4:F%u", 4 + rows_in[p]);

      g_assert_nonnull (part);
      /* Each part laid out like the first: title, period, header, filter. */
      g_assert_cmpstr (cell_string (part, "A1", "value"), ==, "Members");
      g_assert_cmpstr (cell_string (part, "A2", "value"), ==, "2026");
      g_assert_cmpstr (cell_string (part, "D4", "value"), ==, "Paid");
      g_assert_cmpstr (json_object_get_string_member (part, "freeze_panes"), ==,
                       "A5");
      g_assert_cmpstr (json_object_get_string_member (part, "auto_filter"), ==,
                       filter);
      /* Every record, in order, none missing. */
      for (guint r = 0; r < rows_in[p]; r++, seen++)
        {
          g_autofree char *ref = g_strdup_printf ("A%u", 5 + r);
          g_autofree char *want = g_strdup_printf ("Member number %u", seen);

          g_assert_cmpstr (cell_string (part, ref, "value"), ==, want);
        }
    }
  g_assert_cmpuint (seen, ==, 20);
  g_assert_false (json_object_has_member (
      json_object_get_object_member (json_node_get_object (root), "sheets"),
      "Members (5)"));

  /* The totals, on the last part, sum every part. */
  {
    JsonObject *last = get_sheet (root, "Members (4)");

    g_assert_cmpstr (cell_string (last, "D7", "value"), ==,
                     "=SUM('Members'!D5:D10,'Members (2)'!D5:D10,"
                     "'Members (3)'!D5:D10,D5:D6)");
    /* 100 * (0 + 1 + … + 19) pence. */
    g_assert_cmpfloat (
        json_object_get_double_member (get_cell (last, "D7"), "cached"), ==,
        190.0);
    g_assert_cmpstr (cell_string (last, "E7", "value"), ==,
                     "=COUNTIF('Members'!E5:E10,\"07700 900123\")"
                     "+COUNTIF('Members (2)'!E5:E10,\"07700 900123\")"
                     "+COUNTIF('Members (3)'!E5:E10,\"07700 900123\")"
                     "+COUNTIF(E5:E6,\"07700 900123\")");
  }
  g_assert_true (
      sheet_has_text (get_sheet (root, "About"),
                      "Rows in “Members” and the 3 sheets after it"));
  remove_dir (dir);
}

/* Text longer than a cell holds keeps its beginning and a visible "…". */
static void
test_long_cell (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrXlsx) xlsx = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  const CrXlsxColumn columns[] = { { "Notes", CR_XLSX_TEXT, 40 } };
  CrXlsxSheet       *sheet;
  const char        *got;

  /* 40,000 characters, some of them two bytes in UTF-8. */
  for (guint i = 0; i < 4000; i++)
    g_string_append (text, i % 2 ? "£123456789" : "abcdefghij");
  xlsx = cr_xlsx_new (path, association, "Notes", &error);
  g_assert_no_error (error);
  sheet = cr_xlsx_add_sheet (xlsx, "Notes", "Notes", NULL, columns, 1);
  cr_xlsx_sheet_add_text (sheet, text->str);
  cr_xlsx_sheet_end_row (sheet);
  cr_xlsx_sheet_add_text (sheet, "short");
  cr_xlsx_sheet_end_row (sheet);
  g_assert_true (cr_xlsx_close (xlsx, NULL, &error));
  g_assert_no_error (error);

  root = read_back (path);
  if (root != NULL)
    {
      JsonObject *s = get_sheet (root, "Notes");

      got = cell_string (s, "A5", "value");
      g_assert_cmpint (g_utf8_strlen (got, -1), ==, CR_XLSX_MAX_TEXT);
      g_assert_true (g_str_has_suffix (got, "…"));
      g_assert_true (strncmp (got, text->str, 1000) == 0);
      g_assert_cmpstr (cell_string (s, "A6", "value"), ==, "short");
    }
  remove_dir (dir);
}

/* Names that Excel would refuse, or take for the same sheet, are made valid
 * and distinct; none is dropped. */
static void
test_duplicate_sheet_names (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "groups.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrXlsx) xlsx = NULL;
  g_autoptr (JsonNode) root = NULL;
  const CrXlsxColumn columns[] = { { "Name", CR_XLSX_TEXT, 0 } };
  const char *const  wanted[] = { "Panel",
                                  "panel",
                                  "PANEL",
                                  "Panel: 2026/27",
                                  "A very long group name that goes on and on",
                                  "A very long group name that goes on and on" };
  const char *const  expected[] = { "Panel",
                                    "panel (2)",
                                    "PANEL (3)",
                                    "Panel- 2026-27",
                                    "A very long group name that goe",
                                    "A very long group name that (2)" };

  xlsx = cr_xlsx_new (path, association, "Groups", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      CrXlsxSheet *sheet =
          cr_xlsx_add_sheet (xlsx, wanted[i], wanted[i], NULL, columns, 1);

      g_assert_cmpstr (cr_xlsx_sheet_get_name (sheet), ==, expected[i]);
      cr_xlsx_sheet_add_text (sheet, wanted[i]);
      cr_xlsx_sheet_end_row (sheet);
    }
  g_assert_true (cr_xlsx_close (xlsx, NULL, &error));
  g_assert_no_error (error);

  root = read_back (path);
  if (root != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_cmpstr (
          cell_string (get_sheet (root, expected[i]), "A5", "value"), ==,
          wanted[i]);
  remove_dir (dir);
}

/* What the annual return needs beyond plain tables, through cr-xlsx alone:
 * a form sheet written first whose figure is a formula into a sheet not
 * yet written, links, good/bad marks, wrapped text that sets its row's
 * height, COUNTA and typed formulas carrying their values, the period
 * lines, and a native chart. */
static void
test_extras (void)
{
  const CrXlsxColumn form_columns[] = {
    { "What", CR_XLSX_TEXT, 20 },
    { "Figure", CR_XLSX_TEXT, 12 },
    { "From", CR_XLSX_TEXT, 16 },
  };
  const CrXlsxColumn data_columns[] = {
    { "Name", CR_XLSX_TEXT, 0 },
    { "Count", CR_XLSX_INTEGER, 0 },
    { "Spent", CR_XLSX_MONEY, 0 },
    { "Notes", CR_XLSX_WRAP, 21 },
  };
  const CrXlsxChart chart = {
    .kind = CR_XLSX_CHART_COLUMN,
    .title = "Counts",
    .series_name = "Count",
    .category_column = 0,
    .value_column = 1,
  };
  /* 60 characters in a column 21 wide: 20 a line, so three lines. */
  const char *long_note =
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "extras.xlsx", NULL);
  g_autofree char *total = NULL;
  g_autofree char *formula = NULL;
  g_autofree char *last = NULL;
  g_autofree char *period = NULL;
  g_autoptr (CrXlsx) xlsx = NULL;
  g_autoptr (JsonNode) root = NULL;
  CrXlsxSheet *cover, *data, *later;
  JsonObject  *s;

  g_setenv ("CR_TODAY", "2026-11-25", TRUE);
  period = cr_xlsx_describe_period ("2026-04-01", "2027-03-31");
  g_assert_cmpstr (period, ==, "01/04/2026 to 31/03/2027");
  g_clear_pointer (&period, g_free);
  period = cr_xlsx_describe_period (NULL, "2027-03-31");
  g_assert_cmpstr (period, ==, "Up to 31/03/2027");
  g_clear_pointer (&period, g_free);
  period = cr_xlsx_describe_period (NULL, NULL);
  g_assert_cmpstr (period, ==, "All dates");

  xlsx = cr_xlsx_new (path, association, "Extras", &error);
  g_assert_no_error (error);

  /* The total of "Data" will be in its row 7 (two records from row 5). */
  total = cr_xlsx_ref ("Data", CR_XLSX_FIRST_DATA_ROW + 2, 1);
  g_assert_cmpstr (total, ==, "'Data'!$B$7");
  formula = g_strconcat ("=", total, NULL);
  cover = cr_xlsx_add_form_sheet (xlsx, "Cover", "Cover", "Year 2026",
                                  form_columns, G_N_ELEMENTS (form_columns));
  cr_xlsx_sheet_add_label (cover, "Counted");
  cr_xlsx_sheet_add_formula (cover, formula, CR_XLSX_INTEGER, 5);
  cr_xlsx_sheet_add_link (cover, "See Data", total);
  cr_xlsx_sheet_end_row (cover);
  cr_xlsx_sheet_add_heading (cover, "Checks");
  cr_xlsx_sheet_end_row (cover);
  cr_xlsx_sheet_add_label (cover, "Good");
  cr_xlsx_sheet_add_marked_text (cover, "Yes", CR_XLSX_MARK_GOOD);
  cr_xlsx_sheet_end_row (cover);
  cr_xlsx_sheet_add_label (cover, "Bad");
  cr_xlsx_sheet_add_marked_text (cover, "No", CR_XLSX_MARK_BAD);
  last = cr_xlsx_sheet_get_last_ref (cover);
  g_assert_cmpstr (last, ==, "'Cover'!$B$8");
  cr_xlsx_sheet_end_row (cover);

  /* No period of its own: today's, as a snapshot. */
  data = cr_xlsx_add_sheet (xlsx, "Data", "Data", NULL, data_columns,
                            G_N_ELEMENTS (data_columns));
  cr_xlsx_sheet_add_text (data, "one");
  cr_xlsx_sheet_add_integer (data, 2);
  cr_xlsx_sheet_add_money (data, 150);
  cr_xlsx_sheet_add_text (data, long_note);
  cr_xlsx_sheet_end_row (data);
  cr_xlsx_sheet_add_text (data, "two");
  cr_xlsx_sheet_add_integer (data, 3);
  cr_xlsx_sheet_add_formula (data, "=C5*2", CR_XLSX_MONEY, 300);
  cr_xlsx_sheet_add_text (data, "short");
  cr_xlsx_sheet_end_row (data);
  cr_xlsx_sheet_begin_totals (data, NULL);
  cr_xlsx_sheet_add_sum (data);
  cr_xlsx_sheet_add_sum (data);
  cr_xlsx_sheet_add_count_all (data, 2);
  cr_xlsx_sheet_end_row (data);
  cr_xlsx_sheet_add_note (data, "A note under the table.");
  cr_xlsx_sheet_add_chart (data, data, &chart, 10, 0);

  /* A period set once for the sheets after. */
  cr_xlsx_set_period (xlsx, "As at 01/01/2026");
  later = cr_xlsx_add_sheet (xlsx, "Later", "Later", NULL, data_columns, 1);
  cr_xlsx_sheet_add_text (later, "x");
  cr_xlsx_sheet_end_row (later);

  g_assert_true (cr_xlsx_close (xlsx, NULL, &error));
  g_assert_no_error (error);

  root = read_back (path);
  if (root == NULL)
    {
      remove_dir (dir);
      return;
    }
  g_assert_cmpint (
      json_object_get_int_member (json_node_get_object (root), "charts"), ==,
      1);

  s = get_sheet (root, "Cover");
  g_assert_null (json_object_get_string_member (s, "auto_filter"));
  g_assert_cmpstr (json_object_get_string_member (s, "freeze_panes"), ==, "A5");
  assert_text (s, "A5", "Counted");
  g_assert_true (cell_bold (s, "A5"));
  g_assert_cmpstr (cell_string (s, "B5", "value"), ==, "='Data'!$B$7");
  g_assert_cmpint (json_object_get_int_member (get_cell (s, "B5"), "cached"),
                   ==, 5);
  g_assert_cmpstr (cell_string (s, "B5", "number_format"), ==, "0");
  assert_text (s, "C5", "See Data");
  g_assert_cmpstr (cell_string (s, "C5", "link"), ==, "'Data'!$B$7");
  assert_text (s, "A6", "Checks");
  g_assert_true (cell_bold (s, "A6"));
  g_assert_cmpstr (cell_string (s, "B7", "color"), ==, "FF26A269");
  g_assert_cmpstr (cell_string (s, "B8", "color"), ==, "FFC01C28");
  g_assert_true (cell_bold (s, "B8"));

  s = get_sheet (root, "Data");
  assert_text (s, "A2", "As at 25/11/2026");
  g_assert_cmpstr (json_object_get_string_member (s, "auto_filter"), ==,
                   "A4:D6");
  g_assert_true (json_object_get_boolean_member (get_cell (s, "D5"), "wrap"));
  g_assert_cmpfloat (json_object_get_double_member (
                         json_object_get_object_member (s, "row_heights"), "5"),
                     ==, 45.0);
  g_assert_false (json_object_has_member (
      json_object_get_object_member (s, "row_heights"), "6"));
  g_assert_cmpstr (cell_string (s, "C6", "value"), ==, "=C5*2");
  g_assert_cmpstr (cell_string (s, "C6", "number_format"), ==, "£#,##0.00");
  /* The sum under the formula counts its value too. */
  g_assert_cmpstr (cell_string (s, "B7", "value"), ==, "=SUM(B5:B6)");
  g_assert_cmpint (json_object_get_int_member (get_cell (s, "B7"), "cached"),
                   ==, 5);
  g_assert_cmpstr (cell_string (s, "C7", "value"), ==, "=SUM(C5:C6)");
  g_assert_cmpfloat (
      json_object_get_double_member (get_cell (s, "C7"), "cached"), ==, 4.5);
  g_assert_cmpstr (cell_string (s, "D7", "value"), ==, "=COUNTA(D5:D6)");
  g_assert_cmpint (json_object_get_int_member (get_cell (s, "D7"), "cached"),
                   ==, 2);
  assert_text (s, "A8", "A note under the table.");

  s = get_sheet (root, "Later");
  assert_text (s, "A2", "As at 01/01/2026");

  remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("cr-test-xlsx-cache-XXXXXX", NULL);
  g_autofree char *scratch = NULL;
  int              status;

  /* Keep libxlsxwriter's scratch folder (under the user cache dir) out of
   * the real home. Set before GLib first reads it. */
  g_assert_nonnull (cache);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/xlsx/round-trip", test_round_trip);
  g_test_add_func ("/report/xlsx/sheet-names", test_sheet_names);
  g_test_add_func ("/report/xlsx/no-folder", test_no_folder);
  g_test_add_func ("/report/xlsx/abandon-keeps-existing",
                   test_abandon_keeps_existing);
  g_test_add_func ("/report/xlsx/replace-existing", test_replace_existing);
  g_test_add_func ("/report/xlsx/disk-full", test_disk_full);
  g_test_add_func ("/report/xlsx/many-rows", test_many_rows);
  g_test_add_func ("/report/xlsx/split-rows", test_split_rows);
  g_test_add_func ("/report/xlsx/long-cell", test_long_cell);
  g_test_add_func ("/report/xlsx/duplicate-sheet-names",
                   test_duplicate_sheet_names);
  g_test_add_func ("/report/xlsx/extras", test_extras);

  status = g_test_run ();

  /* The scratch files are unlinked as soon as they are made, so the
   * folder must be empty again: any leftover makes this fail. */
  scratch = g_build_filename (cache, "commonroom", "tmp", NULL);
  if (g_file_test (scratch, G_FILE_TEST_IS_DIR) && g_rmdir (scratch) != 0)
    {
      g_printerr ("# scratch files left in %s\n", scratch);
      return 1;
    }
  g_clear_pointer (&scratch, g_free);
  scratch = g_build_filename (cache, "commonroom", NULL);
  g_rmdir (scratch);
  g_rmdir (cache);
  return status;
}
