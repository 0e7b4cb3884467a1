/* cr-cli-money.c: commonroom-cli import transactions, export grants and
 * money account|funder|report
 *
 * The same importer, report and edits as the window's Money page.
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

/* ---- money account|funder|report -------------------------------------- */

/* The accounts, funders and funders' monitoring reports, listed, added,
 * changed and deleted as on the Money page. A delete the store refuses (an
 * account with entries, a funder with grants) says why and changes
 * nothing. */

static void
replace_text (char **field, const char *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

/* The one positional argument (an ID or a NAME) a command takes. */
static const char *
take_one (const char *command,
          const char *what,
          int         argc,
          char      **argv,
          int        *exit_code)
{
  if (argc < 2)
    {
      *exit_code = cr_cli_usage (command, _ ("Say which %s."), what);
      return NULL;
    }
  if (argc > 2)
    {
      *exit_code = cr_cli_usage (command, _ ("Unexpected “%s”."), argv[2]);
      return NULL;
    }
  return argv[1];
}

/* A date option in either form, as ISO; "" clears it (*iso = ""). */
static gboolean
parse_date (const char *text, char **iso, GError **error)
{
  GDate date;

  if (text == NULL)
    return TRUE;
  if (*text == '\0')
    {
      *iso = g_strdup ("");
      return TRUE;
    }
  if (!cr_date_parse (text, &date, error))
    return FALSE;
  *iso = cr_date_to_iso (&date);
  return TRUE;
}

static gboolean
parse_kind (const char *text, CrAccountKind *kind, GError **error)
{
  if (text == NULL)
    return TRUE;
  if (g_ascii_strcasecmp (text, "bank") == 0)
    *kind = CR_ACCOUNT_BANK;
  else if (g_ascii_strcasecmp (text, "cash") == 0)
    *kind = CR_ACCOUNT_CASH;
  else
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _ ("“%s” is not a kind of account: say bank or cash."),
                   text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_amount (const char *text, gint64 *pence, GError **error)
{
  if (text == NULL)
    return TRUE;
  return cr_money_parse (text, pence, error);
}

/* ---- accounts --------------------------------------------------------- */

static int
account_list (CrCli *cli, int argc, char **argv)
{
  g_autoptr (CrStore) store = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  GError *error = NULL;
  int     exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "money account list", NULL,
                     N_ ("List the accounts, one a line, fields separated by "
                         "tabs: number, name, kind, opening balance, opening "
                         "date and balance now."),
                     NULL, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("money account list", _ ("Unexpected “%s”."), argv[1]);
  store = cr_cli_open (cli, "money account list", CR_STORE_OPEN_READ_ONLY,
                       &exit_code);
  if (store == NULL)
    return exit_code;
  accounts = cr_store_list_accounts (store, &error);
  if (accounts == NULL)
    return cr_cli_fail (error);
  for (guint i = 0; i < accounts->len; i++)
    {
      CrAccount       *a = g_ptr_array_index (accounts, i);
      g_autofree char *opening = cr_money_format (a->opening_balance);
      g_autofree char *balance = cr_money_format (a->balance);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n", a->id, a->name,
               a->kind == CR_ACCOUNT_CASH ? "cash" : "bank", opening,
               a->opened_on ? a->opened_on : "", balance);
    }
  return CR_CLI_EXIT_OK;
}

/* `money account add NAME` and `money account edit ID` share their
 * options; edit changes only what is given. */
static int
account_save (CrCli *cli, int argc, char **argv, gboolean adding)
{
  const char *command = adding ? "money account add" : "money account edit";
  g_autofree char   *name = NULL;
  g_autofree char   *kind = NULL;
  g_autofree char   *opening = NULL;
  g_autofree char   *opened = NULL;
  const GOptionEntry add_entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind,
      N_ ("bank (the default) or cash"), N_ ("KIND") },
    { "opening", 0, 0, G_OPTION_ARG_STRING, &opening,
      N_ ("What it held before its first entry, such as £250.00"),
      N_ ("AMOUNT") },
    { "opened", 0, 0, G_OPTION_ARG_STRING, &opened,
      N_ ("The day of the opening balance"), N_ ("DATE") },
    { NULL }
  };
  const GOptionEntry edit_entries[] = {
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name, N_ ("Its new name"),
      N_ ("NAME") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind, N_ ("bank or cash"),
      N_ ("KIND") },
    { "opening", 0, 0, G_OPTION_ARG_STRING, &opening,
      N_ ("What it held before its first entry"), N_ ("AMOUNT") },
    { "opened", 0, 0, G_OPTION_ARG_STRING, &opened,
      N_ ("The day of the opening balance; \"\" for none"), N_ ("DATE") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autoptr (CrAccount) account = NULL;
  g_autofree char *opened_iso = NULL;
  const char      *arg;
  GError          *error = NULL;
  CrAccountKind    new_kind = CR_ACCOUNT_BANK;
  gint64           pence = 0;
  gint64           id = 0;
  int              exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, command, adding ? "NAME" : "ID",
                     adding ? N_ ("Add an account to the cash book.")
                            : N_ ("Change an account’s name, kind, opening "
                                  "balance or opening date; what is not "
                                  "given stays as it is."),
                     adding ? add_entries : edit_entries, &argc, &argv,
                     &exit_code))
    return exit_code;
  arg = take_one (command, adding ? _ ("name") : _ ("account"), argc, argv,
                  &exit_code);
  if (arg == NULL)
    return exit_code;
  if (!adding && (id = cr_cli_parse_id (arg)) == 0)
    return cr_cli_usage (command, _ ("“%s” is not an account number."), arg);
  if (!parse_kind (kind, &new_kind, &error) ||
      !parse_amount (opening, &pence, &error) ||
      !parse_date (opened, &opened_iso, &error))
    return cr_cli_fail (error);

  store = cr_cli_open (cli, command, CR_STORE_OPEN_READ_WRITE, &exit_code);
  if (store == NULL)
    return exit_code;
  if (adding)
    {
      id = cr_store_add_account (store, arg, new_kind, pence, opened_iso,
                                 &error);
      if (id == 0)
        return cr_cli_fail (error);
      g_print (_ ("Added account %" G_GINT64_FORMAT ", “%s”.\n"), id, arg);
      return CR_CLI_EXIT_OK;
    }

  account = cr_store_get_account (store, id, &error);
  if (account == NULL)
    return cr_cli_fail (error);
  if (name != NULL)
    replace_text (&account->name, name);
  if (kind != NULL)
    account->kind = new_kind;
  if (opening != NULL)
    account->opening_balance = pence;
  if (opened_iso != NULL)
    replace_text (&account->opened_on, *opened_iso != '\0' ? opened_iso : NULL);
  if (!cr_store_update_account (store, account, &error))
    return cr_cli_fail (error);
  g_print (_ ("Saved account %" G_GINT64_FORMAT ", “%s”.\n"), id,
           account->name);
  return CR_CLI_EXIT_OK;
}

