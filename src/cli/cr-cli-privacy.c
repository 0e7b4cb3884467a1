/* cr-cli-privacy.c: commonroom-cli subject-access and consent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-cli"

#include "config.h"

#include "cr-cli.h"

#include "cr-date.h"
#include "cr-print-subject-access.h"
#include "cr-report-subject-access.h"
#include "cr-store-people.h"
#include "cr-store-privacy.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

int
cr_cli_subject_access (CrCli *cli, int argc, char **argv)
{
  g_autoptr (CrStore) store = NULL;
  g_autofree char *output = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *lower = NULL;
  GError          *error = NULL;
  int              exit_code = CR_CLI_EXIT_OK;
  guint64          id = 0;
  gboolean         pdf;
  GOptionEntry     entries[] = {
        { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
          N_ ("The file to write: .xlsx for a workbook, .pdf for pages"),
          N_ ("FILE") },
        { NULL }
  };

  if (!cr_cli_parse (cli, "subject-access", "ID",
                     N_ ("Write everything the file holds about one person, "
                         "as data protection’s right of access asks: every "
                         "field of their record, and every row of every "
                         "table that points at them (memberships, offices, "
                         "attendance, conduct, consent, training, expenses, "
                         "actions they own …). Rows that also concern "
                         "someone else show only that there is another "
                         "person."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;

  if (argc != 2)
    return cr_cli_usage ("subject-access", _ ("Name one person by their id "
                                              "(see “members list”)."));
  if (!g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    return cr_cli_usage ("subject-access",
                         _ ("“%s” is not a person’s id: "
                            "ids are whole numbers from 1."),
                         argv[1]);
  if (output == NULL)
    return cr_cli_usage ("subject-access", _ ("Say where to write it with "
                                              "--output FILE.xlsx or "
                                              "FILE.pdf."));
  lower = g_ascii_strdown (output, -1);
  pdf = g_str_has_suffix (lower, ".pdf");
  if (!pdf && !g_str_has_suffix (lower, ".xlsx"))
    return cr_cli_usage ("subject-access", _ ("The output must end in .xlsx "
                                              "or .pdf."));

  store =
      cr_cli_open (cli, "subject-access", CR_STORE_OPEN_READ_ONLY, &exit_code);
  if (store == NULL)
    return exit_code;

  if (pdf ? !cr_print_subject_access_to_pdf (store, (gint64) id, output, &error)
          : !cr_report_subject_access (store, (gint64) id, output, &error))
    return cr_cli_fail (error);

  shown = g_filename_display_name (output);
  g_print (_ ("Wrote everything held about person %llu to “%s”.\n"),
           (unsigned long long) id, shown);
  return CR_CLI_EXIT_OK;
}

/* The purposes and the ways of giving consent, as the help lists them. */
static char *
purposes_help (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < CR_CONSENT_N_PURPOSES; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? ", " : "",
                            cr_consent_purpose_to_string (i));
  return g_string_free (s, FALSE);
}

static char *
methods_help (void)
{
  GString *s = g_string_new (NULL);

  /* "unknown" is only for consents carried over from before. */
  for (guint i = 0; i < CR_CONSENT_BY_UNKNOWN; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? ", " : "",
                            cr_consent_method_to_string (i));
  return g_string_free (s, FALSE);
}

/* A person's id from the command line; a usage error if it isn't one. */
static gboolean
parse_person (const char *command, const char *text, gint64 *id, int *exit_code)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      *exit_code = cr_cli_usage (command,
                                 _ ("“%s” is not a person’s id: ids are "
                                    "whole numbers from 1 (see “members "
                                    "list”)."),
                                 text);
      return FALSE;
    }
  *id = (gint64) value;
  return TRUE;
}

static gboolean
parse_purpose (const char       *command,
               const char       *text,
               CrConsentPurpose *purpose,
               int              *exit_code)
{
  g_autofree char *known = NULL;

  if (cr_consent_purpose_from_string (text, purpose))
    return TRUE;
  known = purposes_help ();
  *exit_code = cr_cli_usage (command,
                             _ ("“%s” is not something one consents to "
                                "here; say one of %s."),
                             text, known);
  return FALSE;
}

/* DD/MM/YYYY or ISO, today if not given, never after today: consent is
 * recorded once it was given. */
static char *
parse_when (const char *text, GError **error)
{
  g_autofree char *today = cr_date_today_iso ();
  g_autofree char *iso = NULL;
  GDate            date;

  if (text == NULL)
    return g_steal_pointer (&today);
  if (!cr_date_parse (text, &date, error))
    return NULL;
  iso = cr_date_to_iso (&date);
  if (strcmp (iso, today) > 0)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _ ("%s is after today: record a consent once it is "
                      "given or withdrawn."),
                   text);
      return NULL;
    }
  return g_steal_pointer (&iso);
}

