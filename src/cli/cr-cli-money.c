/* cr-cli-money.c: commonroom-cli import transactions, export grants
 *
 * The same importer and report as the window's Money page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-cli"

#include "config.h"

#include "cr-cli.h"

#include "cr-csv.h"
#include "cr-date.h"
#include "cr-money.h"
#include "cr-report-grants.h"
#include "cr-store-money.h"
#include "cr-transaction-import.h"

#include <glib/gi18n.h>

static gboolean
parse_date_option (const char *text, char **iso, GError **error)
{
  GDate date;

  if (text == NULL)
    return TRUE;
  if (!cr_date_parse (text, &date, error))
    return FALSE;
  *iso = cr_date_to_iso (&date);
  return TRUE;
}

/**
 * cr_cli_import_transactions:
 *
 * `import transactions FILE.csv [--grant NAME] [--account NAME] [--dry-run]`
 */
int
cr_cli_import_transactions (CrCli *cli, int argc, char **argv)
{
  g_autofree char   *grant = NULL;
  g_autofree char   *account = NULL;
  gboolean           dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "grant", 'g', 0, G_OPTION_ARG_STRING, &grant,
      N_ ("The grant of rows that name none"), N_ ("NAME") },
    { "account", 'a', 0, G_OPTION_ARG_STRING, &account,
      N_ ("The account the statement is of; the first bank account if not "
          "given"),
      N_ ("NAME") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_ ("Check the file and count, but change nothing"), NULL },
    { NULL }
  };
  g_autoptr (CrTransactionImport) import = NULL;
  g_autoptr (CrStore) store = NULL;
  g_autofree char    *shown = NULL;
  CrTransactionCounts counts;
  GError             *error = NULL;
  CrCsv              *csv;
  gint64              grant_id = 0, account_id = 0;
  int                 exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "import transactions", "FILE.csv",
                     N_ ("Add a bank statement or cash book saved as CSV to "
                         "the cash book. The first row names the columns: "
                         "Date, Description, and Amount (money out negative) "
                         "or Paid out and Paid in; optionally Payee, "
                         "Category, Grant and Receipt. UTF-8, UTF-16 or "
                         "Windows-1252; comma, semicolon or tab. Every "
                         "problem row is listed and nothing is imported "
                         "until all are right; rows already in the cash book "
                         "are not added twice."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    return cr_cli_usage ("import transactions",
                         _ ("Name one CSV file to import."));

  shown = g_filename_display_name (argv[1]);
  csv = cr_csv_parse_file (argv[1], &error);
  if (csv == NULL)
    return cr_cli_fail (error);
  import = cr_transaction_import_new (csv);

  store = cr_cli_open (cli, "import transactions", CR_STORE_OPEN_READ_WRITE,
                       &exit_code);
  if (store == NULL)
    return exit_code;

  if (grant != NULL)
    {
      grant_id = cr_store_find_grant (store, grant, &error);
      if (grant_id == 0)
        {
          if (error == NULL)
            g_set_error (&error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                         _ ("There is no grant called “%s”."), grant);
          return cr_cli_fail (error);
        }
    }
  if (account != NULL)
    {
      account_id = cr_store_find_account (store, account, &error);
      if (account_id == 0)
        {
          if (error == NULL)
            g_set_error (&error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                         _ ("There is no account called “%s”."), account);
          return cr_cli_fail (error);
        }
    }

  if (!cr_store_import_transactions (store, import, account_id, grant_id,
                                     dry_run, &counts, &error))
    {
      g_autofree char *problems =
          cr_transaction_import_describe_problems (import, shown, 0);

      g_printerr ("%s", problems);
      return cr_cli_fail (error);
    }

  if (dry_run)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Would add %u entry from “%s”",
                          "Would add %u entries from “%s”", counts.added),
             counts.added, shown);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Added %u entry from “%s”",
                          "Added %u entries from “%s”", counts.added),
             counts.added, shown);
  if (counts.present > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "; %u was already in the cash book",
                          "; %u were already in the cash book", counts.present),
             counts.present);
  g_print (".\n");
  return CR_CLI_EXIT_OK;
}

/**
 * cr_cli_export_grants:
 *
 * `export grants --output FILE.xlsx [--from DATE] [--to DATE]`
 */
int
cr_cli_export_grants (CrCli *cli, int argc, char **argv)
{
  g_autofree char   *output = NULL;
  g_autofree char   *from = NULL;
  g_autofree char   *to = NULL;
  g_autofree char   *group = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_ ("The workbook to write"), N_ ("FILE.xlsx") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_ ("First day of the period (DD/MM/YYYY or YYYY-MM-DD)"), N_ ("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_ ("Last day of the period"),
      N_ ("DATE") },
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group,
      N_ ("Accepted for the export contract; the accounts are the "
          "association’s"),
      N_ ("NAME") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autofree char     *from_iso = NULL;
  g_autofree char     *to_iso = NULL;
  g_autofree char     *closing = NULL;
  CrGrantsReportTotals totals;
  GError              *error = NULL;
  int                  exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "export grants", NULL,
                     N_ ("Write the grants and cash book workbook: a summary "
                         "of each grant with a chart of spending by "
                         "category, a sheet per grant with every entry and "
                         "its receipt, and the cash book of the period with "
                         "its totals and closing balance."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("export grants", _ ("Unexpected “%s”."), argv[1]);
  if (output == NULL)
    return cr_cli_usage ("export grants",
                         _ ("Say where to write it with --output FILE.xlsx."));
  if (!parse_date_option (from, &from_iso, &error) ||
      !parse_date_option (to, &to_iso, &error))
    return cr_cli_fail (error);
  if (from_iso != NULL && to_iso != NULL && g_strcmp0 (to_iso, from_iso) < 0)
    return cr_cli_usage (
        "export grants",
        _ ("The period ends (--to) before it starts (--from)."));

  store =
      cr_cli_open (cli, "export grants", CR_STORE_OPEN_READ_ONLY, &exit_code);
  if (store == NULL)
    return exit_code;

  if (!cr_report_grants (store, output, from_iso, to_iso, &totals, &error))
    return cr_cli_fail (error);

  closing = cr_money_format (totals.closing);
  g_print (_ ("Wrote the grants and cash book to “%s” (closing balance %s).\n"),
           output, closing);
  return CR_CLI_EXIT_OK;
}
