/* cr-cli-annual.c: commonroom-cli export annual and print annual
 *
 * The council pack for a year (--year YYYY) or any period (--from and
 * --to), as a workbook or as the printed summary for the AGM.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-cli"

#include "config.h"

#include "cr-cli.h"

#include "cr-date.h"
#include "cr-print-annual.h"
#include "cr-report-annual.h"

#include <glib/gi18n.h>

#include <string.h>

/* Turns --year, or --from and --to, into a period; this year if none. */
static gboolean
parse_period (const char *command,
              const char *year,
              const char *from,
              const char *to,
              char      **from_iso,
              char      **to_iso,
              int        *exit_code)
{
  GError *error = NULL;
  GDate   date;

  if (year != NULL && (from != NULL || to != NULL))
    {
      *exit_code = cr_cli_usage (command, _ ("Give either --year or --from and "
                                             "--to, not both."));
      return FALSE;
    }
  if (year != NULL)
    {
      char  *end = NULL;
      gint64 y = g_ascii_strtoll (year, &end, 10);

      if (end == year || *end != '\0' || y < 1900 || y > 9999)
        {
          g_set_error (&error, CR_DATE_ERROR, CR_DATE_ERROR_INVALID,
                       _ ("“%s” is not a year; write it like 2026."), year);
          *exit_code = cr_cli_fail (error);
          return FALSE;
        }
      *from_iso = g_strdup_printf ("%04d-01-01", (int) y);
      *to_iso = g_strdup_printf ("%04d-12-31", (int) y);
      return TRUE;
    }
  if ((from == NULL) != (to == NULL))
    {
      *exit_code = cr_cli_usage (command, _ ("Give both --from and --to, or "
                                             "--year."));
      return FALSE;
    }
  if (from == NULL)
    {
      cr_date_today (&date);
      *from_iso = g_strdup_printf ("%04d-01-01", g_date_get_year (&date));
      *to_iso = g_strdup_printf ("%04d-12-31", g_date_get_year (&date));
      return TRUE;
    }
  if (!cr_date_parse (from, &date, &error))
    {
      *exit_code = cr_cli_fail (error);
      return FALSE;
    }
  *from_iso = cr_date_to_iso (&date);
  if (!cr_date_parse (to, &date, &error))
    {
      g_clear_pointer (from_iso, g_free);
      *exit_code = cr_cli_fail (error);
      return FALSE;
    }
  *to_iso = cr_date_to_iso (&date);
  return TRUE;
}

typedef enum
{
  ANNUAL_XLSX,
  ANNUAL_PDF,
} AnnualKind;

static int
annual (CrCli *cli, AnnualKind kind, int argc, char **argv)
{
  const char *command = kind == ANNUAL_XLSX ? "export annual" : "print annual";
  g_autofree char   *output = NULL;
  g_autofree char   *year = NULL;
  g_autofree char   *from = NULL;
  g_autofree char   *to = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      kind == ANNUAL_XLSX ? N_ ("The workbook to write")
                          : N_ ("The PDF to write"),
      kind == ANNUAL_XLSX ? N_ ("FILE.xlsx") : N_ ("FILE.pdf") },
    { "year", 'y', 0, G_OPTION_ARG_STRING, &year,
      N_ ("The calendar year; this year if no period is given"), N_ ("YYYY") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_ ("Or the period’s first day (DD/MM/YYYY or YYYY-MM-DD)"),
      N_ ("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_ ("And its last day"),
      N_ ("DATE") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  GError          *error = NULL;
  int              exit_code = CR_CLI_EXIT_OK;
  gboolean         ok;

  if (!cr_cli_parse (cli, command, NULL,
                     kind == ANNUAL_XLSX
                         ? N_ ("Write the annual return for the council as an "
                               "Excel workbook: cover, recognition checklist, "
                               "membership, meetings, decisions, actions, "
                               "money and training.")
                         : N_ ("Print the annual return’s summary for the AGM "
                               "as a PDF: cover, checklist and key figures."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage (command, _ ("Unexpected “%s”."), argv[1]);
  if (output == NULL)
    return cr_cli_usage (
        command, kind == ANNUAL_XLSX ? _ ("Say where to write it with --output "
                                          "FILE.xlsx.")
                                     : _ ("Say where to write it with --output "
                                          "FILE.pdf."));
  if (!parse_period (command, year, from, to, &from_iso, &to_iso, &exit_code))
    return exit_code;
  if (strcmp (from_iso, to_iso) > 0)
    {
      g_set_error (&error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _ ("The period ends before it begins; give the earlier "
                      "date with --from."));
      return cr_cli_fail (error);
    }

  store = cr_cli_open (cli, command, CR_STORE_OPEN_READ_ONLY, &exit_code);
  if (store == NULL)
    return exit_code;

  if (kind == ANNUAL_XLSX)
    ok = cr_report_annual (store, output, from_iso, to_iso, &error);
  else
    ok = cr_print_annual_to_pdf (store, output, from_iso, to_iso, &error);
  if (!ok)
    return cr_cli_fail (error);

  if (kind == ANNUAL_XLSX)
    g_print (_ ("Wrote the annual return to “%s”.\n"), output);
  else
    g_print (_ ("Wrote the annual summary to “%s”.\n"), output);
  return CR_CLI_EXIT_OK;
}

int
cr_cli_export_annual (CrCli *cli, int argc, char **argv)
{
  return annual (cli, ANNUAL_XLSX, argc, argv);
}

int
cr_cli_print_annual (CrCli *cli, int argc, char **argv)
{
  return annual (cli, ANNUAL_PDF, argc, argv);
}