static int
consent_list (CrCli *cli, int argc, char **argv)
{
  g_autofree char *format = NULL;
  gboolean         json = FALSE;
  GOptionEntry     entries[] = { { "format", 0, 0, G_OPTION_ARG_STRING, &format,
                                   N_ ("text (the default) or json"),
                                   N_ ("FORMAT") },
                                 { "json", 0, 0, G_OPTION_ARG_NONE, &json,
                                   N_ ("The same as --format json"), NULL },
                                 { NULL } };
  g_autoptr (CrStore) store = NULL;
  g_autoptr (CrPerson) person = NULL;
  g_autoptr (GPtrArray) consents = NULL;
  GError *error = NULL;
  int     exit_code = CR_CLI_EXIT_OK;
  gint64  id;

  if (!cr_cli_parse (cli, "consent list", "ID",
                     N_ ("List what one person agreed to, how and when, "
                         "with what they have withdrawn since, as the "
                         "Consent… dialog shows it."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    return cr_cli_usage ("consent list", _ ("Name one person by their id "
                                            "(see “members list”)."));
  if (!parse_person ("consent list", argv[1], &id, &exit_code))
    return exit_code;
  if (format != NULL && g_str_equal (format, "json"))
    json = TRUE;
  else if (format != NULL && !g_str_equal (format, "text"))
    return cr_cli_usage ("consent list",
                         _ ("The format “%s” isn’t known; use text or json."),
                         format);

  store =
      cr_cli_open (cli, "consent list", CR_STORE_OPEN_READ_ONLY, &exit_code);
  if (store == NULL)
    return exit_code;
  person = cr_store_get_person (store, id, NULL, &error);
  if (person == NULL)
    return cr_cli_fail (error);
  consents = cr_store_list_consents (store, id, &error);
  if (consents == NULL)
    return cr_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < consents->len; i++)
        {
          CrConsent *c = g_ptr_array_index (consents, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, c->id);
          json_builder_set_member_name (builder, "person_id");
          json_builder_add_int_value (builder, c->person_id);
          json_builder_set_member_name (builder, "purpose");
          json_builder_add_string_value (
              builder, cr_consent_purpose_to_string (c->purpose));
          json_builder_set_member_name (builder, "method");
          json_builder_add_string_value (
              builder, cr_consent_method_to_string (c->method));
          json_builder_set_member_name (builder, "given_on");
          if (c->given_on != NULL)
            json_builder_add_string_value (builder, c->given_on);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "withdrawn_on");
          if (c->withdrawn_on != NULL)
            json_builder_add_string_value (builder, c->withdrawn_on);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "in_force");
          json_builder_add_boolean_value (builder, c->withdrawn_on == NULL);
          json_builder_set_member_name (builder, "notes");
          if (c->notes != NULL)
            json_builder_add_string_value (builder, c->notes);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      text = json_to_string (root, TRUE);
      g_print ("%s\n", text);
      return CR_CLI_EXIT_OK;
    }

  if (consents->len == 0)
    {
      g_print (_ ("%s has no consent recorded: they are left out of "
                  "contact lists and exports.\n"),
               cr_person_get_name (person));
      return CR_CLI_EXIT_OK;
    }
  for (guint i = 0; i < consents->len; i++)
    {
      CrConsent       *c = g_ptr_array_index (consents, i);
      g_autofree char *given = cr_date_iso_to_uk (c->given_on);
      g_autofree char *withdrawn = cr_date_iso_to_uk (c->withdrawn_on);

      g_print ("%-6" G_GINT64_FORMAT " %-15s %-8s %-11s %s", c->id,
               cr_consent_purpose_to_string (c->purpose),
               cr_consent_method_to_string (c->method),
               given != NULL ? given : "-",
               withdrawn != NULL ? withdrawn : _ ("in force"));
      if (c->withdrawn_on != NULL)
        g_print (_ (" (withdrawn)"));
      if (c->notes != NULL)
        g_print ("  %s", c->notes);
      g_print ("\n");
    }
  return CR_CLI_EXIT_OK;
}

