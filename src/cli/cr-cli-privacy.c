/* cr-cli-privacy.c: commonroom-cli subject-access
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-cli"

#include "config.h"

#include "cr-cli.h"

#include "cr-print-subject-access.h"
#include "cr-report-subject-access.h"

#include <glib/gi18n.h>

int
cr_cli_subject_access (CrCli *cli, int argc, char **argv)
{
  g_autoptr (CrStore) store = NULL;
  g_autofree char *output = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *lower = NULL;
  GError          *error = NULL;
  int              exit_code = CR_CLI_EXIT_OK;
  guint64          id = 0;
  gboolean         pdf;
  GOptionEntry     entries[] = {
        { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
          N_ ("The file to write: .xlsx for a workbook, .pdf for pages"),
          N_ ("FILE") },
        { NULL }
  };

  if (!cr_cli_parse (cli, "subject-access", "ID",
                     N_ ("Write everything the file holds about one person, "
                         "as data protection’s right of access asks: every "
                         "field of their record, and every row of every "
                         "table that points at them (memberships, offices, "
                         "attendance, conduct, consent, training, expenses, "
                         "actions they own …). Rows that also concern "
                         "someone else show only that there is another "
                         "person."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;

  if (argc != 2)
    return cr_cli_usage ("subject-access", _ ("Name one person by their id "
                                              "(see “members list”)."));
  if (!g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    return cr_cli_usage ("subject-access",
                         _ ("“%s” is not a person’s id: "
                            "ids are whole numbers from 1."),
                         argv[1]);
  if (output == NULL)
    return cr_cli_usage ("subject-access", _ ("Say where to write it with "
                                              "--output FILE.xlsx or "
                                              "FILE.pdf."));
  lower = g_ascii_strdown (output, -1);
  pdf = g_str_has_suffix (lower, ".pdf");
  if (!pdf && !g_str_has_suffix (lower, ".xlsx"))
    return cr_cli_usage ("subject-access", _ ("The output must end in .xlsx "
                                              "or .pdf."));

  store =
      cr_cli_open (cli, "subject-access", CR_STORE_OPEN_READ_ONLY, &exit_code);
  if (store == NULL)
    return exit_code;

  if (pdf ? !cr_print_subject_access_to_pdf (store, (gint64) id, output, &error)
          : !cr_report_subject_access (store, (gint64) id, output, &error))
    return cr_cli_fail (error);

  shown = g_filename_display_name (output);
  g_print (_ ("Wrote everything held about person %llu to “%s”.\n"),
           (unsigned long long) id, shown);
  return CR_CLI_EXIT_OK;
}
