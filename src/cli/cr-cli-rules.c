/* cr-cli-rules.c: rules show, rules set and check
 *
 * `rules set` changes the rule at once: a new version of the group's terms
 * of reference, adopted today (see cr_store_set_rule_adopted()). Without
 * --group, `rules` works on the association's own rules and `check` on
 * every group.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-cli"

#include "config.h"

#include "cr-cli.h"

#include "cr-date.h"
#include "cr-store-people.h"
#include "cr-store-rules.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

static gint64
group_or_association (CrStore     *store,
                      const char  *name,
                      GError     **error)
{
  if (name == NULL)
    return cr_store_get_association_group (store);
  return cr_store_find_group (store, name, error);
}

static int
rules_show (CrCli  *cli,
            int     argc,
            char  **argv)
{
  g_autofree char *group = NULL;
  gboolean explain = FALSE;
  const GOptionEntry entries[] = {
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group,
      N_("This group’s rules (the association’s if not given)"), N_("NAME") },
    { "explain", 0, 0, G_OPTION_ARG_NONE, &explain,
      N_("Say under each rule what it means and how to write it"), NULL },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autoptr (CrRules) rules = NULL;
  g_autofree char *today = cr_date_today_iso ();
  const char *const *keys = cr_rules_get_keys ();
  GError *error = NULL;
  int exit_code = CR_CLI_EXIT_OK;
  gint64 group_id;

  if (!cr_cli_parse (cli, "rules show", NULL,
                     N_("Print the rules of the terms of reference in force "
                        "today, one “key = value” a line; “none” for a rule "
                        "that is not set. A quorum is a number (4), a share "
                        "of the voting members rounded up (50%), the lesser "
                        "or greater of the two (min(10,33%), max(3,25%)), or "
                        "tiers by the households the group covers: "
                        "tiers(100:5,400:8,12) is 5 up to 100 households, 8 "
                        "up to 400 and 12 above, chosen by the households "
                        "rule (the last tier while that is not set). "
                        "--explain says what every rule means."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("rules show", _("Unexpected “%s”."), argv[1]);

  store = cr_cli_open (cli, "rules show", CR_STORE_OPEN_READ_ONLY, &exit_code);
  if (store == NULL)
    return exit_code;
  group_id = group_or_association (store, group, &error);
  if (group_id == 0)
    return cr_cli_fail (error);
  rules = cr_store_get_rules (store, group_id, today, &error);
  if (rules == NULL)
    return cr_cli_fail (error);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = cr_rules_get_string (rules, keys[i]);

      g_print ("%s = %s\n", keys[i], value);
      if (explain)
        {
          CrRuleKey key;

          cr_rules_key_from_string (keys[i], &key);
          g_print ("  # %s\n", cr_rules_key_get_help (key));
        }
    }
  return CR_CLI_EXIT_OK;
}

static int
rules_set (CrCli  *cli,
           int     argc,
           char  **argv)
{
  g_autofree char *group = NULL;
  const GOptionEntry entries[] = {
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group,
      N_("This group’s rules (the association’s if not given)"), N_("NAME") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autoptr (CrRules) check = cr_rules_new ();
  g_autofree char *today = cr_date_today_iso ();
  GError *error = NULL;
  int exit_code = CR_CLI_EXIT_OK;
  gint64 group_id;

  if (!cr_cli_parse (cli, "rules set", "KEY VALUE",
                     N_("Change one rule of the terms of reference, adopted "
                        "today; a VALUE of “none” switches the rule off. "
                        "“commonroom-cli rules show” lists the keys."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc < 3)
    return cr_cli_usage ("rules set", _("Say which rule and its value: rules "
                                        "set KEY VALUE."));
  if (argc > 3)
    return cr_cli_usage ("rules set", _("Unexpected “%s”."), argv[3]);

  /* A bad key or value is bad input, refused before the file is opened. */
  if (!cr_rules_set (check, argv[1], argv[2], &error))
    return cr_cli_fail (error);

  store = cr_cli_open (cli, "rules set", CR_STORE_OPEN_READ_WRITE, &exit_code);
  if (store == NULL)
    return exit_code;
  group_id = group_or_association (store, group, &error);
  if (group_id == 0 ||
      !cr_store_set_rule_adopted (store, group_id, argv[1], argv[2], today,
                                  &error))
    return cr_cli_fail (error);
  return CR_CLI_EXIT_OK;
}

