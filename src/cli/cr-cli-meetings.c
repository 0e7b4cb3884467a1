/* cr-cli-meetings.c: meetings list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-cli"

#include "config.h"

#include "cr-cli.h"

#include "cr-csv.h"
#include "cr-store-meetings.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

typedef enum
{
  FORMAT_TEXT,
  FORMAT_CSV,
  FORMAT_JSON,
} Format;

static void
print_padded (const char *text,
              guint       width)
{
  glong len = g_utf8_strlen (text, -1);

  fputs (text, stdout);
  for (glong i = len; i < (glong) width; i++)
    fputc (' ', stdout);
}

static void
print_csv_field (const char *text,
                 gboolean    last)
{
  g_autoptr (GString) field = g_string_new (NULL);

  cr_csv_append_field (field, text, ',');
  g_string_append_c (field, last ? '\n' : ',');
  fputs (field->str, stdout);
}

static void
print_meeting (const CrMeeting *m,
               Format           format,
               guint            n)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, m->id);
  g_autofree char *required = g_strdup_printf ("%u", m->quorum_required);
  g_autofree char *present = g_strdup_printf ("%u", m->voting_present);
  const char *quorate = cr_quorate_to_string (m->quorate);

  switch (format)
    {
    case FORMAT_TEXT:
      print_padded (id, 7);
      print_padded (m->date, 12);
      print_padded (m->group_name, 40);
      fputc (' ', stdout);
      print_padded (cr_meeting_kind_to_string (m->kind), 11);
      print_padded (cr_meeting_status_to_string (m->status), 11);
      fputs (quorate, stdout);
      fputc ('\n', stdout);
      break;

    case FORMAT_CSV:
      print_csv_field (id, FALSE);
      print_csv_field (m->date, FALSE);
      print_csv_field (m->group_name, FALSE);
      print_csv_field (cr_meeting_kind_to_string (m->kind), FALSE);
      print_csv_field (cr_meeting_status_to_string (m->status), FALSE);
      print_csv_field (quorate, FALSE);
      print_csv_field (required, FALSE);
      print_csv_field (present, TRUE);
      break;

    case FORMAT_JSON:
      {
        g_autoptr (JsonBuilder) builder = json_builder_new ();
        g_autoptr (JsonNode) node = NULL;
        g_autofree char *json = NULL;

        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "id");
        json_builder_add_int_value (builder, m->id);
        json_builder_set_member_name (builder, "date");
        json_builder_add_string_value (builder, m->date);
        json_builder_set_member_name (builder, "group");
        json_builder_add_string_value (builder, m->group_name);
        json_builder_set_member_name (builder, "group_id");
        json_builder_add_int_value (builder, m->group_id);
        json_builder_set_member_name (builder, "kind");
        json_builder_add_string_value (builder, cr_meeting_kind_to_string (m->kind));
        json_builder_set_member_name (builder, "status");
        json_builder_add_string_value (builder, cr_meeting_status_to_string (m->status));
        /* true, false, or null while it isn't known */
        json_builder_set_member_name (builder, "quorate");
        if (m->quorate == CR_QUORATE_UNKNOWN)
          json_builder_add_null_value (builder);
        else
          json_builder_add_boolean_value (builder, m->quorate == CR_QUORATE_YES);
        json_builder_set_member_name (builder, "quorum_required");
        json_builder_add_int_value (builder, m->quorum_required);
        json_builder_set_member_name (builder, "voting_members");
        json_builder_add_int_value (builder, m->voting_members);
        json_builder_set_member_name (builder, "voting_present");
        json_builder_add_int_value (builder, m->voting_present);
        json_builder_end_object (builder);

        node = json_builder_get_root (builder);
        json = json_to_string (node, FALSE);
        fputs (n == 0 ? "[\n  " : ",\n  ", stdout);
        fputs (json, stdout);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static int
meetings_list (CrCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *group = NULL;
  const GOptionEntry entries[] = {
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group,
      N_("Only this group’s meetings"), N_("NAME") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("text (the default), csv or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autoptr (GPtrArray) meetings = NULL;
  GError *error = NULL;
  Format format = FORMAT_TEXT;
  gint64 group_id = 0;
  int exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "meetings list", NULL,
                     N_("List the meetings in date order, with their group, "
                        "kind, status and whether they were quorate."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("meetings list", _("Unexpected “%s”."), argv[1]);

  if (format_name == NULL || g_str_equal (format_name, "text"))
    format = FORMAT_TEXT;
  else if (g_str_equal (format_name, "csv"))
    format = FORMAT_CSV;
  else if (g_str_equal (format_name, "json"))
    format = FORMAT_JSON;
  else
    return cr_cli_usage ("meetings list",
                         _("The format “%s” isn’t known; use text, csv or json."),
                         format_name);

  store = cr_cli_open (cli, "meetings list", CR_STORE_OPEN_READ_ONLY, &exit_code);
  if (store == NULL)
    return exit_code;
  if (group != NULL)
    {
      group_id = cr_store_find_group (store, group, &error);
      if (group_id == 0)
        return cr_cli_fail (error);
    }

  meetings = cr_store_list_meetings (store, group_id, &error);
  if (meetings == NULL)
    return cr_cli_fail (error);

  if (format == FORMAT_CSV)
    fputs ("id,date,group,kind,status,quorate,quorum_required,voting_present\n",
           stdout);
  for (guint i = 0; i < meetings->len; i++)
    print_meeting (g_ptr_array_index (meetings, i), format, i);
  if (format == FORMAT_JSON)
    fputs (meetings->len == 0 ? "[]\n" : "\n]\n", stdout);
  return CR_CLI_EXIT_OK;
}

int
cr_cli_meetings (CrCli  *cli,
                 int     argc,
                 char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return meetings_list (cli, argc - 1, argv + 1);

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print (_("Usage:\n  commonroom-cli --file PATH meetings list "
                 "[--group NAME] [--format text|csv|json]\n\n"
                 "Commands:\n  list   List the meetings\n"));
      return CR_CLI_EXIT_OK;
    }

  return cr_cli_usage ("meetings", argc >= 2 ? _("There is no meetings command "
                                                  "“%s”.")
                                             : _("Name a meetings command: list."),
                       argc >= 2 ? argv[1] : "");
}
