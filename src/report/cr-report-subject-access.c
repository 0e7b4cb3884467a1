/* cr-report-subject-access.c: everything held about one person, as Excel
 *
 * The answer to a subject access request: a sheet with the person's own
 * record, one field a row, then a sheet for each table that holds rows
 * about them, every column as the file keeps it. Nothing is summarised or
 * left out, so what the person receives is what the file holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-report"

#include "config.h"

#include "cr-report-subject-access.h"

#include "cr-store-people.h"
#include "cr-store-privacy.h"
#include "cr-xlsx.h"

#include <glib/gi18n-lib.h>

/**
 * cr_report_subject_access:
 * @store: an open store
 * @person_id: the person who asked
 * @path: the workbook to write
 * @error: return location for a #CR_STORE_ERROR or #CR_XLSX_ERROR
 *
 * Writes everything @store holds about one person (see
 * cr_store_subject_access()) as a workbook.
 *
 * Returns: %TRUE if the workbook was saved
 */
gboolean
cr_report_subject_access (CrStore    *store,
                          gint64      person_id,
                          const char *path,
                          GError    **error)
{
  g_autoptr (GPtrArray) tables = NULL;
  g_autoptr (CrXlsx) xlsx = NULL;
  g_autofree char *title = NULL;
  g_autofree char *today = NULL;
  g_autofree char *person_title = NULL;
  g_autofree char *table_period = NULL;
  CrSubjectTable  *own;
  const char      *name = NULL;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  tables = cr_store_subject_access (store, person_id, error);
  if (tables == NULL)
    return FALSE;

  own = g_ptr_array_index (tables, 0);
  for (guint c = 0; c < own->columns->len; c++)
    if (g_str_equal (own->columns->pdata[c], "family_name"))
      name = g_ptr_array_index ((GPtrArray *) own->rows->pdata[0], c);

  /* Translators: the title of a subject access report; %lld is the
   * person's number in the register. */
  title = g_strdup_printf (_ ("Everything held about person %lld"),
                           (long long) person_id);
  /* The association heads the person's own sheet, as every report's
   * title does; the other sheets keep the table's own title. */
  person_title = g_strdup_printf (_ ("%s: %s"),
                                  cr_store_get_association_name (store), title);
  today = cr_xlsx_describe_as_at (NULL);
  /* Translators: the period line of a subject access sheet: "As at
   * 25/11/2026; everything held about person 8". */
  table_period = g_strdup_printf (_ ("%s; %s"), today, title);

  xlsx = cr_xlsx_new (path, cr_store_get_association_name (store),
                      _ ("Subject access"), error);
  if (xlsx == NULL)
    return FALSE;

  /* The person's own record, one field a row: a few dozen columns would
   * make one unreadable row. */
  {
    const CrXlsxColumn columns[] = {
      { N_ ("Field"), CR_XLSX_TEXT, 24 },
      { N_ ("Value"), CR_XLSX_TEXT, 0 },
    };
    CrXlsxColumn translated[G_N_ELEMENTS (columns)];
    GPtrArray   *row = g_ptr_array_index (own->rows, 0);
    CrXlsxSheet *sheet;

    for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
      {
        translated[i] = columns[i];
        translated[i].title = _ (columns[i].title);
      }
    sheet = cr_xlsx_add_sheet (xlsx, _ ("Person"), person_title, today,
                               translated, G_N_ELEMENTS (translated));
    for (guint c = 0; c < own->columns->len; c++)
      {
        cr_xlsx_sheet_add_text (sheet, own->columns->pdata[c]);
        cr_xlsx_sheet_add_text (sheet, row->pdata[c]);
        if (!cr_xlsx_sheet_end_row (sheet))
          break;
      }
  }
  (void) name;

  for (guint t = 1; t < tables->len; t++)
    {
      CrSubjectTable          *table = g_ptr_array_index (tables, t);
      g_autofree CrXlsxColumn *columns =
          g_new0 (CrXlsxColumn, table->columns->len);
      g_autofree char *heading = cr_subject_table_get_title (table->table);
      g_autofree char *sheet_title = NULL;
      CrXlsxSheet     *sheet;

      for (guint c = 0; c < table->columns->len; c++)
        {
          columns[c].title = table->columns->pdata[c];
          columns[c].kind = CR_XLSX_TEXT;
        }
      /* Translators: a sheet's title: the table, and the column that
       * points at the person, e.g. "Expense claims (by person_id)". */
      sheet_title = g_strdup_printf (_ ("%s (by %s)"), heading, table->via);
      sheet = cr_xlsx_add_sheet (xlsx, heading, sheet_title, table_period,
                                 columns, table->columns->len);
      for (guint r = 0; r < table->rows->len; r++)
        {
          GPtrArray *row = g_ptr_array_index (table->rows, r);

          for (guint c = 0; c < row->len; c++)
            cr_xlsx_sheet_add_text (sheet, row->pdata[c]);
          if (!cr_xlsx_sheet_end_row (sheet))
            break;
        }
    }

  return cr_xlsx_close (xlsx, cr_store_get_path (store), error);
}