static int
account_add (CrCli *cli, int argc, char **argv)
{
  return account_save (cli, argc, argv, TRUE);
}

static int
account_edit (CrCli *cli, int argc, char **argv)
{
  return account_save (cli, argc, argv, FALSE);
}

static int
account_delete (CrCli *cli, int argc, char **argv)
{
  g_autoptr (CrStore) store = NULL;
  g_autoptr (CrAccount) account = NULL;
  GError *error = NULL;
  gint64  id;
  int     exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "money account delete", "ID",
                     N_ ("Delete an account that has no entries in the cash "
                         "book. One with entries is refused, and nothing "
                         "changes."),
                     NULL, &argc, &argv, &exit_code))
    return exit_code;
  id = cr_cli_take_id ("money account delete", _ ("account"), argc, argv,
                       &exit_code);
  if (id == 0)
    return exit_code;
  store = cr_cli_open (cli, "money account delete", CR_STORE_OPEN_READ_WRITE,
                       &exit_code);
  if (store == NULL)
    return exit_code;
  account = cr_store_get_account (store, id, &error);
  if (account == NULL || !cr_store_delete_account (store, id, &error))
    return cr_cli_fail (error);
  g_print (_ ("Deleted the account “%s”.\n"), account->name);
  return CR_CLI_EXIT_OK;
}

/* ---- funders ---------------------------------------------------------- */

