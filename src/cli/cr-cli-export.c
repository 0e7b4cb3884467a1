/* cr-cli-export.c: commonroom-cli export REPORT --output FILE.xlsx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-cli"

#include "config.h"

#include "cr-cli.h"

#include "cr-date.h"
#include "cr-report-members.h"
#include "cr-store-people.h"

#include <glib/gi18n.h>

static int
export_members (CrCli  *cli,
                int     argc,
                char  **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *group = NULL;
  g_autofree char *on = NULL;
  gboolean no_contact = FALSE;
  gboolean council = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The workbook to write"), N_("FILE.xlsx") },
    { "no-contact", 0, 0, G_OPTION_ARG_NONE, &no_contact,
      N_("Leave out phone numbers, emails and consent"), NULL },
    { "for-council", 0, 0, G_OPTION_ARG_NONE, &council,
      N_("For the council or landlord: no contact details, and only those "
         "who agreed to share their details are named"), NULL },
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group,
      N_("Only the current members of this group"), N_("NAME") },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on,
      N_("Statuses as on this day (DD/MM/YYYY or YYYY-MM-DD); today if not "
         "given"), N_("DATE") },
    { NULL }
  };
  CrMembersReportOptions options = { 0 };
  g_autoptr (CrStore) store = NULL;
  g_autofree char *on_iso = NULL;
  GError *error = NULL;
  int exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "export members", NULL,
                     N_("Write the membership register as an Excel workbook "
                        "in the council’s format."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("export members", _("Unexpected “%s”."), argv[1]);
  if (output == NULL)
    return cr_cli_usage ("export members",
                         _("Say where to write it with --output FILE.xlsx."));
  if (on != NULL)
    {
      GDate date;

      if (!cr_date_parse (on, &date, &error))
        return cr_cli_fail (error);
      on_iso = cr_date_to_iso (&date);
    }

  store = cr_cli_open (cli, "export members", CR_STORE_OPEN_READ_ONLY,
                       &exit_code);
  if (store == NULL)
    return exit_code;

  if (group != NULL)
    {
      options.group_id = cr_store_find_group (store, group, &error);
      if (options.group_id == 0)
        {
          if (error == NULL)
            g_set_error (&error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                         _("There is no group called “%s”."), group);
          return cr_cli_fail (error);
        }
    }
  options.contact = !no_contact && !council;
  options.council = council;
  options.on_date = on_iso;

  if (!cr_report_members (store, output, &options, &error))
    return cr_cli_fail (error);

  g_print (_("Wrote the membership register to “%s”.\n"), output);
  return CR_CLI_EXIT_OK;
}

int
cr_cli_export (CrCli  *cli,
               int     argc,
               char  **argv)
{
  static const CrCliSubcommand reports[] = {
    { "members", export_members, N_("the register of members") },
    { "attendance", cr_cli_export_attendance,
      N_("a group’s attendance register, with quorum and attendance %") },
    { "actions", cr_cli_export_actions, N_("the “You said, we did” log") },
    { "grants", cr_cli_export_grants,
      N_("grants, spend by category and the cash book") },
    { "training", cr_cli_export_training,
      N_("the training matrix and expiring certificates") },
    { "workplan", cr_cli_export_workplan,
      N_("priorities, reviews, requests and recommendations") },
    { "annual", cr_cli_export_annual,
      N_("the annual return for the council, with its checklist") },
  };

  return cr_cli_dispatch (cli, "export", "REPORT --output FILE.xlsx [OPTION…]",
                          reports, G_N_ELEMENTS (reports), argc, argv);
}
