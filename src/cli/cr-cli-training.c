/* cr-cli-training.c: commonroom-cli export training, and the training
 * commands: courses, add-course, record, require
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-cli"

#include "config.h"

#include "cr-cli.h"

#include "cr-date.h"
#include "cr-money.h"
#include "cr-report-training.h"
#include "cr-store-people.h"
#include "cr-store-training.h"

#include <glib/gi18n.h>
#include <stdlib.h>

static gboolean
parse_date (const char *text, char **iso, GError **error)
{
  GDate date;

  if (!cr_date_parse (text, &date, error))
    return FALSE;
  *iso = cr_date_to_iso (&date);
  return TRUE;
}

static gint64
find_group (CrStore *store, const char *name, GError **error)
{
  gint64 id = cr_store_find_group (store, name, error);

  if (id == 0 && (error == NULL || *error == NULL))
    g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                 _ ("There is no group called “%s”."), name);
  return id;
}

/**
 * cr_cli_export_training:
 *
 * `export training --output FILE.xlsx [--group NAME] [--on|--to DATE]`
 */
int
cr_cli_export_training (CrCli *cli, int argc, char **argv)
{
  g_autofree char   *output = NULL;
  g_autofree char   *group = NULL;
  g_autofree char   *on = NULL;
  g_autofree char   *to = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_ ("The workbook to write"), N_ ("FILE.xlsx") },
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group,
      N_ ("The group whose members and core programme to show; the "
          "association if not given"),
      N_ ("NAME") },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on,
      N_ ("As on this day (DD/MM/YYYY or YYYY-MM-DD); today if not given"),
      N_ ("DATE") },
    /* The end of the period, as the other reports take it. */
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_ ("The same as --on"),
      N_ ("DATE") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autofree char *on_iso = NULL;
  GError          *error = NULL;
  gint64           group_id = 0;
  int              exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "export training", NULL,
                     N_ ("Write the training matrix (people by courses, "
                         "completion against the threshold) and the "
                         "certificates expiring as an Excel workbook."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("export training", _ ("Unexpected “%s”."), argv[1]);
  if (output == NULL)
    return cr_cli_usage ("export training",
                         _ ("Say where to write it with --output FILE.xlsx."));
  if (on != NULL && to != NULL)
    return cr_cli_usage ("export training",
                         _ ("Give --on or --to, not both: they are the same."));
  if (on == NULL)
    on = g_steal_pointer (&to);
  if (on != NULL && !parse_date (on, &on_iso, &error))
    return cr_cli_fail (error);

  store =
      cr_cli_open (cli, "export training", CR_STORE_OPEN_READ_ONLY, &exit_code);
  if (store == NULL)
    return exit_code;
  if (group != NULL && (group_id = find_group (store, group, &error)) == 0)
    return cr_cli_fail (error);

  if (!cr_report_training (store, output, group_id, on_iso, &error))
    return cr_cli_fail (error);
  g_print (_ ("Wrote the training matrix to “%s”.\n"), output);
  return CR_CLI_EXIT_OK;
}

