/* cr-cli-members.c: members list
 *
 * With --consent PURPOSE the list becomes a contact list: only people
 * with that consent in force today, each phone number and email only where
 * they agreed to that means of contact, as the register export does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-cli"

#include "config.h"

#include "cr-cli.h"

#include "cr-csv.h"
#include "cr-date.h"
#include "cr-store-people.h"
#include "cr-store-privacy.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

typedef enum
{
  FORMAT_TEXT,
  FORMAT_CSV,
  FORMAT_JSON,
} Format;

typedef struct
{
  Format            format;
  guint             n;
  GHashTable       *in_force;  /* with --consent: the consents in force */
  CrConsentPurpose  purpose;
} ListState;

/* Pads to a width in characters, not bytes, so accents don't skew. */
static void
print_padded (const char *text,
              guint       width)
{
  glong len = g_utf8_strlen (text, -1);

  fputs (text, stdout);
  for (glong i = len; i < (glong) width; i++)
    fputc (' ', stdout);
}

/* Through the CSV writer the importer's counterpart uses: quoted where
 * needed, and a name like "=HYPERLINK(…)" can't run as a formula when the
 * list is opened in a spreadsheet. */
static void
print_csv_field (const char *text,
                 gboolean    last)
{
  g_autoptr (GString) field = g_string_new (NULL);

  cr_csv_append_field (field, text, ',');
  g_string_append_c (field, last ? '\n' : ',');
  fputs (field->str, stdout);
}

static gboolean
print_person (CrPerson *person,
              gpointer  user_data)
{
  ListState *state = user_data;
  const char *status = cr_person_status_to_string (cr_person_get_status (person));
  const char *tenure = cr_tenure_to_string (cr_person_get_tenure (person));

  if (state->in_force != NULL)
    {
      guint bits = cr_consents_lookup (state->in_force, cr_person_get_id (person));

      if (!cr_consents_allow (bits, state->purpose))
        return TRUE;
      if (!cr_consents_allow_phone (bits))
        cr_person_set_phone (person, NULL);
      if (!cr_consents_allow_email (bits))
        cr_person_set_email (person, NULL);
    }

  switch (state->format)
    {
    case FORMAT_TEXT:
      {
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               cr_person_get_id (person));
        g_autofree char *address = g_strdelimit (g_strdup (cr_person_get_address (person)),
                                                 "\r\n", ' ');

        print_padded (id, 7);
        print_padded (cr_person_get_sort_name (person), 32);
        fputc (' ', stdout);
        print_padded (cr_person_status_get_label (cr_person_get_status (person)), 16);
        print_padded (cr_person_get_joined (person), 12);
        fputs (address, stdout);
        fputc ('\n', stdout);
      }
      break;

    case FORMAT_CSV:
      {
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               cr_person_get_id (person));

        print_csv_field (id, FALSE);
        print_csv_field (cr_person_get_name (person), FALSE);
        print_csv_field (cr_person_get_given_name (person), FALSE);
        print_csv_field (cr_person_get_family_name (person), FALSE);
        print_csv_field (status, FALSE);
        print_csv_field (cr_person_get_joined (person), FALSE);
        print_csv_field (tenure, FALSE);
        print_csv_field (cr_person_get_address (person), FALSE);
        print_csv_field (cr_person_get_postcode (person), FALSE);
        print_csv_field (cr_person_get_phone (person), FALSE);
        print_csv_field (cr_person_get_email (person), TRUE);
      }
      break;

    case FORMAT_JSON:
      {
        g_autoptr (JsonBuilder) builder = json_builder_new ();
        g_autoptr (JsonNode) node = NULL;
        g_autofree char *json = NULL;

        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "id");
        json_builder_add_int_value (builder, cr_person_get_id (person));
        json_builder_set_member_name (builder, "name");
        json_builder_add_string_value (builder, cr_person_get_name (person));
        json_builder_set_member_name (builder, "given_name");
        json_builder_add_string_value (builder, cr_person_get_given_name (person));
        json_builder_set_member_name (builder, "family_name");
        json_builder_add_string_value (builder, cr_person_get_family_name (person));
        json_builder_set_member_name (builder, "status");
        json_builder_add_string_value (builder, status);
        json_builder_set_member_name (builder, "joined");
        if (*cr_person_get_joined (person) != '\0')
          json_builder_add_string_value (builder, cr_person_get_joined (person));
        else
          json_builder_add_null_value (builder);
        json_builder_set_member_name (builder, "tenure");
        json_builder_add_string_value (builder, tenure);
        json_builder_set_member_name (builder, "address");
        json_builder_add_string_value (builder, cr_person_get_address (person));
        json_builder_set_member_name (builder, "postcode");
        json_builder_add_string_value (builder, cr_person_get_postcode (person));
        json_builder_set_member_name (builder, "phone");
        json_builder_add_string_value (builder, cr_person_get_phone (person));
        json_builder_set_member_name (builder, "email");
        json_builder_add_string_value (builder, cr_person_get_email (person));
        json_builder_set_member_name (builder, "consent_to_contact");
        json_builder_add_boolean_value (builder, cr_person_get_consent_to_contact (person));
        json_builder_end_object (builder);

        node = json_builder_get_root (builder);
        json = json_to_string (node, FALSE);
        fputs (state->n == 0 ? "[\n  " : ",\n  ", stdout);
        fputs (json, stdout);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  state->n++;
  return TRUE;
}

