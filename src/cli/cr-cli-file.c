/* cr-cli-file.c: init, demo, backup and verify
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-cli"

#include "config.h"

#include "cr-cli.h"

#include "cr-demo.h"
#include "cr-store-people.h"

#include <glib/gi18n.h>

static gboolean
no_more_arguments (const char *command,
                   int         argc,
                   char      **argv,
                   int        *exit_code)
{
  if (argc <= 1)
    return TRUE;
  *exit_code = cr_cli_usage (command, _("Unexpected “%s”."), argv[1]);
  return FALSE;
}

int
cr_cli_init (CrCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *name = NULL;
  const GOptionEntry entries[] = {
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name,
      N_("The association’s name"), N_("NAME") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  GError *error = NULL;
  int exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "init", NULL,
                     N_("Create a new association file. An existing file is "
                        "never overwritten."),
                     entries, &argc, &argv, &exit_code) ||
      !no_more_arguments ("init", argc, argv, &exit_code))
    return exit_code;

  if (cli->file == NULL)
    return cr_cli_usage ("init", _("Say which file with --file PATH."));
  if (name == NULL)
    return cr_cli_usage ("init", _("Give the association’s name with --name."));

  store = cr_store_create (cli->file, name, &error);
  if (store == NULL)
    return cr_cli_fail (error);

  g_print (_("Created “%s” for %s.\n"), cli->file,
           cr_store_get_association_name (store));
  return CR_CLI_EXIT_OK;
}

int
cr_cli_demo (CrCli  *cli,
             int     argc,
             char  **argv)
{
  int members = 300, seed = 1, meetings = 0;
  const GOptionEntry entries[] = {
    { "members", 'm', 0, G_OPTION_ARG_INT, &members,
      N_("How many people to make (default 300)"), N_("N") },
    { "meetings", 0, 0, G_OPTION_ARG_INT, &meetings,
      N_("How many meetings to make, all groups together (default: about "
         "thirty a group)"), N_("M") },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed,
      N_("Seed for the made-up data; the same seed makes the same file"),
      N_("S") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  GError *error = NULL;
  CrDemoOptions options = { 0 };
  int exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "demo", NULL,
                     N_("Fill a new association file with made-up people, "
                        "groups and offices for trying things out. Creates "
                        "the file if it doesn’t exist."),
                     entries, &argc, &argv, &exit_code) ||
      !no_more_arguments ("demo", argc, argv, &exit_code))
    return exit_code;

  if (cli->file == NULL)
    return cr_cli_usage ("demo", _("Say which file with --file PATH."));
  if (members < 0 || members > 10000000)
    return cr_cli_usage ("demo", _("--members must be between 0 and 10,000,000."));
  if (meetings < 0 || meetings > 1000000)
    return cr_cli_usage ("demo", _("--meetings must be between 0 and 1,000,000."));

  if (g_file_test (cli->file, G_FILE_TEST_EXISTS))
    store = cr_store_open (cli->file, CR_STORE_OPEN_READ_WRITE, &error);
  else
    store = cr_store_create (cli->file, CR_DEMO_ASSOCIATION_NAME, &error);
  if (store == NULL)
    return cr_cli_fail (error);

  options.members = members;
  options.seed = (guint32) seed;
  options.meetings = meetings;
  if (!cr_demo_fill (store, &options, &error))
    return cr_cli_fail (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Made %d person in “%s”.\n",
                        "Made %d people in “%s”.\n", members),
           members, cli->file);
  return CR_CLI_EXIT_OK;
}

int
cr_cli_backup (CrCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where the copy goes; an existing file is never overwritten"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  GError *error = NULL;
  int exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "backup", NULL,
                     N_("Write a consistent copy of the association file, "
                        "even while it is open in the window."),
                     entries, &argc, &argv, &exit_code) ||
      !no_more_arguments ("backup", argc, argv, &exit_code))
    return exit_code;

  if (output == NULL)
    return cr_cli_usage ("backup", _("Say where the copy goes with --output FILE."));

  store = cr_cli_open (cli, "backup", CR_STORE_OPEN_READ_ONLY, &exit_code);
  if (store == NULL)
    return exit_code;

  if (g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (output);

      g_printerr (_("commonroom-cli: There is already a file “%s”; choose "
                    "another name for the backup.\n"),
                  display);
      return CR_CLI_EXIT_REFUSED;
    }

  if (!cr_store_backup (store, output, &error))
    return cr_cli_fail (error);

  g_print (_("Backed up “%s” to “%s”.\n"), cli->file, output);
  return CR_CLI_EXIT_OK;
}

int
cr_cli_verify (CrCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr (CrStore) store = NULL;
  GError *error = NULL;
  int exit_code = CR_CLI_EXIT_OK;
  gint64 people;

  if (!cr_cli_parse (cli, "verify", NULL,
                     N_("Check the association file’s integrity without "
                        "changing it. Exits 1 if it is damaged or not a "
                        "Common Room file."),
                     NULL, &argc, &argv, &exit_code) ||
      !no_more_arguments ("verify", argc, argv, &exit_code))
    return exit_code;

  if (cli->file == NULL)
    return cr_cli_usage ("verify", _("Say which file with --file PATH."));

  if (!cr_store_verify (cli->file, &error))
    return cr_cli_fail (error);

  /* An older file verifies but can't be opened read-only for counting. */
  store = cr_store_open (cli->file, CR_STORE_OPEN_READ_ONLY, NULL);
  people = store ? cr_store_count_people (store, NULL) : -1;
  if (people >= 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "“%s” is sound: %lld person.\n",
                          "“%s” is sound: %lld people.\n",
                          people),
             cli->file, (long long) people);
  else
    g_print (_("“%s” is sound.\n"), cli->file);
  return CR_CLI_EXIT_OK;
}
