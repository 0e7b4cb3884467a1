/* cr-cli-groups.c: groups list, groups add, groups templates
 *
 * `groups add` makes a committee, panel or other group under the
 * association (or --parent), optionally from a template whose rules and
 * section texts become its first terms of reference, adopted today.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-cli"

#include "config.h"

#include "cr-cli.h"

#include "cr-date.h"
#include "cr-print-terms.h"
#include "cr-store-groups.h"
#include "cr-store-people.h"
#include "cr-store-rules.h"
#include "cr-templates.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

static int
groups_list (CrCli *cli, int argc, char **argv)
{
  g_autofree char   *format = NULL;
  const GOptionEntry entries[] = { { "format", 0, 0, G_OPTION_ARG_STRING,
                                     &format, N_ ("text (the default) or json"),
                                     N_ ("FORMAT") },
                                   { NULL } };
  g_autoptr (CrStore) store = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  GError  *error = NULL;
  int      exit_code = CR_CLI_EXIT_OK;
  gboolean json;

  if (!cr_cli_parse (cli, "groups list", NULL,
                     N_ ("List the association and its groups, each under "
                         "its parent: id, name, kind, and the end date of a "
                         "group set up for a fixed period."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("groups list", _ ("Unexpected “%s”."), argv[1]);
  json = g_strcmp0 (format, "json") == 0;
  if (format != NULL && !json && !g_str_equal (format, "text"))
    return cr_cli_usage ("groups list",
                         _ ("The format is text or json, not "
                            "“%s”."),
                         format);

  store = cr_cli_open (cli, "groups list", CR_STORE_OPEN_READ_ONLY, &exit_code);
  if (store == NULL)
    return exit_code;
  groups = cr_store_list_group_infos (store, &error);
  if (groups == NULL)
    return cr_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonGenerator) generator = json_generator_new ();
      g_autoptr (JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < groups->len; i++)
        {
          CrGroupInfo *g = g_ptr_array_index (groups, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, g->id);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, g->name);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, g->kind);
          json_builder_set_member_name (builder, "parent");
          if (g->parent_name != NULL)
            json_builder_add_string_value (builder, g->parent_name);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "purpose");
          if (g->purpose != NULL)
            json_builder_add_string_value (builder, g->purpose);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "end_date");
          if (g->end_date != NULL)
            json_builder_add_string_value (builder, g->end_date);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
      return CR_CLI_EXIT_OK;
    }

  for (guint i = 0; i < groups->len; i++)
    {
      CrGroupInfo     *g = g_ptr_array_index (groups, i);
      g_autofree char *indent = g_strnfill (g->depth * 2, ' ');

      g_print ("%" G_GINT64_FORMAT "\t%s%s\t%s", g->id, indent, g->name,
               g->kind);
      if (g->end_date != NULL)
        g_print (_ ("\tuntil %s"), g->end_date);
      g_print ("\n");
    }
  return CR_CLI_EXIT_OK;
}

static int
groups_add (CrCli *cli, int argc, char **argv)
{
  g_autofree char   *kind = NULL;
  g_autofree char   *parent = NULL;
  g_autofree char   *template_id = NULL;
  g_autofree char   *purpose = NULL;
  g_autofree char   *until = NULL;
  const GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind,
      N_ ("committee, sub-group, working-group, panel or focus-group"),
      N_ ("KIND") },
    { "parent", 'p', 0, G_OPTION_ARG_STRING, &parent,
      N_ ("The group it sits under (the association if not given)"),
      N_ ("NAME") },
    { "template", 't', 0, G_OPTION_ARG_STRING, &template_id,
      N_ ("Start its terms of reference from a template: blank, "
          "focus-group, scrutiny-panel or tra-committee"),
      N_ ("TEMPLATE") },
    { "purpose", 0, 0, G_OPTION_ARG_STRING, &purpose,
      N_ ("What the group is for"), N_ ("TEXT") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until,
      N_ ("The last day of a group set up for a fixed period"), N_ ("DATE") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autofree char *today = cr_date_today_iso ();
  CrGroupInfo      info = { 0 };
  GError          *error = NULL;
  int              exit_code = CR_CLI_EXIT_OK;
  GDate            date;
  gint64           id;

  if (!cr_cli_parse (cli, "groups add", "NAME",
                     N_ ("Add a group. With --template, its first terms of "
                         "reference are the template’s rules and section "
                         "texts, adopted today; edit them in the window or "
                         "with “rules set”."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc < 2)
    return cr_cli_usage ("groups add", _ ("Give the new group’s name."));
  if (argc > 2)
    return cr_cli_usage ("groups add",
                         _ ("Unexpected “%s”; put a name with "
                            "spaces in quotes."),
                         argv[2]);
  if (kind == NULL)
    return cr_cli_usage ("groups add", _ ("Say what kind of group it is with "
                                          "--kind."));

  info.name = argv[1];
  info.kind = kind;
  info.purpose = purpose;
  /* The end date may be written the UK way too. */
  if (until != NULL)
    {
      g_autofree char *iso = NULL;

      if (!cr_date_parse (until, &date, &error))
        return cr_cli_fail (error);
      iso = cr_date_to_iso (&date);
      g_free (until);
      until = g_steal_pointer (&iso);
    }
  info.end_date = until;

  store = cr_cli_open (cli, "groups add", CR_STORE_OPEN_READ_WRITE, &exit_code);
  if (store == NULL)
    return exit_code;
  if (parent != NULL &&
      (info.parent_id = cr_store_find_group (store, parent, &error)) == 0)
    return cr_cli_fail (error);
  id = cr_store_create_group (store, &info, template_id, today, &error);
  if (id == 0)
    return cr_cli_fail (error);
  g_print (_ ("Added the group “%s” (id %" G_GINT64_FORMAT ").\n"), argv[1],
           id);
  return CR_CLI_EXIT_OK;
}

