/* cr-cli-people.c: commonroom-cli erase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-cli"

#include "config.h"

#include "cr-cli.h"

#include "cr-store-conduct.h"
#include "cr-store-people.h"

#include <glib/gi18n.h>

int
cr_cli_erase (CrCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr (CrStore) store = NULL;
  g_autoptr (CrPerson) person = NULL;
  g_autofree char *name = NULL;
  GError *error = NULL;
  int exit_code = CR_CLI_EXIT_OK;
  guint64 id = 0;

  if (!cr_cli_parse (cli, "erase", "ID",
                     N_("Erase one person’s details for good, as data "
                        "protection asks: the name becomes “Former member "
                        "#ID” and contact details, notes and declarations "
                        "are removed. Memberships, attendance and totals "
                        "stay, so past reports still add up. There is no "
                        "undo; make a backup first."),
                     NULL, &argc, &argv, &exit_code))
    return exit_code;

  if (argc != 2)
    return cr_cli_usage ("erase", _("Name one person by their id (see "
                                    "“members list”)."));
  if (!g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    return cr_cli_usage ("erase", _("“%s” is not a person’s id: ids are "
                                    "whole numbers from 1."), argv[1]);

  store = cr_cli_open (cli, "erase", CR_STORE_OPEN_READ_WRITE, &exit_code);
  if (store == NULL)
    return exit_code;

  person = cr_store_get_person (store, (gint64) id, NULL, &error);
  if (person == NULL)
    return cr_cli_fail (error);
  name = g_strdup (cr_person_get_name (person));

  if (!cr_store_erase_person (store, (gint64) id, &error))
    return cr_cli_fail (error);

  g_print (_("Erased the details of person %llu (%s).\n"),
           (unsigned long long) id, name);
  return CR_CLI_EXIT_OK;
}
