/* cr-print-attendance-sheet.c: the sign-in sheet for the door
 *
 * Everyone expected, sorted by family name so a resident finds their own
 * line quickly, each row tall enough to sign; blank rows for members who
 * are not on the list; then guests and visitors, who sign separately so
 * they are never counted towards the quorum. Whoever has not agreed to be
 * photographed is marked "No photos", so whoever takes pictures of the
 * meeting knows whom to leave out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-print"

#include "config.h"

#include "cr-print-attendance-sheet.h"

#include "cr-print-private.h"
#include "cr-store-meetings.h"
#include "cr-store-privacy.h"

#include <string.h>

#include <glib/gi18n-lib.h>

/* Room for a signature in a hurry, with a pen that is not the signer's. */
#define SIGNING_ROW_HEIGHT 30.0

static const char *
no_photos_mark (void)
{
  /* Translators: on the sign-in sheet, beside whoever has not agreed to
   * be photographed. */
  return _ ("No photos");
}

static gboolean
any_marked (const CrSheetData *data)
{
  const char *mark = no_photos_mark ();

  for (guint i = 0; i < data->expected->len; i++)
    {
      const CrPrintPerson *person = g_ptr_array_index (data->expected, i);

      if (person->note != NULL && strstr (person->note, mark) != NULL)
        return TRUE;
    }
  return FALSE;
}

/**
 * cr_print_attendance_sheet_mark_photos:
 * @data: a sheet whose expected people were added in the order of
 *   @expected
 * @expected: (element-type CrExpectedAttendee): who the meeting expects
 * @on_date: ISO: the meeting's date
 *
 * Adds "No photos", on a line of its own under any other note (which
 * stays as it was), to the note of everyone without a consent to
 * photographs in force on @on_date. If the consents can't be read,
 * everyone is marked: a photograph not taken can be taken later.
 */
void
cr_print_attendance_sheet_mark_photos (CrSheetData *data,
                                       CrStore     *store,
                                       GPtrArray   *expected,
                                       const char  *on_date)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) in_force = NULL;

  g_return_if_fail (data != NULL);
  g_return_if_fail (CR_IS_STORE (store));
  g_return_if_fail (expected != NULL && expected->len == data->expected->len);

  in_force = cr_store_consents_in_force (store, on_date, &error);
  if (in_force == NULL)
    g_warning ("Could not read the consents to photographs: %s",
               error->message);

  for (guint i = 0; i < expected->len; i++)
    {
      const CrExpectedAttendee *e = g_ptr_array_index (expected, i);
      CrPrintPerson            *person = g_ptr_array_index (data->expected, i);
      char                     *note;

      if (in_force != NULL && (cr_consents_lookup (in_force, e->person_id) &
                               CR_CONSENT_BIT (CR_CONSENT_PHOTOS)) != 0)
        continue;
      note = person->note != NULL && *person->note != '\0'
                 ? g_strdup_printf ("%s\n%s", person->note, no_photos_mark ())
                 : g_strdup (no_photos_mark ());
      g_free (person->note);
      person->note = note;
    }
}