static int
funder_list (CrCli *cli, int argc, char **argv)
{
  g_autoptr (CrStore) store = NULL;
  g_autoptr (GPtrArray) funders = NULL;
  GError *error = NULL;
  int     exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "money funder list", NULL,
                     N_ ("List the funders, one a line: number, name and "
                         "contact, separated by tabs."),
                     NULL, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("money funder list", _ ("Unexpected “%s”."), argv[1]);
  store = cr_cli_open (cli, "money funder list", CR_STORE_OPEN_READ_ONLY,
                       &exit_code);
  if (store == NULL)
    return exit_code;
  funders = cr_store_list_funders (store, &error);
  if (funders == NULL)
    return cr_cli_fail (error);
  for (guint i = 0; i < funders->len; i++)
    {
      CrFunder *f = g_ptr_array_index (funders, i);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n", f->id, f->name,
               f->contact ? f->contact : "");
    }
  return CR_CLI_EXIT_OK;
}

static int
funder_save (CrCli *cli, int argc, char **argv, gboolean adding)
{
  const char      *command = adding ? "money funder add" : "money funder edit";
  g_autofree char *name = NULL;
  g_autofree char *contact = NULL;
  const GOptionEntry add_entries[] = { { "contact", 'c', 0, G_OPTION_ARG_STRING,
                                         &contact, N_ ("Who to write to"),
                                         N_ ("TEXT") },
                                       { NULL } };
  const GOptionEntry edit_entries[] = {
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name, N_ ("Its new name"),
      N_ ("NAME") },
    { "contact", 'c', 0, G_OPTION_ARG_STRING, &contact,
      N_ ("Who to write to; \"\" for no one"), N_ ("TEXT") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autoptr (CrFunder) funder = NULL;
  const char *arg;
  GError     *error = NULL;
  gint64      id = 0;
  int         exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, command, adding ? "NAME" : "ID",
                     adding ? N_ ("Add a funder.")
                            : N_ ("Change a funder’s name or contact; what "
                                  "is not given stays as it is."),
                     adding ? add_entries : edit_entries, &argc, &argv,
                     &exit_code))
    return exit_code;
  arg = take_one (command, adding ? _ ("name") : _ ("funder"), argc, argv,
                  &exit_code);
  if (arg == NULL)
    return exit_code;
  if (!adding && (id = cr_cli_parse_id (arg)) == 0)
    return cr_cli_usage (command, _ ("“%s” is not a funder number."), arg);

  store = cr_cli_open (cli, command, CR_STORE_OPEN_READ_WRITE, &exit_code);
  if (store == NULL)
    return exit_code;
  if (adding)
    {
      id = cr_store_add_funder (store, arg, contact, &error);
      if (id == 0)
        return cr_cli_fail (error);
      g_print (_ ("Added funder %" G_GINT64_FORMAT ", “%s”.\n"), id, arg);
      return CR_CLI_EXIT_OK;
    }
  funder = cr_store_get_funder (store, id, &error);
  if (funder == NULL)
    return cr_cli_fail (error);
  if (name != NULL)
    replace_text (&funder->name, name);
  if (contact != NULL)
    replace_text (&funder->contact, contact);
  if (!cr_store_update_funder (store, funder, &error))
    return cr_cli_fail (error);
  g_print (_ ("Saved funder %" G_GINT64_FORMAT ", “%s”.\n"), id, funder->name);
  return CR_CLI_EXIT_OK;
}

static int
funder_add (CrCli *cli, int argc, char **argv)
{
  return funder_save (cli, argc, argv, TRUE);
}

static int
funder_edit (CrCli *cli, int argc, char **argv)
{
  return funder_save (cli, argc, argv, FALSE);
}

static int
funder_delete (CrCli *cli, int argc, char **argv)
{
  g_autoptr (CrStore) store = NULL;
  g_autoptr (CrFunder) funder = NULL;
  GError *error = NULL;
  gint64  id;
  int     exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "money funder delete", "ID",
                     N_ ("Delete a funder that gave no grant. One whose "
                         "grants are in the file is refused, and nothing "
                         "changes."),
                     NULL, &argc, &argv, &exit_code))
    return exit_code;
  id = cr_cli_take_id ("money funder delete", _ ("funder"), argc, argv,
                       &exit_code);
  if (id == 0)
    return exit_code;
  store = cr_cli_open (cli, "money funder delete", CR_STORE_OPEN_READ_WRITE,
                       &exit_code);
  if (store == NULL)
    return exit_code;
  funder = cr_store_get_funder (store, id, &error);
  if (funder == NULL || !cr_store_delete_funder (store, id, &error))
    return cr_cli_fail (error);
  g_print (_ ("Deleted the funder “%s”.\n"), funder->name);
  return CR_CLI_EXIT_OK;
}

