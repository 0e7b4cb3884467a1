/* test-money-cli.c: commonroom-cli import transactions and export grants
 *
 * Bank statements in UTF-8 (with a BOM), Windows-1252 and UTF-16, a file
 * whose problems must each be named by line, re-import without
 * duplicates, and the grants export from the command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cr-store-money.h"

#include "cr-test-util.h"

typedef struct
{
  char *dir;
  char *path;
  char *out;
  char *err;
} Fixture;

static int run (Fixture *f, const char *first, ...) G_GNUC_NULL_TERMINATED;

/* Runs commonroom-cli with the arguments up to NULL; keeps its output. */
static int
run (Fixture *f, const char *first, ...)
{
  va_list args;
  int     status;

  va_start (args, first);
  status = cr_test_run_cli_va (&f->out, &f->err, f->path, first, args);
  va_end (args);
  g_test_message ("out: %s\nerr: %s", f->out, f->err);
  return status;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = cr_test_make_tmpdir ("cr-money-cli-XXXXXX");
  f->path = g_build_filename (f->dir, "t.commonroom", NULL);
  g_assert_cmpint (run (f, "init", "--name", "Elm Court TRA", NULL), ==, 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  cr_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->out);
  g_free (f->err);
}

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "transactions", name,
                                NULL);
}

static GPtrArray *
entries (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store =
      cr_store_open (f->path, CR_STORE_OPEN_READ_ONLY, &error);
  GPtrArray *list;

  g_assert_no_error (error);
  list = cr_store_list_entries (store, NULL, &error);
  g_assert_no_error (error);
  return list;
}

