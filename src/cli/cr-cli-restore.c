/* cr-cli-restore.c: commonroom-cli restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-cli"

#include "config.h"

#include "cr-cli.h"

#include <glib/gi18n.h>

static int
list_backups (CrCli *cli)
{
  g_autoptr (GPtrArray) backups = NULL;
  GError *error = NULL;

  backups = cr_store_list_backups (cli->file, &error);
  if (backups == NULL)
    return cr_cli_fail (error);
  if (backups->len == 0)
    {
      g_print (_("There are no automatic backups of “%s” yet.\n"), cli->file);
      return CR_CLI_EXIT_OK;
    }
  for (guint i = 0; i < backups->len; i++)
    {
      CrBackup *b = g_ptr_array_index (backups, i);

      /* The made time, the reason, the people, then the path to restore. */
      g_print ("%s  %-28s %7lld  %s\n", b->made, b->reason,
               (long long) b->people, b->path);
    }
  return CR_CLI_EXIT_OK;
}

int
cr_cli_restore (CrCli  *cli,
                int     argc,
                char  **argv)
{
  gboolean list = FALSE;
  const GOptionEntry entries[] = {
    { "list", 'l', 0, G_OPTION_ARG_NONE, &list,
      N_("List the file’s automatic backups, newest first"), NULL },
    { NULL }
  };
  g_autofree char *backup_dir = NULL;
  GError *error = NULL;
  int exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "restore", "BACKUP",
                     N_("Put a backup back in place of the association file. "
                        "The file as it is now is kept as a backup first, so "
                        "a restore can be undone. With --list, show the "
                        "automatic backups."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (cli->file == NULL)
    return cr_cli_usage ("restore", _("Say which file with --file PATH."));
  if (list)
    {
      if (argc > 1)
        return cr_cli_usage ("restore", _("Unexpected “%s”."), argv[1]);
      return list_backups (cli);
    }
  if (argc != 2)
    return cr_cli_usage ("restore", _("Name the one backup to restore (see "
                                      "“restore --list”)."));

  if (!cr_store_restore (cli->file, argv[1], &error))
    return cr_cli_fail (error);

  backup_dir = cr_store_get_backup_dir (cli->file);
  g_print (_("Restored “%s” from “%s”. The file as it was is kept in “%s”.\n"),
           cli->file, argv[1], backup_dir);
  return CR_CLI_EXIT_OK;
}
