/* cr-cli-workplan.c: the work plan and scrutiny reviews from the command
 * line: `export workplan`, `print review` and `workplan list|review|request|
 * recommendation`
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

/* The review's requests and recommendations, one a line. */
static gboolean
print_review_contents (CrStore *store, gint64 review_id, GError **error)
{
  g_autoptr (GPtrArray) requests = NULL;
  g_autoptr (GPtrArray) recs = NULL;

  requests = cr_store_list_review_requests (store, review_id, error);
  if (requests == NULL)
    return FALSE;
  recs = cr_store_list_recommendations (store, review_id, error);
  if (recs == NULL)
    return FALSE;
  for (guint i = 0; i < requests->len; i++)
    {
      CrInfoRequest *r = g_ptr_array_index (requests, i);

      g_print ("request\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT
               "\t%s\t%s\t%s\t%s\t%s\n",
               r->id, r->review_id, cr_request_kind_to_string (r->kind),
               r->sent_to, r->what, r->sent_on,
               r->answered_on ? r->answered_on : "");
    }
  for (guint i = 0; i < recs->len; i++)
    {
      CrRecommendation *r = g_ptr_array_index (recs, i);
      const char       *response = cr_response_to_string (r->response);

      g_print ("recommendation\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT
               "\t%u\t%s\t%s\t%s\n",
               r->id, r->review_id, r->position, r->text,
               response ? response : "",
               r->action_status ? r->action_status : "");
    }
  return TRUE;
}

static int
workplan_list (CrCli *cli, int argc, char **argv)
{
  g_autofree char   *group = NULL;
  g_autofree char   *review = NULL;
  int                year = 0;
  const GOptionEntry entries[] = {
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group, N_ ("Only this group’s"),
      N_ ("NAME") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year,
      N_ ("Only this year’s plan and reviews"), N_ ("YEAR") },
    { "review", 'r', 0, G_OPTION_ARG_STRING, &review,
      N_ ("Also list this review’s requests and recommendations, with their "
          "numbers"),
      N_ ("ID") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autoptr (GPtrArray) priorities = NULL;
  g_autoptr (GPtrArray) reviews = NULL;
  GError *error = NULL;
  gint64  group_id = 0;
  gint64  review_id = 0;
  int     exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "workplan list", NULL,
                     N_ ("List the work plan’s priorities and the service "
                         "reviews, with the reviews’ numbers; with --review, "
                         "that review’s requests and recommendations too, "
                         "one a line, fields separated by tabs."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("workplan list", _ ("Unexpected “%s”."), argv[1]);
  if (year < 0 || year > 2200)
    return cr_cli_usage ("workplan list", _ ("%d is not a year."), year);
  if (review != NULL && (review_id = cr_cli_parse_id (review)) == 0)
    return cr_cli_usage ("workplan list", _ ("“%s” is not a review number."),
                         review);

  store =
      cr_cli_open (cli, "workplan list", CR_STORE_OPEN_READ_ONLY, &exit_code);
  if (store == NULL)
    return exit_code;
  if (!find_group (store, group, &group_id, &error))
    return cr_cli_fail (error);
  if (review_id > 0)
    {
      g_autoptr (CrReview) r = cr_store_get_review (store, review_id, &error);

      if (r == NULL)
        return cr_cli_fail (error);
    }
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
  if (review_id > 0 && !print_review_contents (store, review_id, &error))
    return cr_cli_fail (error);
  return CR_CLI_EXIT_OK;
}

static int
review_delete (CrCli *cli, int argc, char **argv)
{
  g_autoptr (CrStore) store = NULL;
  g_autoptr (CrReview) review = NULL;
  g_autofree char *said = NULL;
  CrReviewContents contents;
  GError          *error = NULL;
  gint64           id = 0;
  int              exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "workplan review delete", "ID",
                     N_ ("Delete a service review with its stages, requests "
                         "and recommendations. Actions meetings agreed for "
                         "its recommendations stay in the action log and in "
                         "“You said, we did”."),
                     NULL, &argc, &argv, &exit_code) ||
      (id = cr_cli_take_id ("workplan review delete", _ ("review"), argc, argv,
                            &exit_code)) == 0)
    return exit_code;

  store = cr_cli_open (cli, "workplan review delete", CR_STORE_OPEN_READ_WRITE,
                       &exit_code);
  if (store == NULL)
    return exit_code;
  review = cr_store_get_review (store, id, &error);
  if (review == NULL ||
      !cr_store_count_review_contents (store, id, &contents, &error) ||
      !cr_store_delete_review (store, id, &error))
    return cr_cli_fail (error);
  said = cr_review_describe_delete (review->title, &contents);
  g_print (_ ("Deleted. %s\n"), said);
  return CR_CLI_EXIT_OK;
}