/* ---- monitoring reports ------------------------------------------------ */

static gboolean
find_grant (CrStore *store, const char *name, gint64 *grant_id, GError **error)
{
  *grant_id = 0;
  if (name == NULL)
    return TRUE;
  *grant_id = cr_store_find_grant (store, name, error);
  if (*grant_id != 0)
    return TRUE;
  if (error != NULL && *error == NULL)
    g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                 _ ("There is no grant called “%s”."), name);
  return FALSE;
}

static int
report_list (CrCli *cli, int argc, char **argv)
{
  g_autofree char   *grant = NULL;
  const GOptionEntry entries[] = { { "grant", 'g', 0, G_OPTION_ARG_STRING,
                                     &grant, N_ ("Only this grant’s"),
                                     N_ ("NAME") },
                                   { NULL } };
  g_autoptr (CrStore) store = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  GError *error = NULL;
  gint64  grant_id = 0;
  int     exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "money report list", NULL,
                     N_ ("List the monitoring reports funders ask for, by "
                         "due date: number, grant, due, sent and what is "
                         "asked, separated by tabs."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("money report list", _ ("Unexpected “%s”."), argv[1]);
  store = cr_cli_open (cli, "money report list", CR_STORE_OPEN_READ_ONLY,
                       &exit_code);
  if (store == NULL)
    return exit_code;
  if (!find_grant (store, grant, &grant_id, &error))
    return cr_cli_fail (error);
  reports = cr_store_list_grant_reports (store, grant_id, &error);
  if (reports == NULL)
    return cr_cli_fail (error);
  for (guint i = 0; i < reports->len; i++)
    {
      CrGrantReport *r = g_ptr_array_index (reports, i);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n", r->id, r->grant,
               r->due_on, r->submitted_on ? r->submitted_on : "",
               r->description ? r->description : "");
    }
  return CR_CLI_EXIT_OK;
}