static int
consent_give (CrCli *cli, int argc, char **argv)
{
  g_autofree char *how = NULL;
  g_autofree char *on = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *given = NULL;
  g_autofree char *methods = methods_help ();
  g_autofree char *how_help =
      g_strdup_printf (_ ("How they agreed: %s; “form” if not given"), methods);
  GOptionEntry entries[] = {
    { "how", 0, 0, G_OPTION_ARG_STRING, &how, how_help, N_ ("HOW") },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on,
      N_ ("When (DD/MM/YYYY or YYYY-MM-DD); today if not given"), N_ ("DATE") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes,
      N_ ("Where it is kept, e.g. “Signed the membership form”"), N_ ("TEXT") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autoptr (CrPerson) person = NULL;
  CrConsent consent = { 0 };
  GError   *error = NULL;
  int       exit_code = CR_CLI_EXIT_OK;
  gint64    id, record;

  if (!cr_cli_parse (cli, "consent give", "ID PURPOSE",
                     N_ ("Record that one person agreed to PURPOSE: contact "
                         "(by any means), contact-post, contact-phone, "
                         "contact-email, photos, share-landlord (their "
                         "details shared with the landlord or council) or "
                         "newsletter. Keep the form or email they agreed "
                         "on."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 3)
    return cr_cli_usage ("consent give", _ ("Name the person by their id, "
                                            "then what they agreed to."));
  if (!parse_person ("consent give", argv[1], &id, &exit_code) ||
      !parse_purpose ("consent give", argv[2], &consent.purpose, &exit_code))
    return exit_code;
  consent.method = CR_CONSENT_BY_FORM;
  if (how != NULL && (!cr_consent_method_from_string (how, &consent.method) ||
                      consent.method == CR_CONSENT_BY_UNKNOWN))
    return cr_cli_usage ("consent give",
                         _ ("“%s” is not a way of giving consent; say one "
                            "of %s."),
                         how, methods);
  given = parse_when (on, &error);
  if (given == NULL)
    return cr_cli_fail (error);

  store =
      cr_cli_open (cli, "consent give", CR_STORE_OPEN_READ_WRITE, &exit_code);
  if (store == NULL)
    return exit_code;
  /* By name in the message, and a clear "no such person" before any
   * write. */
  person = cr_store_get_person (store, id, NULL, &error);
  if (person == NULL)
    return cr_cli_fail (error);

  consent.person_id = id;
  consent.given_on = given;
  consent.notes = notes;
  record = cr_store_add_consent (store, &consent, &error);
  if (record == 0)
    return cr_cli_fail (error);

  {
    g_autofree char *uk = cr_date_iso_to_uk (given);

    g_print (_ ("Recorded consent %" G_GINT64_FORMAT " of %s to “%s”, "
                "given %s (%s).\n"),
             record, cr_person_get_name (person),
             cr_consent_purpose_get_label (consent.purpose), uk,
             cr_consent_method_get_label (consent.method));
  }
  return CR_CLI_EXIT_OK;
}

static int
consent_withdraw (CrCli *cli, int argc, char **argv)
{
  g_autofree char *on = NULL;
  g_autofree char *when = NULL;
  GOptionEntry     entries[] = {
        { "on", 0, 0, G_OPTION_ARG_STRING, &on,
          N_ ("When (DD/MM/YYYY or YYYY-MM-DD); today if not given"), N_ ("DATE") },
        { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autoptr (CrPerson) person = NULL;
  CrConsentPurpose purpose;
  GError          *error = NULL;
  int              exit_code = CR_CLI_EXIT_OK;
  gint64           id;
  guint            n;

  if (!cr_cli_parse (cli, "consent withdraw", "ID PURPOSE",
                     N_ ("Record that one person withdrew their consent to "
                         "PURPOSE (see “consent give --help”). The record "
                         "stays, as the history of what they agreed to."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 3)
    return cr_cli_usage ("consent withdraw",
                         _ ("Name the person by their id, then what they "
                            "withdrew."));
  if (!parse_person ("consent withdraw", argv[1], &id, &exit_code) ||
      !parse_purpose ("consent withdraw", argv[2], &purpose, &exit_code))
    return exit_code;
  when = parse_when (on, &error);
  if (when == NULL)
    return cr_cli_fail (error);

  store = cr_cli_open (cli, "consent withdraw", CR_STORE_OPEN_READ_WRITE,
                       &exit_code);
  if (store == NULL)
    return exit_code;
  person = cr_store_get_person (store, id, NULL, &error);
  if (person == NULL)
    return cr_cli_fail (error);
  n = cr_store_withdraw_purpose (store, id, purpose, when, &error);
  if (n == 0)
    return cr_cli_fail (error);

  {
    g_autofree char *uk = cr_date_iso_to_uk (when);

    g_print (_ ("Recorded that %s withdrew their consent to “%s” on %s.\n"),
             cr_person_get_name (person),
             cr_consent_purpose_get_label (purpose), uk);
  }
  return CR_CLI_EXIT_OK;
}

int
cr_cli_consent (CrCli *cli, int argc, char **argv)
{
  static const CrCliSubcommand subcommands[] = {
    { "list", consent_list, N_ ("what one person agreed to, and withdrew") },
    { "give", consent_give, N_ ("record a consent given") },
    { "withdraw", consent_withdraw, N_ ("record a consent withdrawn") },
  };

  return cr_cli_dispatch (cli, "consent", "list|give|withdraw ID …",
                          subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}