static CrPageDoc *
build (const CrSheetData *data, char **title)
{
  const CrPageColumn member_columns[] = {
    { _ ("Name"), 0.35 },
    { _ ("Note"), 0.33 },
    { _ ("Signature"), 0.32 },
  };
  const CrPageColumn guest_columns[] = {
    { _ ("Name"), 0.35 },
    { _ ("Organisation"), 0.33 },
    { _ ("Signature"), 0.32 },
  };
  g_autoptr (GPtrArray) sorted = cr_print_people_sorted (data->expected);
  CrPageDoc   *doc;
  CrPageTable *table;

  doc = _cr_print_begin (&data->meeting, _ ("Attendance sign-in sheet"), title);
  cr_page_doc_add_text (doc, CR_PAGE_STYLE_NOTE, CR_PAGE_BLOCK_KEEP_WITH_NEXT,
                        _ ("Please sign beside your name. If your name is "
                           "not listed, write it in a blank row at the end "
                           "of the list."));
  if (any_marked (data))
    cr_page_doc_add_text (doc, CR_PAGE_STYLE_NOTE, CR_PAGE_BLOCK_KEEP_WITH_NEXT,
                          _ ("“No photos”: they have not agreed to be "
                             "photographed; leave them out of any pictures "
                             "of the meeting."));

  table = cr_page_doc_add_table (
      doc, member_columns, G_N_ELEMENTS (member_columns),
      CR_PAGE_TABLE_HEADER | CR_PAGE_TABLE_RULES | CR_PAGE_TABLE_STRIPES,
      SIGNING_ROW_HEIGHT, _ ("Members (continued)"));
  for (guint i = 0; i < sorted->len; i++)
    {
      const CrPrintPerson *person = g_ptr_array_index (sorted, i);
      g_autofree char     *family = cr_page_escape (person->family_name);
      g_autofree char     *given = cr_page_escape (person->given_name);
      g_autofree char     *note = cr_page_escape (person->note);
      g_autofree char     *name = NULL;
      const char          *cells[3];

      /* The family name in bold: it is what the eye runs down. */
      if (*given != '\0')
        name = g_strdup_printf ("<b>%s</b>, %s", family, given);
      else
        name = g_strdup_printf ("<b>%s</b>", family);
      cells[0] = name;
      cells[1] = note;
      cells[2] = NULL;
      cr_page_table_add_row (table, cells);
    }
  for (guint i = 0; i < data->n_walk_in_rows; i++)
    cr_page_table_add_row (table, NULL);

  if (data->n_guest_rows > 0)
    {
      cr_page_doc_add_space (doc, 22);
      cr_page_doc_add_text (doc, CR_PAGE_STYLE_HEADING, CR_PAGE_BLOCK_NONE,
                            _ ("Guests and visitors"));
      cr_page_doc_add_text (doc, CR_PAGE_STYLE_NOTE,
                            CR_PAGE_BLOCK_KEEP_WITH_NEXT,
                            _ ("Everyone else at the meeting, please sign "
                               "here. Guests do not count towards the "
                               "quorum."));
      table = cr_page_doc_add_table (
          doc, guest_columns, G_N_ELEMENTS (guest_columns),
          CR_PAGE_TABLE_HEADER | CR_PAGE_TABLE_RULES | CR_PAGE_TABLE_STRIPES |
              CR_PAGE_TABLE_KEEP_TOGETHER,
          SIGNING_ROW_HEIGHT, _ ("Guests and visitors (continued)"));
      for (guint i = 0; i < data->n_guest_rows; i++)
        cr_page_table_add_row (table, NULL);
    }

  /* For the secretary, who records the count in the minutes. */
  cr_page_doc_add_space (doc, 18);
  cr_page_doc_add_signature (doc, _ ("Members present"), 60, _ ("Guests"), 60);
  return doc;
}

/**
 * cr_print_attendance_sheet_get_n_pages:
 * @data: the sheet's data
 *
 * Returns: how many pages the sheet takes, at least 1
 */
int
cr_print_attendance_sheet_get_n_pages (const CrSheetData *data)
{
  g_autoptr (CrPageDoc) doc = NULL;

  g_return_val_if_fail (data != NULL, 0);

  doc = build (data, NULL);
  return cr_page_doc_get_n_pages (doc);
}

/**
 * cr_print_attendance_sheet_draw_page:
 * @data: the sheet's data
 * @cr: where to draw, in points
 * @page: the page, from 0 to one less than
 *   cr_print_attendance_sheet_get_n_pages()
 * @width: the page's width on @cr
 * @height: its height
 *
 * Draws one page of the sheet, as cr_page_doc_draw_page() does; pages may
 * be drawn in any order.
 */
void
cr_print_attendance_sheet_draw_page (
    const CrSheetData *data, cairo_t *cr, int page, double width, double height)
{
  g_autoptr (CrPageDoc) doc = NULL;

  g_return_if_fail (data != NULL);
  g_return_if_fail (cr != NULL);

  doc = build (data, NULL);
  cr_page_doc_draw_page (doc, cr, page, width, height);
}

/**
 * cr_print_attendance_sheet_to_pdf:
 * @data: the sheet's data
 * @path: where to save the PDF; replaced only once the new one is whole
 * @error: return location for a #CR_PRINT_ERROR
 *
 * Returns: %TRUE if the PDF was saved
 */
gboolean
cr_print_attendance_sheet_to_pdf (const CrSheetData *data,
                                  const char        *path,
                                  GError           **error)
{
  g_autoptr (CrPageDoc) doc = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  doc = build (data, &title);
  return cr_page_doc_write_pdf (doc, path, title, error);
}
