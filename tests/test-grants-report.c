/* test-grants-report.c: the grants and cash book workbook, read back cell
 * by cell, and recalculated by LibreOffice
 *
 * The expected figures are worked out here by hand from the entries the
 * test makes, not from the store, so a wrong sum in either shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-report-grants.h"
#include "cr-store-money.h"
#include "cr-xlsx.h"

#include "cr-test-util.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#define PYTHON "/usr/bin/python3"

/* In the period 01/04/2026 to 31/03/2027 (see make_file()). */
#define OPENING       26000 /* £250.00 opening + £10.00 in March */
#define INCOME        353333
#define EXPENDITURE   89404
#define CLOSING       (OPENING + INCOME - EXPENDITURE)
#define CC_SPENT      42355
#define LOTTERY_SPENT 45050

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
      g_test_skip ("Cannot read the workbook back: install python3-openpyxl");
      return NULL;
    }
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("read-xlsx.py failed: %s\n%s", error->message, err);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
get_cell (JsonNode *root, const char *sheet, const char *ref)
{
  JsonObject *sheets =
      json_object_get_object_member (json_node_get_object (root), "sheets");
  JsonObject *cells;

  g_assert_true (json_object_has_member (sheets, sheet));
  cells = json_object_get_object_member (
      json_object_get_object_member (sheets, sheet), "cells");
  if (!json_object_has_member (cells, ref))
    return NULL;
  return json_object_get_object_member (cells, ref);
}

static const char *
text_at (JsonNode *root, const char *sheet, const char *ref)
{
  JsonObject *cell = get_cell (root, sheet, ref);

  if (cell == NULL)
    return NULL;
  return json_object_get_string_member (cell, "value");
}

/* A money cell's cached (or plain) value in pence, rounded as a
 * spreadsheet's double is; G_MININT64 if the cell is empty. */
static gint64
pence_at (JsonNode *root, const char *sheet, const char *ref)
{
  JsonObject *cell = get_cell (root, sheet, ref);
  JsonNode   *value;
  double      pounds;

  if (cell == NULL)
    return G_MININT64;
  value = json_object_get_member (cell, "cached");
  if (json_node_get_value_type (value) == G_TYPE_INT64)
    pounds = (double) json_node_get_int (value);
  else
    pounds = json_node_get_double (value);
  return (gint64) (pounds * 100.0 + (pounds < 0 ? -0.5 : 0.5));
}

static const char *
formula_at (JsonNode *root, const char *sheet, const char *ref)
{
  JsonObject *cell = get_cell (root, sheet, ref);

  g_assert_nonnull (cell);
  g_assert_cmpstr (json_object_get_string_member (cell, "type"), ==, "f");
  return json_object_get_string_member (cell, "value");
}

/* The row (as Excel numbers it) whose column A holds @text, or 0. */
static guint
find_row (JsonNode *root, const char *sheet, const char *text)
{
  for (guint row = 1; row < 200; row++)
    {
      g_autofree char *ref = g_strdup_printf ("A%u", row);
      const char      *value = text_at (root, sheet, ref);

      if (value != NULL && g_str_equal (value, text))
        return row;
    }
  return 0;
}

static gint64
pence_in (JsonNode *root, const char *sheet, char column, guint row)
{
  g_autofree char *ref = g_strdup_printf ("%c%u", column, row);

  return pence_at (root, sheet, ref);
}

static void
add (CrStore    *store,
     gint64      account,
     const char *date,
     gint64      grant,
     const char *category,
     gint64      amount,
     const char *receipt)
{
  g_autoptr (GError) error = NULL;
  CrCashEntry e = { 0 };

  e.account_id = account;
  e.date = (char *) date;
  e.description = (char *) (amount > 0 ? "Money in" : "Money out");
  e.grant_id = grant;
  e.category_id =
      category ? cr_store_find_category (store, category, &error) : 0;
  e.receipt = (char *) receipt;
  e.amount = amount;
  g_assert_cmpint (cr_store_save_entry (store, &e, &error), >, 0);
  g_assert_no_error (error);
}