static void
test_encodings (Fixture *f, gconstpointer data)
{
  g_autofree char *utf8 = data_file ("bank-utf8.csv");
  g_autofree char *cp1252 = data_file ("bank-windows-1252.csv");
  g_autofree char *utf16 = data_file ("bank-utf16.csv");
  g_autoptr (GPtrArray) list = NULL;
  CrCashEntry *e;

  /* A dry run changes nothing. */
  g_assert_cmpint (run (f, "import", "transactions", utf8, "--dry-run", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (f->out, "Would add 4 entries"));
  list = entries (f);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_cmpint (run (f, "import", "transactions", utf8, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Added 4 entries"));
  g_assert_cmpint (run (f, "import", "transactions", cp1252, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Added 3 entries"));
  g_assert_cmpint (run (f, "import", "transactions", utf16, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Added 1 entry"));

  list = entries (f);
  g_assert_cmpuint (list->len, ==, 8);
  e = g_ptr_array_index (list, 0);
  g_assert_cmpstr (e->date, ==, "2026-04-01");
  g_assert_cmpstr (e->description, ==, "Grant from the council – thank you");
  g_assert_cmpstr (e->party, ==, "Riverside Council");
  g_assert_cmpstr (e->category, ==, "Grant received");
  g_assert_cmpint (e->amount, ==, 100000);
  e = g_ptr_array_index (list, 1);
  g_assert_cmpstr (e->receipt, ==, "R-101");
  g_assert_cmpint (e->amount, ==, -4500);
  /* Windows-1252's £, é and ’ read right. */
  e = g_ptr_array_index (list, 4);
  g_assert_cmpstr (e->description, ==, "Café voucher for volunteers");
  g_assert_cmpint (e->amount, ==, -1500);
  e = g_ptr_array_index (list, 5);
  g_assert_cmpstr (e->description, ==, "Raffle – summer social");
  g_assert_cmpint (e->amount, ==, 4250);
  e = g_ptr_array_index (list, 6);
  g_assert_cmpstr (e->description, ==, "Room at St Anne’s");
  e = g_ptr_array_index (list, 7);
  g_assert_cmpstr (e->description, ==, "Stamps – newsletter");
  g_assert_cmpint (e->amount, ==, -660);
  /* The running balance: £1,000 - 45 - 12.35 - 80.10 - 15 + 42.50 - 38 - 6.60
   */
  g_assert_cmpint (e->balance, ==, 84545);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Again: nothing is added twice. */
  g_assert_cmpint (run (f, "import", "transactions", utf8, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Added 0 entries"));
  g_assert_nonnull (strstr (f->out, "4 were already in the cash book"));
  list = entries (f);
  g_assert_cmpuint (list->len, ==, 8);
}

static void
test_problems (Fixture *f, gconstpointer data)
{
  g_autofree char *bad = data_file ("bank-problems.csv");
  g_autoptr (GPtrArray) list = NULL;

  g_assert_cmpint (run (f, "import", "transactions", bad, NULL), ==, 1);
  g_assert_nonnull (
      strstr (f->err, "bank-problems.csv:3: “31/06/2026” is not a date"));
  g_assert_nonnull (
      strstr (f->err, "bank-problems.csv:4: The description is missing"));
  g_assert_nonnull (
      strstr (f->err, "bank-problems.csv:5: “-12.345” is not an amount"));
  g_assert_nonnull (
      strstr (f->err, "bank-problems.csv:6: “twelve pounds” is not an amount"));
  g_assert_null (strstr (f->err, "bank-problems.csv:2:"));
  g_assert_nonnull (
      strstr (f->err, "commonroom-cli: Nothing was imported: 4 rows"));
  list = entries (f);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The category problem shows once the rest are right: the store finds
   * it. A dry run reports it the same way. */
  {
    g_autofree char *fixed = g_build_filename (f->dir, "fixed.csv", NULL);

    g_assert_true (
        g_file_set_contents (fixed,
                             "Date,Description,Amount,Category\n"
                             "01/06/2026,Fine row,-1.00,Refreshments\n"
                             "05/06/2026,Odd category,-2.00,Biscuit fund\n",
                             -1, NULL));
    g_assert_cmpint (
        run (f, "import", "transactions", fixed, "--dry-run", NULL), ==, 1);
    g_assert_nonnull (
        strstr (f->err, "fixed.csv:3: There is no category “Biscuit fund”"));
  }
  list = entries (f);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_usage (Fixture *f, gconstpointer data)
{
  g_autofree char *utf8 = data_file ("bank-utf8.csv");

  g_assert_cmpint (run (f, "import", "transactions", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Paid out"));
  g_assert_cmpint (run (f, "import", "transactions", NULL), ==, 2);
  g_assert_cmpint (
      run (f, "import", "transactions", utf8, "--grant", "Nope", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "There is no grant called “Nope”"));
  g_assert_cmpint (run (f, "export", "grants", "--help", NULL), ==, 0);
  g_assert_cmpint (run (f, "export", "grants", NULL), ==, 2);
  g_assert_cmpint (run (f, "export", "grants", "--output", "x.xlsx", "--from",
                        "31/02/2026", NULL),
                   ==, 1);
}

static void
test_export (Fixture *f, gconstpointer data)
{
  g_autofree char *utf8 = data_file ("bank-utf8.csv");
  g_autofree char *xlsx = g_build_filename (f->dir, "grants.xlsx", NULL);

  g_assert_cmpint (run (f, "import", "transactions", utf8, NULL), ==, 0);
  g_assert_cmpint (run (f, "export", "grants", "--output", xlsx, "--from",
                        "02/04/2026", "--to", "2026-04-30", NULL),
                   ==, 0);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  /* Opening £1,000 (the grant on the 1st), three payments in the period. */
  g_assert_nonnull (strstr (f->out, "closing balance £862.55"));
}

/* The demo's money records reach `check`, as DESIGN.md's JSON. */
static void
test_check (Fixture *f, gconstpointer data)
{
  g_autofree char *demo = g_build_filename (f->dir, "demo.commonroom", NULL);

  g_free (f->path);
  f->path = g_steal_pointer (&demo);
  g_setenv ("CR_TODAY", "2026-11-23", TRUE);
  g_assert_cmpint (run (f, "demo", "--members", "60", NULL), ==, 0);
  g_assert_cmpint (run (f, "check", "--format", "json", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "\"rule\" : \"grant-report-due\""));
  g_assert_nonnull (strstr (f->out, "Estate Garden Project"));
  g_assert_nonnull (strstr (f->out, "\"rule\" : \"grant-unspent\""));
  g_assert_cmpint (run (f, "check", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "monitoring report for the grant"));
  g_unsetenv ("CR_TODAY");
}

/* money account|funder|report: every verb answers --help; edits change
 * only what is given; a refused delete exits 1, says why and changes
 * nothing. */
static void
test_books (Fixture *f, gconstpointer data)
{
  static const char *const verbs[][3] = {
    { "money", NULL, NULL },        { "money", "account", NULL },
    { "money", "account", "list" }, { "money", "account", "add" },
    { "money", "account", "edit" }, { "money", "account", "delete" },
    { "money", "funder", "list" },  { "money", "funder", "add" },
    { "money", "funder", "edit" },  { "money", "funder", "delete" },
    { "money", "report", "list" },  { "money", "report", "add" },
    { "money", "report", "edit" },  { "money", "report", "delete" },
  };
  g_autofree char *utf8 = data_file ("bank-utf8.csv");
  g_autoptr (GError) error = NULL;
  CrGrant grant = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      if (verbs[i][1] == NULL)
        g_assert_cmpint (run (f, verbs[i][0], "--help", NULL), ==, 0);
      else if (verbs[i][2] == NULL)
        g_assert_cmpint (run (f, verbs[i][0], verbs[i][1], "--help", NULL), ==,
                         0);
      else
        g_assert_cmpint (
            run (f, verbs[i][0], verbs[i][1], verbs[i][2], "--help", NULL), ==,
            0);
      g_assert_nonnull (strstr (f->out, "Usage:"));
    }

  g_assert_cmpint (run (f, "money", "account", "add", "Bank", "--opening",
                        "£250.00", "--opened", "01/04/2026", NULL),
                   ==, 0);
  g_assert_cmpint (
      run (f, "money", "account", "add", "Petty cash", "--kind", "cash", NULL),
      ==, 0);
  g_assert_cmpint (
      run (f, "import", "transactions", utf8, "--account", "Bank", NULL), ==,
      0);
  g_assert_cmpint (run (f, "money", "account", "edit", "2", "--name", "Tin",
                        "--opening", "12.50", NULL),
                   ==, 0);
  g_assert_cmpint (run (f, "money", "account", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "1\tBank\tbank\t£250.00\t2026-04-01\t"));
  g_assert_nonnull (strstr (f->out, "2\tTin\tcash\t£12.50\t\t£12.50\n"));
  /* Bad input: usage (2) or refused (1), and the account stays. */
  g_assert_cmpint (run (f, "money", "account", "edit", "x", NULL), ==, 2);
  g_assert_cmpint (
      run (f, "money", "account", "edit", "2", "--kind", "jar", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "commonroom-cli: “jar” is not a kind"));
  g_assert_cmpint (
      run (f, "money", "account", "edit", "2", "--opening", "lots", NULL), ==,
      1);
  g_assert_cmpint (run (f, "money", "account", "delete", "1", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "commonroom-cli: The account “Bank” has 4 "
                                    "entries in the cash book"));
  g_assert_cmpint (run (f, "money", "account", "delete", "2", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Deleted the account “Tin”"));
  g_assert_cmpint (run (f, "money", "account", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "\tBank\t"));
  g_assert_null (strstr (f->out, "\tTin\t"));
  g_assert_cmpint (run (f, "money", "account", "delete", "2", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "no longer in the file"));

  /* A funder with a grant stays. */
  g_assert_cmpint (run (f, "money", "funder", "add", "Riverside Council",
                        "--contact", "grants@riverside.example", NULL),
                   ==, 0);
  g_assert_cmpint (run (f, "money", "funder", "add", "Lottery", NULL), ==, 0);
  {
    g_autoptr (CrStore) store =
        cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE, &error);

    g_assert_no_error (error);
    grant.funder_id = 1;
    grant.name = (char *) "Community Chest";
    grant.status = CR_GRANT_APPLIED;
    g_assert_cmpint (cr_store_save_grant (store, &grant, &error), ==, 1);
    g_assert_no_error (error);
  }
  g_assert_cmpint (run (f, "money", "funder", "delete", "1", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "“Riverside Council” gave 1 grant"));
  g_assert_cmpint (run (f, "money", "funder", "edit", "1", "--name",
                        "Riverside Borough Council", "--contact", "", NULL),
                   ==, 0);
  g_assert_cmpint (run (f, "money", "funder", "delete", "2", NULL), ==, 0);
  g_assert_cmpint (run (f, "money", "funder", "list", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "1\tRiverside Borough Council\t\n");

  /* Monitoring reports. */
  g_assert_cmpint (run (f, "money", "report", "add", "Community Chest", NULL),
                   ==, 2);
  g_assert_cmpint (run (f, "money", "report", "add", "Nobody's grant", "--due",
                        "30/09/2026", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (f->err, "There is no grant called"));
  g_assert_cmpint (run (f, "money", "report", "add", "Community Chest", "--due",
                        "30/09/2026", "--description", "Interim", NULL),
                   ==, 0);
  g_assert_cmpint (
      run (f, "money", "report", "edit", "1", "--due", "2026-10-15", NULL), ==,
      0);
  g_assert_cmpint (
      run (f, "money", "report", "edit", "1", "--due", "31/02/2026", NULL), ==,
      1);
  g_assert_cmpint (run (f, "money", "report", "list", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "1\tCommunity Chest\t2026-10-15\t\tInterim\n");
  g_assert_cmpint (run (f, "money", "report", "delete", "1", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "due on 15/10/2026"));
  g_assert_cmpint (run (f, "money", "report", "list", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/money-cli/encodings", test_encodings);
  ADD ("/money-cli/problems", test_problems);
  ADD ("/money-cli/usage", test_usage);
  ADD ("/money-cli/export", test_export);
  ADD ("/money-cli/check", test_check);
  ADD ("/money-cli/books", test_books);
#undef ADD

  return g_test_run ();
}
