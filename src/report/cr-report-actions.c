/* cr-report-actions.c: the "You said, we did" action log for the council
 *
 * One row an action agreed at a meeting, by the date of that meeting: when
 * it was raised, by which group, what was to be done, by whom and by when,
 * where it stands, and what was done about it and when. Residents read the
 * last two columns as "we did"; an action still open shows them empty.
 * The house format (cr-xlsx.h) gives the dates as real dates and the
 * layout, filter and print set-up every report has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-report"

#include "config.h"

#include "cr-report-actions.h"

#include "cr-meeting.h"
#include "cr-store-meetings.h"
#include "cr-xlsx.h"

#include <glib/gi18n-lib.h>

/**
 * cr_report_actions:
 * @store: the association file
 * @path: where to write the .xlsx; an existing file is replaced only once
 *   the new one is complete
 * @group_id: only the actions agreed at this group's meetings; 0 for
 *   every group's
 * @group_name: (nullable): that group's name, for the title
 * @error: return location for a #CR_STORE_ERROR or a #CR_XLSX_ERROR
 *
 * Writes the action log, every action whatever its status.
 *
 * Returns: %TRUE if the report was saved
 */
gboolean
cr_report_actions (CrStore     *store,
                   const char  *path,
                   gint64       group_id,
                   const char  *group_name,
                   GError     **error)
{
  const CrXlsxColumn columns[] = {
    { N_("Raised on"), CR_XLSX_DATE, 0 },
    { N_("Group"), CR_XLSX_TEXT, 0 },
    { N_("Action"), CR_XLSX_TEXT, 50 },
    { N_("Who"), CR_XLSX_TEXT, 0 },
    { N_("Due"), CR_XLSX_DATE, 0 },
    { N_("Status"), CR_XLSX_TEXT, 0 },
    { N_("What was done"), CR_XLSX_TEXT, 50 },
    { N_("Done on"), CR_XLSX_DATE, 0 },
  };
  CrXlsxColumn translated[G_N_ELEMENTS (columns)];
  g_autoptr (GPtrArray) actions = NULL;
  g_autoptr (CrXlsx) xlsx = NULL;
  g_autofree char *title = NULL;
  CrXlsxSheet *sheet;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  actions = cr_store_list_action_log (store, CR_ACTIONS_ALL, group_id, error);
  if (actions == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      translated[i] = columns[i];
      translated[i].title = _(columns[i].title);
    }
  /* Translators: the title of the action log; %s is a group or the
   * association. */
  title = g_strdup_printf (_("%s: you said, we did"),
                           group_name != NULL ? group_name
                                              : cr_store_get_association_name (store));

  xlsx = cr_xlsx_new (path, cr_store_get_association_name (store),
                      _("Action log"), error);
  if (xlsx == NULL)
    return FALSE;
  /* The whole log as it stands: no period, so "As at" today. */
  sheet = cr_xlsx_add_sheet (xlsx, _("Actions"), title, NULL, translated,
                             G_N_ELEMENTS (translated));

  for (guint i = 0; i < actions->len; i++)
    {
      CrAction *a = g_ptr_array_index (actions, i);

      cr_xlsx_sheet_add_date_iso (sheet, a->meeting_date);
      cr_xlsx_sheet_add_text (sheet, a->group_name);
      cr_xlsx_sheet_add_text (sheet, a->description);
      cr_xlsx_sheet_add_text (sheet, a->owner_name);
      cr_xlsx_sheet_add_date_iso (sheet, a->due_date);
      cr_xlsx_sheet_add_text (sheet, cr_action_status_get_label (a->status));
      cr_xlsx_sheet_add_text (sheet, a->outcome);
      cr_xlsx_sheet_add_date_iso (sheet, a->done_on);
      if (!cr_xlsx_sheet_end_row (sheet))
        break;
    }

  return cr_xlsx_close (xlsx, cr_store_get_path (store), error);
}