static CrStore *
make_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  CrStore *store = cr_store_create (path, "Elm Court TRA", &error);
  CrGrant  g = { 0 };
  gint64   funder, cc, lottery, bank, cash;

  g_assert_no_error (error);
  funder = cr_store_add_funder (store, "Riverside Council", NULL, &error);
  g.funder_id = funder;
  g.name = (char *) "Community Chest 2026";
  g.status = CR_GRANT_AWARDED;
  g.awarded_on = (char *) "2026-03-20";
  g.awarded = 100000;
  g.period_start = (char *) "2026-04-01";
  g.period_end = (char *) "2027-03-31";
  g.restricted = TRUE;
  cc = cr_store_save_grant (store, &g, &error);
  g_assert_no_error (error);
  cr_store_set_budget_line (store, cc,
                            cr_store_find_category (store, "Publicity", NULL),
                            40000, &error);
  cr_store_set_budget_line (store, cc,
                            cr_store_find_category (store, "Room hire", NULL),
                            60000, &error);
  g_assert_no_error (error);

  g.funder_id = cr_store_add_funder (store, "National Lottery", NULL, &error);
  g.name =
      (char *) "Awards for All = 2026"; /* text that looks like a formula */
  g.awarded = 250000;
  g.period_start = (char *) "2026-06-01";
  g.restricted = FALSE;
  lottery = cr_store_save_grant (store, &g, &error);
  g_assert_no_error (error);

  g.name = (char *) "Big Fund";
  g.status = CR_GRANT_DECLINED;
  g.awarded = 0;
  g.awarded_on = NULL;
  cr_store_save_grant (store, &g, &error);
  g_assert_no_error (error);

  bank = cr_store_add_account (store, "Bank", CR_ACCOUNT_BANK, 25000,
                               "2026-01-01", &error);
  cash = cr_store_add_account (store, "Petty cash", CR_ACCOUNT_CASH, 0, NULL,
                               &error);
  g_assert_no_error (error);

  add (store, bank, "2026-03-15", 0, "Donations", 1000, NULL);
  add (store, bank, "2026-04-02", cc, "Grant received", 100000, NULL);
  add (store, bank, "2026-04-10", cc, "Publicity", -12345, "R1");
  add (store, bank, "2026-05-01", cc, "Room hire", -30010, "R2");
  add (store, cash, "2026-05-02", 0, "Refreshments", -1999, "R3");
  add (store, bank, "2026-06-01", lottery, "Grant received", 250000, NULL);
  add (store, bank, "2026-06-05", lottery, "Equipment", -45050, "=R4");
  add (store, cash, "2026-07-01", 0, "Fundraising", 3333, NULL);
  add (store, bank, "2027-04-02", 0, "Refreshments", -500, "R9");
  return store;
}

