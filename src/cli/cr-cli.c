/* cr-cli.c: commonroom-cli, the window's twin for scripts and tests
 *
 * commonroom-cli --file PATH COMMAND …; messages go to stderr as
 * "commonroom-cli: MESSAGE"; exit 0 on success, 1 on bad input or a refused
 * operation (nothing changed), 2 on wrong usage. See DESIGN.md: this is a
 * public contract.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-cli"

#include "config.h"

#include "cr-cli.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

typedef struct
{
  const char       *name;
  CrCliCommandFunc  func;
  const char       *summary;
} Command;

static const Command commands[] = {
  { "init", cr_cli_init, N_("Create a new association file") },
  { "demo", cr_cli_demo, N_("Fill a new file with made-up data to try things out") },
  { "members", cr_cli_members, N_("List the people in the register") },
  { "meetings", cr_cli_meetings, N_("List the meetings, and whether they were quorate") },
  { "import", cr_cli_import, N_("Add people, attendance or bank transactions from CSV") },
  { "export", cr_cli_export, N_("Write a report for the council as Excel") },
  { "groups", cr_cli_groups, N_("List or add the association’s groups") },
  { "rules", cr_cli_rules, N_("Show or change the rules of the terms of reference") },
  { "check", cr_cli_check, N_("List what the rules say needs attention") },
  { "print", cr_cli_print, N_("Print a sign-in sheet, agenda, minutes, terms or summary as PDF") },
  { "training", cr_cli_training, N_("List courses, add one, or record a training session") },
  { "backup", cr_cli_backup, N_("Write a consistent copy of the file") },
  { "verify", cr_cli_verify, N_("Check the file’s integrity") },
  { "restore", cr_cli_restore, N_("Put a backup back, keeping the file as it was") },
  { "workplan", cr_cli_workplan, N_("The work plan and service reviews: list, or delete a review, request or recommendation") },
  { "money", cr_cli_money, N_("List, add, change or delete accounts, funders and monitoring reports") },
  { "erase", cr_cli_erase, N_("Erase one person’s details for good") },
  { "subject-access", cr_cli_subject_access, N_("Write everything held about one person") },
  { "consent", cr_cli_consent, N_("List, record or withdraw one person’s consents") },
};

/**
 * cr_cli_fail:
 * @error: (transfer full): what went wrong
 *
 * Prints @error and gives the "refused" exit code.
 */
int
cr_cli_fail (GError *error)
{
  g_printerr ("commonroom-cli: %s\n", error->message);
  g_error_free (error);
  return CR_CLI_EXIT_REFUSED;
}

int
cr_cli_usage (const char *command,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("commonroom-cli: %s\n", message);
  if (command != NULL)
    g_printerr (_("Try “commonroom-cli %s --help”.\n"), command);
  else
    g_printerr (_("Try “commonroom-cli --help”.\n"));
  return CR_CLI_EXIT_USAGE;
}

/**
 * cr_cli_parse_id:
 * @text: (nullable): what was typed for a record's number
 *
 * Returns: the number, or 0 if @text is not a whole number above 0
 */
gint64
cr_cli_parse_id (const char *text)
{
  char  *end = NULL;
  gint64 id;

  if (text == NULL || *text == '\0')
    return 0;
  id = g_ascii_strtoll (text, &end, 10);
  return *end == '\0' && id > 0 ? id : 0;
}

/**
 * cr_cli_take_id:
 * @what: the record, for messages ("account")
 *
 * Takes the one ID a `… VERB ID` command is given (argv[1], nothing
 * after it); on wrong usage says why and sets @exit_code.
 *
 * Returns: the ID, or 0
 */
gint64
cr_cli_take_id (const char  *command,
                const char  *what,
                int          argc,
                char       **argv,
                int         *exit_code)
{
  gint64 id;

  if (argc < 2)
    {
      *exit_code = cr_cli_usage (command, _("Say which %s by its number."),
                                 what);
      return 0;
    }
  if (argc > 2)
    {
      *exit_code = cr_cli_usage (command, _("Unexpected “%s”."), argv[2]);
      return 0;
    }
  id = cr_cli_parse_id (argv[1]);
  if (id == 0)
    *exit_code = cr_cli_usage (command,
                               _("“%s” is not a number; say which %s by its "
                                 "number."),
                               argv[1], what);
  return id;
}

/**
 * cr_cli_dispatch:
 * @command: the command ("export")
 * @usage: its usage line after the command ("REPORT --output FILE.xlsx …")
 * @subcommands: what it can do, in the order `--help` lists them
 *
 * Runs the subcommand named by argv[1] with argv shifted by one, or
 * answers `--help` with every subcommand and its summary, so the list a
 * user reads is always the list the command accepts.
 *
 * Returns: the exit code
 */
