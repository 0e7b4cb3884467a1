/* cr-cli-import.c: commonroom-cli import members
 *
 * The same importer as the window's: every problem row is printed as
 * FILE:LINE: reason, and nothing is imported unless every row is right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-cli"

#include "config.h"

#include "cr-cli.h"

#include "cr-csv.h"
#include "cr-date.h"
#include "cr-member-import.h"
#include "cr-store-import.h"

#include <glib/gi18n.h>

static int
import_members (CrCli  *cli,
                int     argc,
                char  **argv)
{
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and count, but change nothing"), NULL },
    { NULL }
  };
  g_autoptr (CrCsv) csv = NULL;
  g_autoptr (CrMemberImport) import = NULL;
  g_autoptr (CrStore) store = NULL;
  g_autofree char *today = NULL;
  g_autofree char *shown = NULL;
  GError *error = NULL;
  CrImportCounts counts;
  int exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "import members", "FILE.csv",
                     N_("Add the people in a spreadsheet saved as CSV. The "
                        "first row names the columns (Name, or First name "
                        "and Surname; Address; Postcode; Phone; Email; "
                        "Tenure; Joined …). UTF-8 or Windows-1252, comma, "
                        "semicolon or tab. Every problem row is listed and "
                        "nothing is imported until all are right; people "
                        "already in the file are not added twice."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    return cr_cli_usage ("import members", _("Name one CSV file to import."));

  shown = g_filename_display_name (argv[1]);
  csv = cr_csv_parse_file (argv[1], &error);
  if (csv == NULL)
    return cr_cli_fail (error);

  today = cr_date_today_iso ();
  import = cr_member_import_new (csv, today);
  if (!cr_member_import_check (import))
    {
      g_autofree char *problems =
        cr_member_import_describe_problems (import, shown, 0);
      guint n = cr_member_import_get_problems (import)->len;

      g_printerr ("%s", problems);
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "commonroom-cli: Nothing was imported: %u row "
                               "needs correcting first.\n",
                               "commonroom-cli: Nothing was imported: %u rows "
                               "need correcting first.\n", n),
                  n);
      return CR_CLI_EXIT_REFUSED;
    }

  store = cr_cli_open (cli, "import members", CR_STORE_OPEN_READ_WRITE,
                       &exit_code);
  if (store == NULL)
    return exit_code;

  if (!cr_store_import_people (store, cr_member_import_get_rows (import),
                               dry_run, &counts, &error))
    return cr_cli_fail (error);

  if (dry_run)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Would add %u person from “%s”",
                          "Would add %u people from “%s”", counts.added),
             counts.added, shown);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Added %u person from “%s”",
                          "Added %u people from “%s”", counts.added),
             counts.added, shown);
  if (counts.present > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "; %u was already in the register",
                          "; %u were already in the register", counts.present),
             counts.present);
  if (counts.repeated > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "; %u row repeated someone earlier in the file",
                          "; %u rows repeated someone earlier in the file",
                          counts.repeated),
             counts.repeated);
  g_print (".\n");
  return CR_CLI_EXIT_OK;
}

int
cr_cli_import (CrCli  *cli,
               int     argc,
               char  **argv)
{
  static const CrCliSubcommand kinds[] = {
    { "members", import_members, N_("people, from a spreadsheet saved as CSV") },
    { "attendance", cr_cli_import_attendance,
      N_("a group’s attendance register (one column a meeting)") },
    { "transactions", cr_cli_import_transactions,
      N_("a bank statement or cash book") },
  };

  return cr_cli_dispatch (cli, "import", "WHAT FILE.csv [OPTION…]", kinds,
                          G_N_ELEMENTS (kinds), argc, argv);
}
