/* cr-cli-workplan.c: the work plan and scrutiny reviews from the command
 * line: `export workplan`, `print review` and `workplan list`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-cli"

#include "config.h"

#include "cr-cli.h"

#include "cr-date.h"
#include "cr-print-review.h"
#include "cr-report-workplan.h"
#include "cr-store-people.h"
#include "cr-store-workplan.h"

#include <glib/gi18n.h>

/* --on DATE in either form, as ISO; NULL (today) when not given. */
static gboolean
parse_on (const char *on, char **iso, GError **error)
{
  GDate date;

  *iso = NULL;
  if (on == NULL)
    return TRUE;
  if (!cr_date_parse (on, &date, error))
    return FALSE;
  *iso = cr_date_to_iso (&date);
  return TRUE;
}

static gboolean
find_group (CrStore *store, const char *name, gint64 *group_id, GError **error)
{
  *group_id = 0;
  if (name == NULL)
    return TRUE;
  *group_id = cr_store_find_group (store, name, error);
  if (*group_id != 0)
    return TRUE;
  if (error != NULL && *error == NULL)
    g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                 _ ("There is no group called “%s”."), name);
  return FALSE;
}

/**
 * cr_cli_export_workplan:
 *
 * `export workplan --output FILE.xlsx [--group NAME] [--on DATE]`
 */
int
cr_cli_export_workplan (CrCli *cli, int argc, char **argv)
{
  g_autofree char   *output = NULL;
  g_autofree char   *group = NULL;
  g_autofree char   *on = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_ ("The workbook to write"), N_ ("FILE.xlsx") },
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group,
      N_ ("Only this group’s plan and reviews"), N_ ("NAME") },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on,
      N_ ("Judge overdue requests and follow-ups as on this day; today if "
          "not given"),
      N_ ("DATE") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autofree char *on_iso = NULL;
  GError          *error = NULL;
  gint64           group_id = 0;
  int              exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "export workplan", NULL,
                     N_ ("Write the work plan as an Excel workbook: "
                         "priorities, service reviews with their stages, "
                         "requests to managers and recommendations."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("export workplan", _ ("Unexpected “%s”."), argv[1]);
  if (output == NULL)
    return cr_cli_usage ("export workplan",
                         _ ("Say where to write it with --output FILE.xlsx."));
  if (!parse_on (on, &on_iso, &error))
    return cr_cli_fail (error);

  store =
      cr_cli_open (cli, "export workplan", CR_STORE_OPEN_READ_ONLY, &exit_code);
  if (store == NULL)
    return exit_code;
  if (!find_group (store, group, &group_id, &error) ||
      !cr_report_workplan (store, output, group_id, group, on_iso, &error))
    return cr_cli_fail (error);

  g_print (_ ("Wrote the work plan to “%s”.\n"), output);
  return CR_CLI_EXIT_OK;
}

/**
 * cr_cli_print_review:
 *
 * `print review --review ID --output FILE.pdf [--on DATE]`
 */