int
cr_cli_rules (CrCli  *cli,
              int     argc,
              char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "show"))
    return rules_show (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "set"))
    return rules_set (cli, argc - 1, argv + 1);

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_autofree char *keys = g_strjoinv (", ", (char **) cr_rules_get_keys ());

      g_print (_("Usage:\n"
                 "  commonroom-cli --file PATH rules show [--group NAME]\n"
                 "  commonroom-cli --file PATH rules set KEY VALUE [--group NAME]\n\n"
                 "Commands:\n"
                 "  show   Print the rules in force\n"
                 "  set    Change one rule, adopted today\n\n"
                 "Keys: %s\n"), keys);
      return CR_CLI_EXIT_OK;
    }

  return cr_cli_usage ("rules", argc >= 2 ? _("There is no rules command “%s”.")
                                          : _("Name a rules command: show or set."),
                       argc >= 2 ? argv[1] : "");
}

/* ---- check ----------------------------------------------------------- */

static void
print_json (GPtrArray *items)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *json = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      CrAttentionItem *item = g_ptr_array_index (items, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, item->rule);
      json_builder_set_member_name (builder, "subject");
      json_builder_add_string_value (builder, item->subject);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, item->date);
      json_builder_set_member_name (builder, "detail");
      json_builder_add_string_value (builder, item->detail);
      json_builder_set_member_name (builder, "subject_kind");
      json_builder_add_string_value (builder,
                                     cr_attention_subject_kind_to_string (item->subject_kind));
      json_builder_set_member_name (builder, "subject_id");
      json_builder_add_int_value (builder, item->subject_id);
      json_builder_set_member_name (builder, "group");
      json_builder_add_string_value (builder, item->group_name);
      json_builder_set_member_name (builder, "group_id");
      json_builder_add_int_value (builder, item->group_id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);
  g_print ("%s\n", json);
}

static void
print_text (GPtrArray  *items,
            const char *on_date)
{
  const char *group = NULL;

  if (items->len == 0)
    {
      g_autofree char *uk = NULL;
      GDate date;

      cr_date_parse_iso (on_date, &date);
      uk = cr_date_to_uk (&date);
      g_print (_("Nothing needs attention on %s.\n"), uk);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      CrAttentionItem *item = g_ptr_array_index (items, i);
      g_autofree char *uk = cr_date_iso_to_uk (item->date);

      if (group == NULL || !g_str_equal (group, item->group_name))
        {
          group = item->group_name;
          g_print ("%s%s\n", i > 0 ? "\n" : "", group);
        }
      g_print ("  %s  %-17s %s: %s\n", uk, item->rule, item->subject,
               item->detail);
    }
}

int
cr_cli_check (CrCli  *cli,
              int     argc,
              char  **argv)
{
  g_autofree char *on = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *group = NULL;
  const GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on,
      N_("Check as things stood on this date (today if not given)"),
      N_("DATE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("text (the default) or json"), N_("FORMAT") },
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group,
      N_("Only this group (every group if not given)"), N_("NAME") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autofree char *on_date = NULL;
  GError *error = NULL;
  gboolean json = FALSE;
  int exit_code = CR_CLI_EXIT_OK;
  gint64 group_id = 0;

  if (!cr_cli_parse (cli, "check", NULL,
                     N_("List everything the terms of reference say needs "
                        "attention: lapsed members, inquorate meetings, terms "
                        "and officer limits reached, papers and minutes late, "
                        "meetings and elections due, actions overdue."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("check", _("Unexpected “%s”."), argv[1]);

  if (format_name == NULL || g_str_equal (format_name, "text"))
    json = FALSE;
  else if (g_str_equal (format_name, "json"))
    json = TRUE;
  else
    return cr_cli_usage ("check",
                         _("The format “%s” isn’t known; use text or json."),
                         format_name);

  if (on != NULL)
    {
      GDate date;

      if (!cr_date_parse (on, &date, &error))
        return cr_cli_fail (error);
      on_date = cr_date_to_iso (&date);
    }
  else
    on_date = cr_date_today_iso ();

  store = cr_cli_open (cli, "check", CR_STORE_OPEN_READ_ONLY, &exit_code);
  if (store == NULL)
    return exit_code;
  if (group != NULL)
    {
      group_id = cr_store_find_group (store, group, &error);
      if (group_id == 0)
        return cr_cli_fail (error);
    }

  items = cr_store_check (store, group_id, on_date, &error);
  if (items == NULL)
    return cr_cli_fail (error);
  if (json)
    print_json (items);
  else
    print_text (items, on_date);
  return CR_CLI_EXIT_OK;
}
