/* cr-report-members.c: the membership register for the council
 *
 * One row a person in register order, streamed from the store into a
 * constant-memory workbook, so a register of 100,000 costs no more memory
 * than one of 30. A register that leaves the association (for the
 * council, a funder) can leave out phone, email and consent; with them,
 * only the people who agreed to be contacted have theirs shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-report"

#include "config.h"

#include "cr-report-members.h"

#include "cr-date.h"
#include "cr-store-people.h"
#include "cr-xlsx.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  CrXlsxSheet                  *sheet;
  const CrMembersReportOptions *options;
  GHashTable                   *in_group;  /* ids, or NULL for everyone */
  guint                         current;
} Writer;

static const char *
status_text (CrPerson *person)
{
  const char *sanction = cr_person_get_sanction (person);

  if (g_strcmp0 (sanction, "exclusion") == 0)
    return _("Excluded");
  if (g_strcmp0 (sanction, "suspension") == 0)
    return _("Suspended");
  return cr_person_status_get_label (cr_person_get_status (person));
}

static gboolean
write_person (CrPerson *person,
              gpointer  user_data)
{
  Writer *w = user_data;
  gint64 id = cr_person_get_id (person);

  if (w->in_group != NULL && !g_hash_table_contains (w->in_group, &id))
    return TRUE;

  cr_xlsx_sheet_add_text (w->sheet, cr_person_get_family_name (person));
  cr_xlsx_sheet_add_text (w->sheet, cr_person_get_given_name (person));
  cr_xlsx_sheet_add_text (w->sheet, cr_person_get_address (person));
  cr_xlsx_sheet_add_text (w->sheet, cr_person_get_block (person));
  cr_xlsx_sheet_add_text (w->sheet, cr_person_get_postcode (person));
  if (w->options->contact)
    {
      /* Someone who hasn't agreed to be contacted is on no contact list. */
      gboolean agreed = cr_person_get_consent_to_contact (person);

      cr_xlsx_sheet_add_text (w->sheet, agreed ? cr_person_get_phone (person) : NULL);
      cr_xlsx_sheet_add_text (w->sheet, agreed ? cr_person_get_email (person) : NULL);
      cr_xlsx_sheet_add_text (w->sheet, cr_person_get_consent_to_contact (person)
                                        ? _("Yes") : _("No"));
      cr_xlsx_sheet_add_date_iso (w->sheet, cr_person_get_consent_date (person));
    }
  cr_xlsx_sheet_add_text (w->sheet, cr_tenure_get_label (cr_person_get_tenure (person)));
  cr_xlsx_sheet_add_text (w->sheet, cr_person_get_roles (person));
  cr_xlsx_sheet_add_text (w->sheet, status_text (person));
  cr_xlsx_sheet_add_date_iso (w->sheet, cr_person_get_joined (person));
  cr_xlsx_sheet_add_date_iso (w->sheet, cr_person_get_conduct_signed_on (person));
  w->current += cr_person_get_status (person) == CR_PERSON_STATUS_CURRENT;
  /* FALSE once the workbook has failed (a full disk): stop reading. */
  return cr_xlsx_sheet_end_row (w->sheet);
}

/**
 * cr_report_members:
 * @path: where to write the .xlsx; an existing file is replaced only once
 *   the new one is complete
 *
 * Writes the membership register in the house format (cr-xlsx.h).
 */
gboolean
cr_report_members (CrStore                       *store,
                   const char                    *path,
                   const CrMembersReportOptions  *options,
                   GError                       **error)
{
  const CrXlsxColumn with_contact[] = {
    { N_("Family name"), CR_XLSX_TEXT, 18 },
    { N_("Given name"), CR_XLSX_TEXT, 16 },
    { N_("Address"), CR_XLSX_TEXT, 28 },
    { N_("Block or street"), CR_XLSX_TEXT, 16 },
    { N_("Postcode"), CR_XLSX_TEXT, 10 },
    { N_("Phone"), CR_XLSX_TEXT, 16 },
    { N_("Email"), CR_XLSX_TEXT, 26 },
    { N_("Consent to contact"), CR_XLSX_TEXT, 10 },
    { N_("Consent given on"), CR_XLSX_DATE, 12 },
    { N_("Tenure"), CR_XLSX_TEXT, 12 },
    { N_("Groups and offices"), CR_XLSX_TEXT, 26 },
    { N_("Status"), CR_XLSX_TEXT, 14 },
    { N_("Joined"), CR_XLSX_DATE, 12 },
    { N_("Code of conduct signed"), CR_XLSX_DATE, 12 },
  };
  CrXlsxColumn columns[G_N_ELEMENTS (with_contact)];
  g_autoptr (CrXlsx) xlsx = NULL;
  g_autofree char *today = NULL;
  g_autofree char *period = NULL;
  g_autofree char *title = NULL;
  g_autofree char *group_name = NULL;
  g_autoptr (GHashTable) in_group = NULL;
  GDate date;
  guint n = 0;
  Writer w = { 0 };

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (with_contact); i++)
    {
      /* Phone, email and consent are columns 5 to 8. */
      if (!options->contact && i >= 5 && i <= 8)
        continue;
      columns[n] = with_contact[i];
      columns[n].title = _(with_contact[i].title);
      n++;
    }

  today = options->on_date ? g_strdup (options->on_date) : cr_date_today_iso ();
  if (!cr_date_parse_iso (today, &date))
    cr_date_today (&date);
  {
    g_autofree char *iso = g_strdup_printf (
        "%04u-%02u-%02u", (guint) g_date_get_year (&date),
        (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));

    /* A register is a snapshot, said as every report says it. */
    period = cr_xlsx_describe_as_at (iso);
  }

  if (options->group_id > 0)
    {
      g_autoptr (GArray) ids = cr_store_list_group_member_ids (store,
                                                               options->group_id,
                                                               today, error);
      g_autoptr (GPtrArray) groups = NULL;

      if (ids == NULL)
        return FALSE;
      in_group = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < ids->len; i++)
        g_hash_table_add (in_group, g_memdup2 (&g_array_index (ids, gint64, i),
                                               sizeof (gint64)));
      groups = cr_store_list_groups (store, error);
      if (groups == NULL)
        return FALSE;
      for (guint i = 0; i < groups->len; i++)
        if (cr_group_get_id (groups->pdata[i]) == options->group_id)
          group_name = g_strdup (cr_group_get_name (groups->pdata[i]));
    }

  /* Translators: "Ashbourne Vale TRA: membership register" */
  title = g_strdup_printf (_("%s: membership register"),
                           group_name ? group_name
                                      : cr_store_get_association_name (store));

  xlsx = cr_xlsx_new (path, cr_store_get_association_name (store),
                      _("Membership register"), error);
  if (xlsx == NULL)
    return FALSE;
  w.sheet = cr_xlsx_add_sheet (xlsx, _("Register"), title, period, columns, n);
  w.options = options;
  w.in_group = in_group;

  if (!cr_store_foreach_person_consented (store, today, options->council,
                                          write_person, &w, error))
    return FALSE;

  return cr_xlsx_close (xlsx, cr_store_get_path (store), error);
}
