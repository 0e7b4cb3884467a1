/* cr-cli.h: what the command-line's commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

/* The exit codes of DESIGN.md's contract. */
enum
{
  CR_CLI_EXIT_OK = 0,
  CR_CLI_EXIT_REFUSED = 1,   /* bad input or a refused operation */
  CR_CLI_EXIT_USAGE = 2,     /* wrong usage */
};

typedef struct
{
  char *file;                /* --file PATH */
} CrCli;

typedef int (*CrCliCommandFunc) (CrCli  *cli,
                                 int     argc,
                                 char  **argv);

/* A subcommand of a command with several ("export members"). */
typedef struct
{
  const char       *name;
  CrCliCommandFunc  run;
  const char       *summary;   /* translatable, N_() */
} CrCliSubcommand;

int       cr_cli_dispatch (CrCli                 *cli,
                           const char            *command,
                           const char            *usage,
                           const CrCliSubcommand *subcommands,
                           guint                  n_subcommands,
                           int                    argc,
                           char                 **argv);
int       cr_cli_fail    (GError           *error);
int       cr_cli_usage   (const char       *command,
                          const char       *format,
                          ...) G_GNUC_PRINTF (2, 3);
gint64    cr_cli_parse_id (const char      *text);
gint64    cr_cli_take_id (const char       *command,
                          const char       *what,
                          int               argc,
                          char            **argv,
                          int              *exit_code);
gboolean  cr_cli_parse   (CrCli            *cli,
                          const char       *command,
                          const char       *parameters,
                          const char       *summary,
                          const GOptionEntry *entries,
                          int              *argc,
                          char           ***argv,
                          int              *exit_code);
CrStore  *cr_cli_open    (CrCli            *cli,
                          const char       *command,
                          CrStoreOpenFlags  flags,
                          int              *exit_code);

int       cr_cli_init    (CrCli *cli, int argc, char **argv);
int       cr_cli_demo    (CrCli *cli, int argc, char **argv);
int       cr_cli_backup  (CrCli *cli, int argc, char **argv);
int       cr_cli_verify  (CrCli *cli, int argc, char **argv);
int       cr_cli_members (CrCli *cli, int argc, char **argv);
int       cr_cli_meetings (CrCli *cli, int argc, char **argv);
int       cr_cli_erase   (CrCli *cli, int argc, char **argv);
int       cr_cli_subject_access (CrCli *cli, int argc, char **argv);
int       cr_cli_consent (CrCli *cli, int argc, char **argv);
int       cr_cli_restore (CrCli *cli, int argc, char **argv);
int       cr_cli_import  (CrCli *cli, int argc, char **argv);
int       cr_cli_export  (CrCli *cli, int argc, char **argv);
int       cr_cli_rules   (CrCli *cli, int argc, char **argv);
int       cr_cli_check   (CrCli *cli, int argc, char **argv);
int       cr_cli_print   (CrCli *cli, int argc, char **argv);
int       cr_cli_groups  (CrCli *cli, int argc, char **argv);
int       cr_cli_print_terms (CrCli *cli, int argc, char **argv);

/* Sub-commands, in cr-cli-annual.c. */
int       cr_cli_export_annual (CrCli *cli, int argc, char **argv);
int       cr_cli_print_annual  (CrCli *cli, int argc, char **argv);

/* Sub-commands, in cr-cli-training.c. */
int       cr_cli_training        (CrCli *cli, int argc, char **argv);
int       cr_cli_export_training (CrCli *cli, int argc, char **argv);

/* Sub-commands, in cr-cli-money.c. */
int       cr_cli_import_transactions (CrCli *cli, int argc, char **argv);
int       cr_cli_export_grants       (CrCli *cli, int argc, char **argv);
int       cr_cli_money               (CrCli *cli, int argc, char **argv);

/* Sub-commands, in cr-cli-attendance.c. */
int       cr_cli_import_attendance (CrCli *cli, int argc, char **argv);
int       cr_cli_export_attendance (CrCli *cli, int argc, char **argv);
int       cr_cli_export_actions    (CrCli *cli, int argc, char **argv);

/* Sub-commands, in cr-cli-workplan.c. */
int       cr_cli_workplan        (CrCli *cli, int argc, char **argv);
int       cr_cli_export_workplan (CrCli *cli, int argc, char **argv);
int       cr_cli_print_review    (CrCli *cli, int argc, char **argv);

G_END_DECLS
