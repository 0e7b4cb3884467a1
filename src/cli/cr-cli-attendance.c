/* cr-cli-attendance.c: commonroom-cli import attendance, export attendance
 * and export actions
 *
 * The register comes in as the matrix secretaries keep (see
 * cr-attendance-matrix.c): every problem is printed as FILE:LINE: reason
 * and nothing is imported unless the whole file is right. It goes out in
 * the same letters, so a register exported and imported again is the
 * same register.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-cli"

#include "config.h"

#include "cr-cli.h"

#include "cr-attendance-matrix.h"
#include "cr-csv.h"
#include "cr-date.h"
#include "cr-report-actions.h"
#include "cr-report-register.h"
#include "cr-store-attendance.h"
#include "cr-store-people.h"

#include <glib/gi18n.h>

/* The group named @name, or 0 with a message printed and @exit_code set. */
static gint64
find_group (CrStore    *store,
            const char *name,
            int        *exit_code)
{
  GError *error = NULL;
  gint64 id = cr_store_find_group (store, name, &error);

  if (id > 0)
    return id;
  if (error == NULL)
    g_set_error (&error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                 _("There is no group called “%s”."), name);
  *exit_code = cr_cli_fail (error);
  return 0;
}

/* An ISO date from a --from or --to option in either form, or NULL with a
 * message printed. */
static char *
option_date (const char *text,
             int        *exit_code)
{
  GError *error = NULL;
  GDate date;

  if (!cr_date_parse (text, &date, &error))
    {
      *exit_code = cr_cli_fail (error);
      return NULL;
    }
  return cr_date_to_iso (&date);
}

int
cr_cli_import_attendance (CrCli  *cli,
                          int     argc,
                          char  **argv)
{
  g_autofree char *group = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group,
      N_("The group whose register it is"), N_("NAME") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and count, but change nothing"), NULL },
    { NULL }
  };
  g_autoptr (CrCsv) csv = NULL;
  g_autoptr (CrAttendanceMatrix) matrix = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (CrStore) store = NULL;
  g_autofree char *shown = NULL;
  CrAttendanceImportCounts counts;
  GError *error = NULL;
  gint64 group_id;
  int exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "import attendance", "FILE.csv",
                     N_("Bring in a group’s attendance register saved as "
                        "CSV: the first column the members’ names, then one "
                        "column a meeting headed by its date; P present, A "
                        "apologies, X absent, empty when not a member then. "
                        "Meetings and people not yet in the file are added, "
                        "with the memberships the marks show. Every problem "
                        "is listed and nothing is imported until all are "
                        "right."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    return cr_cli_usage ("import attendance", _("Name one CSV file to import."));
  if (group == NULL)
    return cr_cli_usage ("import attendance",
                         _("Say whose register it is with --group NAME."));

  shown = g_filename_display_name (argv[1]);
  csv = cr_csv_parse_file (argv[1], &error);
  if (csv == NULL)
    return cr_cli_fail (error);
  matrix = cr_attendance_matrix_parse (csv, &problems);
  if (problems->len > 0)
    {
      g_autofree char *text = cr_attendance_describe_problems (problems, shown,
                                                               0);

      g_printerr ("%s", text);
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "commonroom-cli: Nothing was imported: %u "
                               "problem needs correcting first.\n",
                               "commonroom-cli: Nothing was imported: %u "
                               "problems need correcting first.\n",
                               problems->len),
                  problems->len);
      return CR_CLI_EXIT_REFUSED;
    }

  store = cr_cli_open (cli, "import attendance", CR_STORE_OPEN_READ_WRITE,
                       &exit_code);
  if (store == NULL)
    return exit_code;
  group_id = find_group (store, group, &exit_code);
  if (group_id == 0)
    return exit_code;

  if (!cr_store_import_attendance (store, group_id, matrix, dry_run, &counts,
                                   &error))
    {
      if (counts.failed_line > 0)
        g_printerr ("%s:%u: %s\n", shown, counts.failed_line, error->message);
      else
        g_printerr ("%s: %s\n", shown, error->message);
      g_error_free (error);
      g_printerr (_("commonroom-cli: Nothing was imported.\n"));
      return CR_CLI_EXIT_REFUSED;
    }

  if (dry_run)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Would write %u mark from “%s”",
                          "Would write %u marks from “%s”",
                          counts.marks_written),
             counts.marks_written, shown);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Wrote %u mark from “%s”",
                          "Wrote %u marks from “%s”", counts.marks_written),
             counts.marks_written, shown);
  g_print (g_dngettext (GETTEXT_PACKAGE, "; %u new meeting",
                        "; %u new meetings", counts.meetings_created),
           counts.meetings_created);
  g_print (g_dngettext (GETTEXT_PACKAGE, ", %u new person",
                        ", %u new people", counts.people_created),
           counts.people_created);
  g_print (g_dngettext (GETTEXT_PACKAGE, ", %u new membership.\n",
                        ", %u new memberships.\n", counts.memberships_added),
           counts.memberships_added);
  return CR_CLI_EXIT_OK;
}