static int
members_list (CrCli  *cli,
              int     argc,
              char  **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *consent = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("text (the default), csv or json"), N_("FORMAT") },
    { "consent", 0, 0, G_OPTION_ARG_STRING, &consent,
      N_("Only those who agreed to PURPOSE (contact, contact-post, "
         "contact-phone, contact-email, photos, share-landlord or "
         "newsletter), with a phone or email only where they agreed to it"),
      N_("PURPOSE") },
    { NULL }
  };
  g_autoptr (CrStore) store = NULL;
  g_autoptr (GHashTable) in_force = NULL;
  GError *error = NULL;
  ListState state = { FORMAT_TEXT, 0, NULL, 0 };
  int exit_code = CR_CLI_EXIT_OK;

  if (!cr_cli_parse (cli, "members list", NULL,
                     N_("List everyone in the register, in register order, "
                        "with their status today; or, with --consent, "
                        "everyone who agreed to something, such as a "
                        "newsletter or email contact."),
                     entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return cr_cli_usage ("members list", _("Unexpected “%s”."), argv[1]);

  if (format == NULL || g_str_equal (format, "text"))
    state.format = FORMAT_TEXT;
  else if (g_str_equal (format, "csv"))
    state.format = FORMAT_CSV;
  else if (g_str_equal (format, "json"))
    state.format = FORMAT_JSON;
  else
    return cr_cli_usage ("members list",
                         _("The format “%s” isn’t known; use text, csv or json."),
                         format);
  if (consent != NULL && !cr_consent_purpose_from_string (consent, &state.purpose))
    return cr_cli_usage ("members list",
                         _("“%s” is not something one consents to here; see "
                           "“members list --help”."), consent);

  store = cr_cli_open (cli, "members list", CR_STORE_OPEN_READ_ONLY, &exit_code);
  if (store == NULL)
    return exit_code;
  if (consent != NULL)
    {
      g_autofree char *today = cr_date_today_iso ();

      in_force = cr_store_consents_in_force (store, today, &error);
      if (in_force == NULL)
        return cr_cli_fail (error);
      state.in_force = in_force;
    }

  if (state.format == FORMAT_CSV)
    fputs ("id,name,given_name,family_name,status,joined,tenure,address,"
           "postcode,phone,email\n", stdout);

  if (!cr_store_foreach_person (store, NULL, print_person, &state, &error))
    {
      fflush (stdout);
      return cr_cli_fail (error);
    }

  if (state.format == FORMAT_JSON)
    fputs (state.n == 0 ? "[]\n" : "\n]\n", stdout);
  return CR_CLI_EXIT_OK;
}

int
cr_cli_members (CrCli  *cli,
                int     argc,
                char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return members_list (cli, argc - 1, argv + 1);

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print (_("Usage:\n  commonroom-cli --file PATH members list "
                 "[--format text|csv|json]\n\n"
                 "Commands:\n  list   List everyone in the register\n"));
      return CR_CLI_EXIT_OK;
    }

  return cr_cli_usage ("members", argc >= 2 ? _("There is no members command "
                                                 "“%s”.")
                                            : _("Name a members command: list."),
                       argc >= 2 ? argv[1] : "");
}