int
cr_cli_dispatch (CrCli                 *cli,
                 const char            *command,
                 const char            *usage,
                 const CrCliSubcommand *subcommands,
                 guint                  n_subcommands,
                 int                    argc,
                 char                 **argv)
{
  g_autoptr (GString) names = g_string_new (NULL);

  if (argc >= 2)
    for (guint i = 0; i < n_subcommands; i++)
      if (g_str_equal (argv[1], subcommands[i].name))
        return subcommands[i].run (cli, argc - 1, argv + 1);

  for (guint i = 0; i < n_subcommands; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                            subcommands[i].name);

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print (_("Usage:\n  commonroom-cli --file PATH %s %s\n\n"), command,
               usage);
      for (guint i = 0; i < n_subcommands; i++)
        g_print ("  %-18s %s\n", subcommands[i].name,
                 _(subcommands[i].summary));
      g_print (_("\n“commonroom-cli %s NAME --help” tells more of each.\n"),
               command);
      return CR_CLI_EXIT_OK;
    }
  if (argc < 2)
    return cr_cli_usage (command, _("Say which: %s."), names->str);
  return cr_cli_usage (command, _("There is no “%s” here; the choices are %s."),
                       argv[1], names->str);
}

/**
 * cr_cli_parse:
 * @command: the command's words, for messages ("members list")
 * @entries: (nullable): its options, %NULL-terminated
 *
 * Parses a command's options; `--file` is accepted here too. On wrong
 * usage prints why and sets @exit_code.
 */
gboolean
cr_cli_parse (CrCli               *cli,
              const char          *command,
              const char          *parameters,
              const char          *summary,
              const GOptionEntry  *entries,
              int                 *argc,
              char              ***argv,
              int                 *exit_code)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *file = NULL;
  const GOptionEntry file_entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      N_("The association file"), N_("PATH") },
    { NULL }
  };
  g_autofree char *title = g_strdup_printf ("%s %s", command,
                                            parameters ? parameters : "");

  context = g_option_context_new (title);
  g_option_context_set_summary (context, _(summary));
  g_option_context_add_main_entries (context, file_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_code = cr_cli_usage (command, "%s", error->message);
      return FALSE;
    }

  if (file != NULL)
    {
      g_free (cli->file);
      cli->file = g_steal_pointer (&file);
    }
  return TRUE;
}

/**
 * cr_cli_open:
 * @flags: %CR_STORE_OPEN_READ_WRITE for commands that change the file
 *
 * Opens the file named by --file, or prints why not and sets @exit_code.
 *
 * Returns: (transfer full) (nullable): the store
 */
CrStore *
cr_cli_open (CrCli            *cli,
             const char       *command,
             CrStoreOpenFlags  flags,
             int              *exit_code)
{
  GError *error = NULL;
  CrStore *store;

  if (cli->file == NULL)
    {
      *exit_code = cr_cli_usage (command, _("Say which file with --file PATH."));
      return NULL;
    }

  store = cr_store_open (cli->file, flags, &error);
  if (store == NULL)
    *exit_code = cr_cli_fail (error);
  return store;
}

static void
print_help (void)
{
  g_print (_("Usage:\n  commonroom-cli --file PATH COMMAND [OPTION…]\n\n"));
  g_print (_("Keep a tenants’ and residents’ association’s records.\n\n"));
  g_print (_("Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_print (_("\n“commonroom-cli COMMAND --help” tells more about each.\n"));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *file = NULL;
  gboolean help = FALSE, version = FALSE;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  const GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file, NULL, NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, NULL, NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, NULL, NULL },
    { NULL }
  };
  CrCli cli = { 0 };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("commonroom-cli");

  /* The global options stop at the command; each command parses the rest
   * (and --file again, so it may come after the command too). */
  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cr_cli_usage (NULL, "%s", error->message);

  if (version)
    {
      g_print ("commonroom-cli %s\n", PACKAGE_VERSION);
      return CR_CLI_EXIT_OK;
    }
  if (help)
    {
      print_help ();
      return CR_CLI_EXIT_OK;
    }
  if (argc < 2)
    return cr_cli_usage (NULL, _("Name a command."));

  cli.file = g_steal_pointer (&file);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        {
          status = commands[i].func (&cli, argc - 1, argv + 1);
          g_free (cli.file);
          return status;
        }
    }

  g_free (cli.file);
  return cr_cli_usage (NULL, _("There is no command “%s”."), argv[1]);
}
