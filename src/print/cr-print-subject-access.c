/* cr-print-subject-access.c: everything held about one person, as PDF
 *
 * The same content as the workbook (cr-report-subject-access.c), for a
 * person who would rather read pages: each record as a list of its fields,
 * since the tables are far too wide for A4.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-print"

#include "config.h"

#include "cr-print-subject-access.h"

#include "cr-page.h"
#include "cr-store-privacy.h"

#include <glib/gi18n-lib.h>

static void
add_record (CrPageDoc *doc, CrSubjectTable *table, GPtrArray *row)
{
  const CrPageColumn columns[] = {
    { _ ("Field"), 0.35 },
    { _ ("Value"), 0.65 },
  };
  CrPageTable *page_table;

  page_table = cr_page_doc_add_table (
      doc, columns, G_N_ELEMENTS (columns),
      CR_PAGE_TABLE_RULES | CR_PAGE_TABLE_KEEP_TOGETHER, 0, NULL);
  for (guint c = 0; c < table->columns->len; c++)
    {
      g_autofree char *field = cr_page_escape (table->columns->pdata[c]);
      g_autofree char *raw =
          g_strdup (row->pdata[c] != NULL ? row->pdata[c] : "");
      g_autofree char *value = NULL;
      const char      *cells[] = { field, NULL };

      /* Sort keys hold separators a page can't show: a space reads the
       * same. */
      for (char *p = raw; *p != '\0'; p++)
        if ((guchar) *p < 0x20 && *p != '\n')
          *p = ' ';
      value = cr_page_escape (raw);
      cells[1] = value;

      cr_page_table_add_row (page_table, cells);
    }
  cr_page_doc_add_space (doc, 8);
}

/**
 * cr_print_subject_access_to_pdf:
 * @store: an open store
 * @person_id: the person who asked
 * @path: the PDF to write
 * @error: return location for a #CR_STORE_ERROR or #CR_PRINT_ERROR
 *
 * Writes everything @store holds about one person as A4 pages.
 *
 * Returns: %TRUE if the PDF was saved
 */
gboolean
cr_print_subject_access_to_pdf (CrStore    *store,
                                gint64      person_id,
                                const char *path,
                                GError    **error)
{
  g_autoptr (GPtrArray) tables = NULL;
  g_autoptr (CrPageDoc) doc = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%d/%m/%Y");
  g_autofree char *title = NULL;
  g_autofree char *held_on = NULL;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  tables = cr_store_subject_access (store, person_id, error);
  if (tables == NULL)
    return FALSE;

  title = g_strdup_printf (_ ("Everything held about person %lld"),
                           (long long) person_id);
  held_on = g_strdup_printf (_ ("As held on %s"), date);
  doc = cr_page_doc_new (cr_store_get_association_name (store), held_on);
  cr_page_doc_add_text (doc, CR_PAGE_STYLE_TITLE, CR_PAGE_BLOCK_NONE,
                        cr_store_get_association_name (store));
  cr_page_doc_add_text (doc, CR_PAGE_STYLE_SUBTITLE, CR_PAGE_BLOCK_NONE, title);
  cr_page_doc_add_text (doc, CR_PAGE_STYLE_NOTE, CR_PAGE_BLOCK_NONE,
                        _ ("Every record the association’s file holds about "
                           "you, as it holds it. Where a record also "
                           "concerns someone else, only that there is another "
                           "person is shown."));
  cr_page_doc_add_space (doc, 10);

  for (guint t = 0; t < tables->len; t++)
    {
      CrSubjectTable  *table = g_ptr_array_index (tables, t);
      g_autofree char *heading = cr_subject_table_get_title (table->table);
      g_autofree char *counted =
          g_strdup_printf ("%s (%u)", heading, table->rows->len);

      cr_page_doc_add_text (doc, CR_PAGE_STYLE_HEADING,
                            CR_PAGE_BLOCK_KEEP_WITH_NEXT, counted);
      for (guint r = 0; r < table->rows->len; r++)
        add_record (doc, table, g_ptr_array_index (table->rows, r));
    }

  return cr_page_doc_write_pdf (doc, path, title, error);
}