static void
test_cells (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cr-grants-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "a.commonroom", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "grants.xlsx", NULL);
  g_autoptr (CrStore) store = make_file (path);
  g_autoptr (JsonNode) root = NULL;
  CrGrantsReportTotals totals;
  JsonArray           *names;
  guint                row, total_row, cc_row, lottery_row;

  g_assert_true (cr_report_grants (store, xlsx, "2026-04-01", "2027-03-31",
                                   &totals, &error));
  g_assert_no_error (error);
  g_assert_cmpint (totals.opening, ==, OPENING);
  g_assert_cmpint (totals.income, ==, INCOME);
  g_assert_cmpint (totals.expenditure, ==, EXPENDITURE);
  g_assert_cmpint (totals.closing, ==, CLOSING);

  root = read_back (xlsx);
  if (root == NULL)
    goto out;

  names =
      json_object_get_array_member (json_node_get_object (root), "sheet_names");
  g_assert_cmpuint (json_array_get_length (names), ==, 6);
  g_assert_cmpstr (json_array_get_string_element (names, 0), ==, "Summary");
  g_assert_cmpstr (json_array_get_string_element (names, 1), ==, "By category");
  g_assert_cmpstr (json_array_get_string_element (names, 4), ==, "Cash book");
  g_assert_cmpstr (json_array_get_string_element (names, 5), ==, "About");

  /* Summary: the declined grant is not there; each awarded one is. */
  g_assert_cmpstr (text_at (root, "Summary", "A4"), ==, "Grant");
  cc_row = find_row (root, "Summary", "Community Chest 2026");
  lottery_row = find_row (root, "Summary", "Awards for All = 2026");
  g_assert_cmpuint (cc_row, >=, 5);
  g_assert_cmpuint (lottery_row, >=, 5);
  g_assert_cmpuint (find_row (root, "Summary", "Big Fund"), ==, 0);
  g_assert_cmpint (pence_in (root, "Summary", 'F', cc_row), ==, 100000);
  g_assert_cmpint (pence_in (root, "Summary", 'G', cc_row), ==, CC_SPENT);
  g_assert_cmpint (pence_in (root, "Summary", 'I', cc_row), ==,
                   100000 - CC_SPENT);
  g_assert_cmpint (pence_in (root, "Summary", 'I', lottery_row), ==,
                   250000 - LOTTERY_SPENT);
  total_row = find_row (root, "Summary", "Total");
  g_assert_cmpuint (total_row, ==, 7);
  g_assert_cmpstr (formula_at (root, "Summary", "F7"), ==, "=SUM(F5:F6)");
  g_assert_cmpint (pence_in (root, "Summary", 'F', 7), ==, 350000);
  g_assert_cmpint (pence_in (root, "Summary", 'G', 7), ==,
                   CC_SPENT + LOTTERY_SPENT);

  /* By category, in the period only. */
  row = find_row (root, "By category", "Refreshments");
  g_assert_cmpint (pence_in (root, "By category", 'C', row), ==, 1999);
  g_assert_cmpuint (find_row (root, "By category", "Donations"), ==, 0);

  /* A sheet per grant, every entry with its receipt, formula-like text
   * kept as text. */
  g_assert_cmpstr (text_at (root, "Community Chest 2026", "E6"), ==, "R1");
  g_assert_cmpstr (text_at (root, "Community Chest 2026", "E7"), ==, "R2");
  g_assert_cmpint (pence_at (root, "Community Chest 2026", "I8"), ==, CC_SPENT);
  g_assert_cmpstr (formula_at (root, "Community Chest 2026", "I8"), ==,
                   "=SUM(I5:I7)");
  g_assert_cmpstr (json_object_get_string_member (
                       get_cell (root, "Awards for All = 2026", "E6"), "type"),
                   ==, "s");
  g_assert_cmpstr (text_at (root, "Awards for All = 2026", "E6"), ==, "=R4");

  /* Cash book: seven entries of the period, then the totals. */
  g_assert_cmpstr (text_at (root, "Cash book", "H5"), ==, NULL);
  g_assert_cmpstr (text_at (root, "Cash book", "H6"), ==, "R1");
  g_assert_cmpint (pence_at (root, "Cash book", "K5"), ==, OPENING + 100000);
  g_assert_cmpint (pence_at (root, "Cash book", "K11"), ==, CLOSING);
  g_assert_cmpuint (find_row (root, "Cash book", "Total"), ==, 12);
  g_assert_cmpstr (formula_at (root, "Cash book", "I12"), ==, "=SUM(I5:I11)");
  g_assert_cmpint (pence_at (root, "Cash book", "I12"), ==, INCOME);
  g_assert_cmpint (pence_at (root, "Cash book", "J12"), ==, EXPENDITURE);
  g_assert_cmpuint (find_row (root, "Cash book", "Opening balance"), ==, 13);
  g_assert_cmpint (pence_at (root, "Cash book", "K13"), ==, OPENING);
  g_assert_cmpuint (find_row (root, "Cash book", "Closing balance"), ==, 14);
  g_assert_cmpstr (formula_at (root, "Cash book", "K14"), ==, "=K13+I12-J12");
  g_assert_cmpint (pence_at (root, "Cash book", "K14"), ==, CLOSING);
  g_assert_cmpstr (json_object_get_string_member (
                       get_cell (root, "Cash book", "I5"), "number_format"),
                   ==, "£#,##0.00");

  /* The chart is a real Excel chart in the file. */
  {
    const char *argv[] = {
      PYTHON, "-c",
      "import sys, zipfile; n = zipfile.ZipFile(sys.argv[1]).namelist(); "
      "sys.exit(0 if 'xl/charts/chart1.xml' in n else 1)",
      xlsx, NULL
    };
    int status = 0;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                  NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

out:
  g_clear_object (&store);
  cr_test_remove_tree (dir);
}

/* A LibreOffice profile that recalculates every formula of an .xlsx on
 * load, instead of trusting the values the file carries. */