static int
training_courses (CrCli *cli, int argc, char **argv)
{
  g_autofree char   *group = NULL;
  const GOptionEntry entries[] = {
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group,
      N_ ("Mark the courses core for this group; the association if not "
          "given"),
      N_ ("NAME") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autoptr (GPtrArray) courses = NULL;
  GError *error = NULL;
  gint64  group_id = 0;
  int     exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "training courses", NULL,
                     N_ ("List the course catalogue: id, title, core or not, "
                         "validity and cost."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("training courses", _ ("Unexpected “%s”."), argv[1]);
  store = cr_cli_open (cli, "training courses", CR_STORE_OPEN_READ_ONLY,
                       &exit_code);
  if (store == NULL)
    return exit_code;
  if (group != NULL && (group_id = find_group (store, group, &error)) == 0)
    return cr_cli_fail (error);
  courses = cr_store_list_courses (store, group_id, NULL, &error);
  if (courses == NULL)
    return cr_cli_fail (error);
  for (guint i = 0; i < courses->len; i++)
    {
      CrCourse        *c = g_ptr_array_index (courses, i);
      g_autofree char *cost = cr_money_format (c->cost);
      g_autofree char *validity =
          c->validity_months > 0
              ? g_strdup_printf (_ ("%u months"), c->validity_months)
              : g_strdup (_ ("never expires"));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n", c->id, c->title,
               c->core ? _ ("core") : "-", validity, cost);
    }
  return CR_CLI_EXIT_OK;
}

static int
training_add_course (CrCli *cli, int argc, char **argv)
{
  g_autofree char   *title = NULL;
  g_autofree char   *provider = NULL;
  g_autofree char   *cost = NULL;
  g_autofree char   *group = NULL;
  g_autofree char   *from = NULL;
  int                months = 0;
  gboolean           core = FALSE;
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_ ("The course’s title"),
      N_ ("TITLE") },
    { "provider", 0, 0, G_OPTION_ARG_STRING, &provider, N_ ("Who runs it"),
      N_ ("NAME") },
    { "valid-months", 0, 0, G_OPTION_ARG_INT, &months,
      N_ ("How long it stays valid; leave out for a course that never "
          "expires"),
      N_ ("N") },
    { "cost", 0, 0, G_OPTION_ARG_STRING, &cost, N_ ("Cost of a place"),
      N_ ("£AMOUNT") },
    { "core", 0, 0, G_OPTION_ARG_NONE, &core, N_ ("Part of the core programme"),
      NULL },
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group,
      N_ ("Core for this group only; every group if not given"), N_ ("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_ ("Core from this day; today if not given"), N_ ("DATE") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autofree char *from_iso = NULL;
  GError          *error = NULL;
  gint64           pence = 0, id, group_id = 0;
  int              exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "training add-course", NULL,
                     N_ ("Add a course to the catalogue."), entries, &argc,
                     &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("training add-course", _ ("Unexpected “%s”."),
                         argv[1]);
  if (title == NULL)
    return cr_cli_usage ("training add-course",
                         _ ("Give the course’s title with --title TITLE."));
  if (months < 0)
    return cr_cli_usage (
        "training add-course",
        _ ("--valid-months must be a whole number of months."));
  if (cost != NULL && !cr_money_parse (cost, &pence, &error))
    return cr_cli_fail (error);
  if (from != NULL && !parse_date (from, &from_iso, &error))
    return cr_cli_fail (error);
  if (from_iso == NULL)
    from_iso = cr_date_today_iso ();

  store = cr_cli_open (cli, "training add-course", CR_STORE_OPEN_READ_WRITE,
                       &exit_code);
  if (store == NULL)
    return exit_code;
  if (group != NULL && (group_id = find_group (store, group, &error)) == 0)
    return cr_cli_fail (error);
  if (!cr_store_begin (store, &error))
    return cr_cli_fail (error);
  id = cr_store_add_course (store, title, provider, (guint) months, pence,
                            &error);
  if (id == 0 ||
      (core && !cr_store_set_course_core (store, id, group_id, TRUE, from_iso,
                                          &error)) ||
      !cr_store_commit (store, &error))
    {
      cr_store_rollback (store);
      return cr_cli_fail (error);
    }
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return CR_CLI_EXIT_OK;
}

static int
training_record (CrCli *cli, int argc, char **argv)
{
  g_autofree char   *course = NULL;
  g_autofree char   *date = NULL;
  g_autofree char   *status = NULL;
  const GOptionEntry entries[] = {
    { "course", 'c', 0, G_OPTION_ARG_STRING, &course, N_ ("The course’s title"),
      N_ ("TITLE") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date, N_ ("The session’s date"),
      N_ ("DATE") },
    { "status", 's', 0, G_OPTION_ARG_STRING, &status,
      N_ ("booked, attended, completed (the default) or did-not-attend"),
      N_ ("STATUS") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *date_iso = NULL;
  CrTrainingStatus st = CR_TRAINING_COMPLETED;
  GError          *error = NULL;
  gint64           course_id;
  guint            n;
  int              exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "training record", N_ ("PERSON-ID…"),
                     N_ ("Record a whole session’s attendees at once: all of "
                         "them, or none if one can’t be."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (course == NULL || date == NULL)
    return cr_cli_usage ("training record",
                         _ ("Say which session with --course TITLE and "
                            "--date DATE."));
  if (status != NULL && !cr_training_status_from_string (status, &st))
    return cr_cli_usage ("training record",
                         _ ("“%s” is not a status: booked, attended, "
                            "completed or did-not-attend."),
                         status);
  if (argc < 2)
    return cr_cli_usage ("training record",
                         _ ("Give the ids of the people who were there."));
  for (int i = 1; i < argc; i++)
    {
      char  *end = NULL;
      gint64 id = g_ascii_strtoll (argv[i], &end, 10);

      if (end == argv[i] || *end != '\0' || id <= 0)
        return cr_cli_usage ("training record",
                             _ ("“%s” is not a person’s id."), argv[i]);
      g_array_append_val (ids, id);
    }
  if (!parse_date (date, &date_iso, &error))
    return cr_cli_fail (error);

  store = cr_cli_open (cli, "training record", CR_STORE_OPEN_READ_WRITE,
                       &exit_code);
  if (store == NULL)
    return exit_code;
  course_id = cr_store_find_course (store, course, &error);
  if (course_id == 0)
    {
      if (error == NULL)
        g_set_error (&error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                     _ ("There is no course called “%s”."), course);
      return cr_cli_fail (error);
    }
  n = cr_store_record_session (store, course_id, date_iso, st, ids, &error);
  if (n == 0)
    return cr_cli_fail (error);
  g_print (
      g_dngettext (NULL, "Recorded %u person.\n", "Recorded %u people.\n", n),
      n);
  return CR_CLI_EXIT_OK;
}

static int
training_require (CrCli *cli, int argc, char **argv)
{
  g_autofree char   *course = NULL;
  g_autofree char   *role = NULL;
  g_autofree char   *group = NULL;
  gboolean           membership = FALSE;
  gboolean           no_longer = FALSE;
  int                renew = 0;
  const GOptionEntry entries[] = {
    { "course", 'c', 0, G_OPTION_ARG_STRING, &course, N_ ("The course’s title"),
      N_ ("TITLE") },
    { "role", 'r', 0, G_OPTION_ARG_STRING, &role,
      N_ ("An office (Chair, Treasurer…), or with --membership a kind of "
          "membership (voting, co-optee, associate, deputy, "
          "officer-support)"),
      N_ ("ROLE") },
    { "membership", 0, 0, G_OPTION_ARG_NONE, &membership,
      N_ ("The role is a kind of membership, not an office"), NULL },
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group,
      N_ ("Only in this group; in every group if not given"), N_ ("NAME") },
    { "renew-months", 0, 0, G_OPTION_ARG_INT, &renew,
      N_ ("Redo it every so many months; the course’s own validity if not "
          "given"),
      N_ ("N") },
    { "remove", 0, 0, G_OPTION_ARG_NONE, &no_longer,
      N_ ("The role no longer needs the course; training already recorded "
          "is kept"),
      NULL },
    { NULL }
  };
  static const char *const kinds[] = { "voting", "co-optee", "associate",
                                       "deputy", "officer-support" };
  g_autoptr (CrStore) store = NULL;
  GError *error = NULL;
  gint64  course_id, group_id = 0;
  int     exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "training require", NULL,
                     N_ ("Say that a role must have done a course: the "
                         "person’s training record and check then show "
                         "what it still needs."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("training require", _ ("Unexpected “%s”."), argv[1]);
  if (course == NULL || role == NULL)
    return cr_cli_usage ("training require",
                         _ ("Say which course and which role with --course "
                            "TITLE and --role ROLE."));
  if (renew < 0)
    return cr_cli_usage ("training require",
                         _ ("--renew-months must be a whole number of "
                            "months."));
  if (membership && !g_strv_contains (kinds, role))
    return cr_cli_usage ("training require",
                         _ ("“%s” is not a kind of membership: voting, "
                            "co-optee, associate, deputy or "
                            "officer-support."),
                         role);

  store = cr_cli_open (cli, "training require", CR_STORE_OPEN_READ_WRITE,
                       &exit_code);
  if (store == NULL)
    return exit_code;
  if (group != NULL && (group_id = find_group (store, group, &error)) == 0)
    return cr_cli_fail (error);
  course_id = cr_store_find_course (store, course, &error);
  if (course_id == 0)
    {
      if (error == NULL)
        g_set_error (&error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                     _ ("There is no course called “%s”."), course);
      return cr_cli_fail (error);
    }
  if (no_longer)
    {
      gint64 id = cr_store_find_requirement (
          store, course_id, group_id,
          membership ? CR_ROLE_MEMBERSHIP : CR_ROLE_OFFICE, role, &error);

      if (id == 0 && error == NULL && group != NULL)
        g_set_error (&error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                     _ ("%s does not require “%s” in “%s”: nothing was "
                        "removed."),
                     role, course, group);
      else if (id == 0 && error == NULL)
        g_set_error (&error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND,
                     _ ("%s does not require “%s” in every group: nothing "
                        "was removed."),
                     role, course);
      if (id == 0 || !cr_store_remove_requirement (store, id, &error))
        return cr_cli_fail (error);
      return CR_CLI_EXIT_OK;
    }
  if (cr_store_add_requirement (store, course_id, group_id,
                                membership ? CR_ROLE_MEMBERSHIP
                                           : CR_ROLE_OFFICE,
                                role, (guint) renew, &error) == 0)
    return cr_cli_fail (error);
  return CR_CLI_EXIT_OK;
}

/**
 * cr_cli_training:
 *
 * `training courses|add-course|record|require …`
 */
int
cr_cli_training (CrCli *cli, int argc, char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "courses"))
    return training_courses (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "add-course"))
    return training_add_course (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "record"))
    return training_record (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "require"))
    return training_require (cli, argc - 1, argv + 1);
  if (argc >= 2 &&
      (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print (_ ("Usage:\n  commonroom-cli --file PATH training "
                  "courses|add-course|record|require [OPTION…]\n\n"));
      g_print (_ ("courses      list the course catalogue\n"
                  "add-course   add a course\n"
                  "record       record a session’s attendees at once\n"
                  "require      say that a role must have done a course (or "
                  "with --remove\n"
                  "             no longer)\n"));
      return CR_CLI_EXIT_OK;
    }
  if (argc < 2)
    return cr_cli_usage ("training", _ ("Say what to do: courses, add-course, "
                                        "record or require."));
  return cr_cli_usage ("training",
                       _ ("There is no “%s”: courses, add-course, "
                          "record or require."),
                       argv[1]);
}