int
cr_cli_export_attendance (CrCli  *cli,
                          int     argc,
                          char  **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *group = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The workbook to write"), N_("FILE.xlsx") },
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group,
      N_("The group whose register to write"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("The first day of the period (DD/MM/YYYY or YYYY-MM-DD)"),
      N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("The last day of the period (DD/MM/YYYY or YYYY-MM-DD)"),
      N_("DATE") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  GError *error = NULL;
  gint64 group_id;
  guint n_rows = 0, n_meetings = 0;
  int exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "export attendance", NULL,
                     N_("Write a group’s attendance register as an Excel "
                        "workbook: a member a row, a meeting a column, with "
                        "the same letters the import reads."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("export attendance", _("Unexpected “%s”."), argv[1]);
  if (output == NULL)
    return cr_cli_usage ("export attendance",
                         _("Say where to write it with --output FILE.xlsx."));
  if (group == NULL)
    return cr_cli_usage ("export attendance",
                         _("Say whose register with --group NAME."));
  if (from != NULL && (from_iso = option_date (from, &exit_code)) == NULL)
    return exit_code;
  if (to != NULL && (to_iso = option_date (to, &exit_code)) == NULL)
    return exit_code;

  store = cr_cli_open (cli, "export attendance", CR_STORE_OPEN_READ_ONLY,
                       &exit_code);
  if (store == NULL)
    return exit_code;
  group_id = find_group (store, group, &exit_code);
  if (group_id == 0)
    return exit_code;

  if (!cr_report_group_attendance (store, output, group_id, group, from_iso,
                                   to_iso, &n_rows, &n_meetings, &error))
    return cr_cli_fail (error);

  g_print (_("Wrote the attendance register of %u members at %u meetings "
             "to “%s”.\n"), n_rows, n_meetings, output);
  return CR_CLI_EXIT_OK;
}

int
cr_cli_export_actions (CrCli  *cli,
                       int     argc,
                       char  **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *group = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The workbook to write"), N_("FILE.xlsx") },
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group,
      N_("Only the actions of this group’s meetings"), N_("NAME") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  GError *error = NULL;
  gint64 group_id = 0;
  int exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "export actions", NULL,
                     N_("Write the “You said, we did” action log as an "
                        "Excel workbook."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("export actions", _("Unexpected “%s”."), argv[1]);
  if (output == NULL)
    return cr_cli_usage ("export actions",
                         _("Say where to write it with --output FILE.xlsx."));

  store = cr_cli_open (cli, "export actions", CR_STORE_OPEN_READ_ONLY,
                       &exit_code);
  if (store == NULL)
    return exit_code;
  if (group != NULL && (group_id = find_group (store, group, &exit_code)) == 0)
    return exit_code;

  if (!cr_report_actions (store, output, group_id, group, &error))
    return cr_cli_fail (error);

  g_print (_("Wrote the action log to “%s”.\n"), output);
  return CR_CLI_EXIT_OK;
}