static void
write_profile (const char *dir)
{
  g_autofree char *user = g_build_filename (dir, "user", NULL);
  g_autofree char *xcu =
      g_build_filename (user, "registrymodifications.xcu", NULL);
  g_autoptr (GError) error = NULL;

  g_mkdir_with_parents (user, 0700);
  g_file_set_contents (
      xcu,
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
      "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
      "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\">"
      "<prop oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\">"
      "<value>0</value></prop></item>\n"
      "</oor:items>\n",
      -1, &error);
  g_assert_no_error (error);
}

static void
test_libreoffice (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *dir = g_dir_make_tmp ("cr-grants-lo-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "a.commonroom", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "grants.xlsx", NULL);
  g_autofree char *probe = g_build_filename (dir, "probe.xlsx", NULL);
  g_autofree char *profile = g_build_filename (dir, "profile", NULL);
  g_autofree char *outdir = g_build_filename (dir, "out", NULL);
  g_autofree char *profile_url = NULL;
  g_autofree char *env = NULL;
  g_autofree char *converted = g_build_filename (outdir, "grants.xlsx", NULL);
  g_autofree char *converted_probe =
      g_build_filename (outdir, "probe.xlsx", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (CrStore) store = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) probe_root = NULL;
  CrGrantsReportTotals totals;
  int                  status = 0;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed");
      goto out;
    }

  store = make_file (path);
  g_assert_true (cr_report_grants (store, xlsx, "2026-04-01", "2027-03-31",
                                   &totals, &error));
  g_assert_no_error (error);

  /* A probe whose formula carries a wrong value on purpose: if
   * LibreOffice really recalculates, it shows 2, not 9.99. */
  {
    g_autoptr (CrXlsx) p = cr_xlsx_new (probe, "Probe", "Probe", &error);
    const CrXlsxColumn columns[] = { { "Label", CR_XLSX_TEXT, 0 },
                                     { "Money", CR_XLSX_MONEY, 0 } };
    CrXlsxSheet       *sheet =
        cr_xlsx_add_sheet (p, "Probe", "Probe", NULL, columns, 2);

    cr_xlsx_sheet_add_text (sheet, "x");
    cr_xlsx_sheet_add_money (sheet, 100);
    cr_xlsx_sheet_end_row (sheet);
    cr_xlsx_sheet_begin_totals (sheet, NULL);
    cr_xlsx_sheet_add_formula_money (sheet, "=1+1", 999);
    cr_xlsx_sheet_end_row (sheet);
    g_assert_true (cr_xlsx_close (p, NULL, &error));
  }

  write_profile (profile);
  profile_url = g_filename_to_uri (profile, NULL, &error);
  g_assert_no_error (error);
  env = g_strdup_printf ("-env:UserInstallation=%s", profile_url);
  {
    const char *argv[] = { soffice,        env,    "--headless", "--norestore",
                           "--convert-to", "xlsx", "--outdir",   outdir,
                           xlsx,           probe,  NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                  &err, &status, &error);
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL) ||
        !g_file_test (converted, G_FILE_TEST_EXISTS))
      g_error ("LibreOffice could not convert the workbook:\n%s\n%s", out, err);
  }

  probe_root = read_back (converted_probe);
  if (probe_root == NULL)
    goto out;
  g_assert_cmpint (pence_at (probe_root, "Probe", "B6"), ==, 200);

  /* The same totals as the app's, recalculated by another program. */
  root = read_back (converted);
  g_assert_cmpint (pence_at (root, "Cash book", "I12"), ==, totals.income);
  g_assert_cmpint (pence_at (root, "Cash book", "J12"), ==, totals.expenditure);
  g_assert_cmpint (pence_at (root, "Cash book", "K13"), ==, totals.opening);
  g_assert_cmpint (pence_at (root, "Cash book", "K14"), ==, totals.closing);
  g_assert_cmpint (pence_at (root, "Cash book", "K14"), ==, CLOSING);
  g_assert_cmpint (pence_at (root, "Summary", "F7"), ==, totals.awarded);
  g_assert_cmpint (pence_at (root, "Summary", "G7"), ==,
                   totals.spent_in_period);
  g_assert_cmpint (pence_at (root, "Summary", "I7"), ==,
                   totals.awarded - CC_SPENT - LOTTERY_SPENT);
  g_assert_cmpint (pence_at (root, "Community Chest 2026", "I8"), ==, CC_SPENT);

out:
  g_clear_object (&store);
  cr_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/grants-report/cells", test_cells);
  g_test_add_func ("/grants-report/libreoffice", test_libreoffice);

  return g_test_run ();
}