static int
request_delete (CrCli *cli, int argc, char **argv)
{
  g_autoptr (CrStore) store = NULL;
  g_autoptr (CrInfoRequest) request = NULL;
  g_autofree char *said = NULL;
  GError          *error = NULL;
  gint64           id = 0;
  int              exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "workplan request delete", "ID",
                     N_ ("Delete a request to managers from its review, "
                         "by the number “workplan list --review ID” shows."),
                     NULL, &argc, &argv, &exit_code) ||
      (id = cr_cli_take_id ("workplan request delete", _ ("request"), argc,
                            argv, &exit_code)) == 0)
    return exit_code;

  store = cr_cli_open (cli, "workplan request delete", CR_STORE_OPEN_READ_WRITE,
                       &exit_code);
  if (store == NULL)
    return exit_code;
  request = cr_store_get_review_request (store, id, &error);
  if (request == NULL || !cr_store_delete_review_request (store, id, &error))
    return cr_cli_fail (error);
  said = cr_info_request_describe_delete (request);
  g_print (_ ("Deleted. %s\n"), said);
  return CR_CLI_EXIT_OK;
}

static int
recommendation_delete (CrCli *cli, int argc, char **argv)
{
  g_autoptr (CrStore) store = NULL;
  g_autoptr (CrRecommendation) rec = NULL;
  g_autofree char *said = NULL;
  GError          *error = NULL;
  gint64           id = 0;
  int              exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "workplan recommendation delete", "ID",
                     N_ ("Delete a recommendation, by the number “workplan "
                         "list --review ID” shows; those after it are "
                         "numbered down. Its action, if a meeting agreed "
                         "one, stays in the action log."),
                     NULL, &argc, &argv, &exit_code) ||
      (id = cr_cli_take_id ("workplan recommendation delete",
                            _ ("recommendation"), argc, argv, &exit_code)) == 0)
    return exit_code;

  store = cr_cli_open (cli, "workplan recommendation delete",
                       CR_STORE_OPEN_READ_WRITE, &exit_code);
  if (store == NULL)
    return exit_code;
  rec = cr_store_get_recommendation (store, id, &error);
  if (rec == NULL || !cr_store_delete_recommendation (store, id, &error))
    return cr_cli_fail (error);
  said = cr_recommendation_describe_delete (rec);
  g_print (_ ("Deleted. %s\n"), said);
  return CR_CLI_EXIT_OK;
}