static int
report_save (CrCli *cli, int argc, char **argv, gboolean adding)
{
  const char      *command = adding ? "money report add" : "money report edit";
  g_autofree char *grant = NULL;
  g_autofree char *due = NULL;
  g_autofree char *description = NULL;
  const GOptionEntry entries[] = {
    { "due", 'd', 0, G_OPTION_ARG_STRING, &due, N_ ("When the funder wants it"),
      N_ ("DATE") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description,
      N_ ("What the funder asks for"), N_ ("TEXT") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autoptr (CrGrantReport) report = NULL;
  g_autofree char *due_iso = NULL;
  GError          *error = NULL;
  gint64           id = 0;
  gint64           grant_id = 0;
  int              exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, command, adding ? "GRANT" : "ID",
                     adding ? N_ ("Add a monitoring report a funder asks for, "
                                  "to the grant named.")
                            : N_ ("Change a monitoring report’s due date or "
                                  "description; what is not given stays as "
                                  "it is."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (adding)
    {
      const char *name =
          take_one (command, _ ("grant"), argc, argv, &exit_code);

      if (name == NULL)
        return exit_code;
      grant = g_strdup (name);
      if (due == NULL)
        return cr_cli_usage (command,
                             _ ("Say when it is due with --due DATE."));
    }
  else if ((id = cr_cli_take_id (command, _ ("report"), argc, argv,
                                 &exit_code)) == 0)
    return exit_code;
  if (due != NULL && *due == '\0')
    return cr_cli_usage (command, _ ("A monitoring report needs a due date."));
  if (!parse_date (due, &due_iso, &error))
    return cr_cli_fail (error);

  store = cr_cli_open (cli, command, CR_STORE_OPEN_READ_WRITE, &exit_code);
  if (store == NULL)
    return exit_code;
  if (adding)
    {
      if (!find_grant (store, grant, &grant_id, &error))
        return cr_cli_fail (error);
      id = cr_store_add_grant_report (store, grant_id, due_iso, description,
                                      &error);
      if (id == 0)
        return cr_cli_fail (error);
      g_print (_ ("Added monitoring report %" G_GINT64_FORMAT ".\n"), id);
      return CR_CLI_EXIT_OK;
    }
  report = cr_store_get_grant_report (store, id, &error);
  if (report == NULL ||
      !cr_store_update_grant_report (
          store, id, due_iso ? due_iso : report->due_on,
          description ? description : report->description, &error))
    return cr_cli_fail (error);
  g_print (_ ("Saved monitoring report %" G_GINT64_FORMAT ".\n"), id);
  return CR_CLI_EXIT_OK;
}

static int
report_add (CrCli *cli, int argc, char **argv)
{
  return report_save (cli, argc, argv, TRUE);
}

static int
report_edit (CrCli *cli, int argc, char **argv)
{
  return report_save (cli, argc, argv, FALSE);
}

static int
report_delete (CrCli *cli, int argc, char **argv)
{
  g_autoptr (CrStore) store = NULL;
  g_autoptr (CrGrantReport) report = NULL;
  g_autofree char *due = NULL;
  GError          *error = NULL;
  gint64           id;
  int              exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "money report delete", "ID",
                     N_ ("Delete a monitoring report the funder no longer "
                         "asks for."),
                     NULL, &argc, &argv, &exit_code))
    return exit_code;
  id = cr_cli_take_id ("money report delete", _ ("report"), argc, argv,
                       &exit_code);
  if (id == 0)
    return exit_code;
  store = cr_cli_open (cli, "money report delete", CR_STORE_OPEN_READ_WRITE,
                       &exit_code);
  if (store == NULL)
    return exit_code;
  report = cr_store_get_grant_report (store, id, &error);
  if (report == NULL || !cr_store_delete_grant_report (store, id, &error))
    return cr_cli_fail (error);
  due = cr_date_iso_to_uk (report->due_on);
  g_print (_ ("Deleted the monitoring report for “%s” due on %s.\n"),
           report->grant, due);
  return CR_CLI_EXIT_OK;
}

/* ---- dispatch ---------------------------------------------------------- */

static const CrCliSubcommand account_verbs[] = {
  { "list", account_list, N_ ("List the accounts with their balances") },
  { "add", account_add, N_ ("Add an account") },
  { "edit", account_edit, N_ ("Change an account") },
  { "delete", account_delete, N_ ("Delete an account with no entries") },
};

static const CrCliSubcommand funder_verbs[] = {
  { "list", funder_list, N_ ("List the funders") },
  { "add", funder_add, N_ ("Add a funder") },
  { "edit", funder_edit, N_ ("Change a funder") },
  { "delete", funder_delete, N_ ("Delete a funder that gave no grant") },
};

static const CrCliSubcommand report_verbs[] = {
  { "list", report_list, N_ ("List the monitoring reports") },
  { "add", report_add, N_ ("Add a monitoring report to a grant") },
  { "edit", report_edit, N_ ("Change a monitoring report") },
  { "delete", report_delete, N_ ("Delete a monitoring report") },
};

static int
money_account (CrCli *cli, int argc, char **argv)
{
  return cr_cli_dispatch (cli, "money account", "list|add|edit|delete …",
                          account_verbs, G_N_ELEMENTS (account_verbs), argc,
                          argv);
}

static int
money_funder (CrCli *cli, int argc, char **argv)
{
  return cr_cli_dispatch (cli, "money funder", "list|add|edit|delete …",
                          funder_verbs, G_N_ELEMENTS (funder_verbs), argc,
                          argv);
}

static int
money_report (CrCli *cli, int argc, char **argv)
{
  return cr_cli_dispatch (cli, "money report", "list|add|edit|delete …",
                          report_verbs, G_N_ELEMENTS (report_verbs), argc,
                          argv);
}

static const CrCliSubcommand money_books[] = {
  { "account", money_account, N_ ("The accounts of the cash book") },
  { "funder", money_funder, N_ ("The funders of grants") },
  { "report", money_report, N_ ("The monitoring reports funders ask for") },
};

/**
 * cr_cli_money:
 *
 * `money account|funder|report list|add|edit|delete …`
 */
int
cr_cli_money (CrCli *cli, int argc, char **argv)
{
  return cr_cli_dispatch (cli, "money", "account|funder|report VERB …",
                          money_books, G_N_ELEMENTS (money_books), argc, argv);
}
