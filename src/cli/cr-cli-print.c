/* cr-cli-print.c: commonroom-cli print attendance-sheet|agenda|minutes
 *
 * The same pages the window prints, written as a PDF: the data comes from
 * cr-print-meeting.c and the drawing from the page layouts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-cli"

#include "config.h"

#include "cr-cli.h"

#include "cr-print-agenda.h"
#include "cr-print-attendance-sheet.h"
#include "cr-print-meeting.h"
#include "cr-print-minutes.h"

#include <glib/gi18n.h>

typedef enum
{
  PAGE_SHEET,
  PAGE_AGENDA,
  PAGE_MINUTES,
} Page;

static const struct
{
  const char *name;
  const char *summary;
} pages[] = {
  [PAGE_SHEET] = { "attendance-sheet",
                   N_("Print the sign-in sheet of a meeting as a PDF: the "
                      "members it expects, by surname, with apologies "
                      "already sent.") },
  [PAGE_AGENDA] = { "agenda",
                    N_("Print the agenda of a meeting as a PDF.") },
  [PAGE_MINUTES] = { "minutes",
                     N_("Print the minutes of a meeting as a PDF: who was "
                        "there, the quorum, and each item with its "
                        "decisions and actions.") },
};

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  char *end = NULL;
  gint64 value;

  if (text == NULL || *text == '\0')
    return FALSE;
  value = g_ascii_strtoll (text, &end, 10);
  if (*end != '\0' || value <= 0)
    return FALSE;
  *id = value;
  return TRUE;
}

static int
print_page (CrCli  *cli,
            Page    page,
            int     argc,
            char  **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *command = g_strconcat ("print ", pages[page].name, NULL);
  const GOptionEntry entries[] = {
    { "meeting", 'm', 0, G_OPTION_ARG_STRING, &meeting,
      N_("The meeting, by the number “meetings list” shows"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The PDF to write"), N_("FILE.pdf") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  GError *error = NULL;
  gint64 meeting_id = 0;
  gboolean ok = FALSE;
  int exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, command, NULL, pages[page].summary, entries,
                     &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage (command, _("Unexpected “%s”."), argv[1]);
  if (meeting == NULL)
    return cr_cli_usage (command, _("Say which meeting with --meeting ID."));
  if (!parse_id (meeting, &meeting_id))
    return cr_cli_usage (command, _("“%s” is not a meeting number."), meeting);
  if (output == NULL)
    return cr_cli_usage (command,
                         _("Say where to write it with --output FILE.pdf."));

  store = cr_cli_open (cli, command, CR_STORE_OPEN_READ_ONLY, &exit_code);
  if (store == NULL)
    return exit_code;

  switch (page)
    {
    case PAGE_SHEET:
      {
        g_autoptr (CrSheetData) data =
          cr_print_meeting_get_sheet (store, meeting_id, &error);

        ok = data != NULL &&
             cr_print_attendance_sheet_to_pdf (data, output, &error);
        if (ok)
          g_print (_("Wrote the sign-in sheet to “%s”.\n"), output);
      }
      break;
    case PAGE_AGENDA:
      {
        g_autoptr (CrAgendaData) data =
          cr_print_meeting_get_agenda (store, meeting_id, &error);

        ok = data != NULL && cr_print_agenda_to_pdf (data, output, &error);
        if (ok)
          g_print (_("Wrote the agenda to “%s”.\n"), output);
      }
      break;
    case PAGE_MINUTES:
    default:
      {
        g_autoptr (CrMinutesData) data =
          cr_print_meeting_get_minutes (store, meeting_id, &error);

        ok = data != NULL && cr_print_minutes_to_pdf (data, output, &error);
        if (ok)
          g_print (_("Wrote the minutes to “%s”.\n"), output);
      }
      break;
    }
  if (!ok)
    return cr_cli_fail (error);
  return CR_CLI_EXIT_OK;
}

static int
print_sheet (CrCli *cli, int argc, char **argv)
{
  return print_page (cli, PAGE_SHEET, argc, argv);
}

static int
print_agenda (CrCli *cli, int argc, char **argv)
{
  return print_page (cli, PAGE_AGENDA, argc, argv);
}

static int
print_minutes (CrCli *cli, int argc, char **argv)
{
  return print_page (cli, PAGE_MINUTES, argc, argv);
}

int
cr_cli_print (CrCli  *cli,
              int     argc,
              char  **argv)
{
  static const CrCliSubcommand kinds[] = {
    { "attendance-sheet", print_sheet,
      N_("a meeting’s sign-in sheet, members by surname") },
    { "agenda", print_agenda, N_("a meeting’s agenda") },
    { "minutes", print_minutes,
      N_("a meeting’s minutes, with decisions and actions") },
    { "terms", cr_cli_print_terms, N_("a group’s terms of reference") },
    { "review", cr_cli_print_review, N_("a service review’s summary") },
    { "annual", cr_cli_print_annual,
      N_("the annual return’s summary for the AGM") },
  };

  return cr_cli_dispatch (cli, "print", "WHAT [OPTION…] --output FILE.pdf",
                          kinds, G_N_ELEMENTS (kinds), argc, argv);
}