int
cr_cli_print_review (CrCli *cli, int argc, char **argv)
{
  g_autofree char   *output = NULL;
  g_autofree char   *review = NULL;
  g_autofree char   *on = NULL;
  const GOptionEntry entries[] = {
    { "review", 'r', 0, G_OPTION_ARG_STRING, &review,
      N_ ("The review, by the number “workplan list” shows"), N_ ("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("The PDF to write"),
      N_ ("FILE.pdf") },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on,
      N_ ("Judge overdue requests as on this day; today if not given"),
      N_ ("DATE") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autofree char *on_iso = NULL;
  GError          *error = NULL;
  gint64           review_id;
  char            *end = NULL;
  int              exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "print review", NULL,
                     N_ ("Print a service review’s summary as a PDF: its "
                         "stages, requests and recommendations."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("print review", _ ("Unexpected “%s”."), argv[1]);
  if (review == NULL)
    return cr_cli_usage ("print review",
                         _ ("Say which review with --review ID."));
  review_id = g_ascii_strtoll (review, &end, 10);
  if (*review == '\0' || *end != '\0' || review_id <= 0)
    return cr_cli_usage ("print review", _ ("“%s” is not a review number."),
                         review);
  if (output == NULL)
    return cr_cli_usage ("print review",
                         _ ("Say where to write it with --output FILE.pdf."));
  if (!parse_on (on, &on_iso, &error))
    return cr_cli_fail (error);

  store =
      cr_cli_open (cli, "print review", CR_STORE_OPEN_READ_ONLY, &exit_code);
  if (store == NULL)
    return exit_code;
  if (!cr_print_review_to_pdf (store, review_id, on_iso, output, &error))
    return cr_cli_fail (error);
  g_print (_ ("Wrote the review summary to “%s”.\n"), output);
  return CR_CLI_EXIT_OK;
}

static int
workplan_list (CrCli *cli, int argc, char **argv)
{
  g_autofree char   *group = NULL;
  int                year = 0;
  const GOptionEntry entries[] = {
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group, N_ ("Only this group’s"),
      N_ ("NAME") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year,
      N_ ("Only this year’s plan and reviews"), N_ ("YEAR") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autoptr (GPtrArray) priorities = NULL;
  g_autoptr (GPtrArray) reviews = NULL;
  GError *error = NULL;
  gint64  group_id = 0;
  int     exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "workplan list", NULL,
                     N_ ("List the work plan’s priorities and the service "
                         "reviews, with the reviews’ numbers."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("workplan list", _ ("Unexpected “%s”."), argv[1]);
  if (year < 0 || year > 2200)
    return cr_cli_usage ("workplan list", _ ("%d is not a year."), year);

  store =
      cr_cli_open (cli, "workplan list", CR_STORE_OPEN_READ_ONLY, &exit_code);
  if (store == NULL)
    return exit_code;
  if (!find_group (store, group, &group_id, &error))
    return cr_cli_fail (error);
  priorities = cr_store_list_priorities (store, group_id, (guint) year, &error);
  if (priorities == NULL)
    return cr_cli_fail (error);
  reviews = cr_store_list_reviews (store, group_id, (guint) year, &error);
  if (reviews == NULL)
    return cr_cli_fail (error);

  for (guint i = 0; i < priorities->len; i++)
    {
      CrPriority *p = g_ptr_array_index (priorities, i);

      g_print ("priority\t%s\t%u\t%u\t%s\t%s\t%s\n", p->group_name, p->year,
               p->position, p->title, p->lead_name ? p->lead_name : "",
               cr_priority_status_to_string (p->status));
    }
  for (guint i = 0; i < reviews->len; i++)
    {
      CrReview *r = g_ptr_array_index (reviews, i);

      g_print ("review\t%" G_GINT64_FORMAT "\t%s\t%u\t%s\t%s\n", r->id,
               r->group_name, r->year, r->title,
               cr_review_status_to_string (r->status));
    }
  return CR_CLI_EXIT_OK;
}

/**
 * cr_cli_workplan:
 *
 * `workplan list`
 */
int
cr_cli_workplan (CrCli *cli, int argc, char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return workplan_list (cli, argc - 1, argv + 1);
  if (argc >= 2 &&
      (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print (_ ("Usage:\n  commonroom-cli --file PATH workplan list "
                  "[--group NAME] [--year YEAR]\n\n"));
      g_print (_ ("List the work plan’s priorities and service reviews, one "
                  "a line, fields separated by tabs.\n"));
      return CR_CLI_EXIT_OK;
    }
  if (argc < 2)
    return cr_cli_usage ("workplan", _ ("Say what to do: list."));
  return cr_cli_usage ("workplan",
                       _ ("There is no “%s”: list is what there "
                          "is."),
                       argv[1]);
}