static int
groups_templates (CrCli *cli, int argc, char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  const CrTemplate  *templates;
  int                exit_code = CR_CLI_EXIT_OK;
  guint              n;

  if (!cr_cli_parse (cli, "groups templates", NULL,
                     N_ ("List the templates a new group can start from, "
                         "with the rules each sets."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  templates = cr_templates_get (&n);
  for (guint i = 0; i < n; i++)
    {
      g_print ("%s\t%s: %s\n", templates[i].id, _ (templates[i].name),
               _ (templates[i].description));
      for (guint j = 0; templates[i].rules[j].key != NULL; j++)
        g_print ("\t%s = %s\n", templates[i].rules[j].key,
                 templates[i].rules[j].value);
    }
  return CR_CLI_EXIT_OK;
}

/**
 * cr_cli_print_terms:
 *
 * `print terms --group NAME --output FILE.pdf`: the terms of reference in
 * force today (or the draft, with --draft), as the window prints them.
 */
int
cr_cli_print_terms (CrCli *cli, int argc, char **argv)
{
  g_autofree char   *group = NULL;
  g_autofree char   *output = NULL;
  gboolean           draft = FALSE;
  const GOptionEntry entries[] = {
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group,
      N_ ("This group’s terms (the association’s if not given)"), N_ ("NAME") },
    { "draft", 0, 0, G_OPTION_ARG_NONE, &draft,
      N_ ("Print the draft being edited instead"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("The PDF to write"),
      N_ ("FILE.pdf") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  GError *error = NULL;
  int     exit_code = CR_CLI_EXIT_OK;
  gint64  group_id, version_id = 0;

  if (!cr_cli_parse (cli, "print terms", NULL,
                     N_ ("Print a group’s terms of reference as a PDF: its "
                         "sections and the rules the app checks, as in force "
                         "today."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("print terms", _ ("Unexpected “%s”."), argv[1]);
  if (output == NULL)
    return cr_cli_usage ("print terms",
                         _ ("Say where to write it with --output FILE.pdf."));

  store = cr_cli_open (cli, "print terms", CR_STORE_OPEN_READ_ONLY, &exit_code);
  if (store == NULL)
    return exit_code;
  group_id = group != NULL ? cr_store_find_group (store, group, &error)
                           : cr_store_get_association_group (store);
  if (group_id == 0)
    return cr_cli_fail (error);
  if (draft)
    {
      g_autoptr (GPtrArray) versions =
          cr_store_list_terms (store, group_id, &error);

      if (versions == NULL)
        return cr_cli_fail (error);
      for (guint i = 0; i < versions->len; i++)
        if (((CrTermsVersion *) g_ptr_array_index (versions, i))->status ==
            CR_TERMS_DRAFT)
          version_id = ((CrTermsVersion *) g_ptr_array_index (versions, i))->id;
      if (version_id == 0)
        {
          g_printerr ("commonroom-cli: %s\n",
                      _ ("This group has no draft terms of reference."));
          return CR_CLI_EXIT_REFUSED;
        }
    }
  if (!cr_print_terms_to_pdf (store, group_id, version_id, output, &error))
    return cr_cli_fail (error);
  g_print (_ ("Wrote the terms of reference to “%s”.\n"), output);
  return CR_CLI_EXIT_OK;
}

int
cr_cli_groups (CrCli *cli, int argc, char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return groups_list (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return groups_add (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "templates"))
    return groups_templates (cli, argc - 1, argv + 1);

  if (argc >= 2 &&
      (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print (
          _ ("Usage:\n"
             "  commonroom-cli --file PATH groups list [--format text|json]\n"
             "  commonroom-cli --file PATH groups add NAME --kind KIND "
             "[--parent NAME] [--template TEMPLATE] [--purpose TEXT] "
             "[--until DATE]\n"
             "  commonroom-cli --file PATH groups templates\n\n"
             "Commands:\n"
             "  list       List the groups\n"
             "  add        Add a group, maybe from a template\n"
             "  templates  List the templates\n"));
      return CR_CLI_EXIT_OK;
    }

  return cr_cli_usage ("groups",
                       argc >= 2 ? _ ("There is no groups command “%s”.")
                                 : _ ("Name a groups command: list, "
                                      "add or templates."),
                       argc >= 2 ? argv[1] : "");
}