static int
recommendation_action (CrCli *cli, int argc, char **argv)
{
  g_autofree char   *meeting = NULL;
  g_autofree char   *owner = NULL;
  g_autofree char   *due = NULL;
  const GOptionEntry entries[] = {
    { "meeting", 'm', 0, G_OPTION_ARG_STRING, &meeting,
      N_ ("The meeting that agreed it, by the number “meetings list” shows; "
          "the group’s latest meeting if not given"),
      N_ ("ID") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner,
      N_ ("The officer or team who delivers it"), N_ ("TEXT") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_ ("When it is due"),
      N_ ("DATE") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autoptr (CrRecommendation) rec = NULL;
  g_autofree char *due_iso = NULL;
  g_autofree char *today = NULL;
  GError          *error = NULL;
  gint64           id = 0;
  gint64           meeting_id = 0;
  gint64           action;
  int              exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "workplan recommendation action", "ID",
                     N_ ("Record the action that delivers an accepted "
                         "recommendation in the action log of the meeting "
                         "that agreed it, so it shows in “You said, we "
                         "did”."),
                     entries, &argc, &argv, &exit_code) ||
      (id = cr_cli_take_id ("workplan recommendation action",
                            _ ("recommendation"), argc, argv, &exit_code)) == 0)
    return exit_code;
  if (meeting != NULL && (meeting_id = cr_cli_parse_id (meeting)) == 0)
    return cr_cli_usage ("workplan recommendation action",
                         _ ("“%s” is not a meeting number."), meeting);
  if (!parse_on (due, &due_iso, &error))
    return cr_cli_fail (error);

  store = cr_cli_open (cli, "workplan recommendation action",
                       CR_STORE_OPEN_READ_WRITE, &exit_code);
  if (store == NULL)
    return exit_code;
  rec = cr_store_get_recommendation (store, id, &error);
  if (rec == NULL)
    return cr_cli_fail (error);
  if (meeting_id == 0)
    {
      today = cr_date_today_iso ();
      meeting_id = cr_store_find_meeting_for_review (store, rec->review_id,
                                                     today, &error);
      if (meeting_id == 0)
        {
          if (error == NULL)
            g_set_error_literal (&error, CR_STORE_ERROR,
                                 CR_STORE_ERROR_NOT_FOUND,
                                 _ ("The review’s group has held no meeting "
                                    "yet to agree the action; add the "
                                    "meeting first."));
          return cr_cli_fail (error);
        }
    }
  action = cr_store_add_recommendation_action (store, id, meeting_id, owner,
                                               due_iso, &error);
  if (action == 0)
    return cr_cli_fail (error);
  g_print (_ ("Added action %" G_GINT64_FORMAT
              " to the log of meeting %" G_GINT64_FORMAT ".\n"),
           action, meeting_id);
  return CR_CLI_EXIT_OK;
}

static const CrCliSubcommand review_verbs[] = {
  { "delete", review_delete,
    N_ ("Delete a review with its stages, requests and recommendations") },
};

static const CrCliSubcommand request_verbs[] = {
  { "delete", request_delete, N_ ("Delete a request to managers") },
};

static const CrCliSubcommand recommendation_verbs[] = {
  { "action", recommendation_action,
    N_ ("Record the action that delivers it, at a meeting") },
  { "delete", recommendation_delete, N_ ("Delete a recommendation") },
};

static int
workplan_review (CrCli *cli, int argc, char **argv)
{
  return cr_cli_dispatch (cli, "workplan review", "delete ID", review_verbs,
                          G_N_ELEMENTS (review_verbs), argc, argv);
}

static int
workplan_request (CrCli *cli, int argc, char **argv)
{
  return cr_cli_dispatch (cli, "workplan request", "delete ID", request_verbs,
                          G_N_ELEMENTS (request_verbs), argc, argv);
}

static int
workplan_recommendation (CrCli *cli, int argc, char **argv)
{
  return cr_cli_dispatch (cli, "workplan recommendation",
                          "action|delete ID [OPTION…]", recommendation_verbs,
                          G_N_ELEMENTS (recommendation_verbs), argc, argv);
}

static const CrCliSubcommand workplan_commands[] = {
  { "list", workplan_list,
    N_ ("List the priorities and reviews (and one review’s requests and "
        "recommendations)") },
  { "review", workplan_review, N_ ("Delete a service review") },
  { "request", workplan_request, N_ ("Delete a request to managers") },
  { "recommendation", workplan_recommendation,
    N_ ("Record a recommendation’s action, or delete it") },
};

/**
 * cr_cli_workplan:
 *
 * `workplan list|review|request|recommendation …`
 */
int
cr_cli_workplan (CrCli *cli, int argc, char **argv)
{
  return cr_cli_dispatch (cli, "workplan", "WHAT [VERB] [ID] [OPTION…]",
                          workplan_commands, G_N_ELEMENTS (workplan_commands),
                          argc, argv);
}
