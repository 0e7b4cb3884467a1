/* cr-print-agenda.c: the agenda sent with the papers
 *
 * Items in order, numbered, each with who proposed it; any other business
 * always comes last, whatever order the items were entered in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-print"

#include "config.h"

#include "cr-print-agenda.h"

#include "cr-print-private.h"

#include <glib/gi18n-lib.h>

#define ITEM_ROW_HEIGHT 34.0

static CrPageDoc *
build (const CrAgendaData  *data,
       char               **title)
{
  const CrPageColumn columns[] = {
    { _("No."), 0.08 },
    { _("Item"), 0.92 },
  };
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  CrPageDoc *doc;
  CrPageTable *table;

  doc = _cr_print_begin (&data->meeting, _("Agenda"), title);

  if (data->papers_sent != NULL && *data->papers_sent != '\0')
    {
      g_autofree char *sent = _cr_print_date_long (data->papers_sent);
      /* TRANSLATORS: under the agenda's heading; %s is a date in words. */
      g_autofree char *note = g_strdup_printf (_("Papers sent on %s."), sent);

      cr_page_doc_add_text (doc, CR_PAGE_STYLE_NOTE, CR_PAGE_BLOCK_NONE,
                            note);
    }
  cr_page_doc_add_space (doc, 6);

  /* Any other business last, keeping the order of everything else. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; data->items != NULL && i < data->items->len; i++)
      {
        CrPrintAgendaItem *item = g_ptr_array_index (data->items, i);

        if ((item->is_aob != FALSE) == (pass == 1))
          g_ptr_array_add (order, item);
      }

  table = cr_page_doc_add_table (doc, columns, G_N_ELEMENTS (columns),
                                 CR_PAGE_TABLE_RULES, ITEM_ROW_HEIGHT, NULL);
  for (guint i = 0; i < order->len; i++)
    {
      const CrPrintAgendaItem *item = g_ptr_array_index (order, i);
      g_autofree char *number = NULL;
      g_autofree char *number_markup = NULL;
      g_autofree char *item_title = cr_page_escape (item->title);
      g_autoptr (GString) text = g_string_new (NULL);
      const char *cells[2];

      if (item->number != NULL && *item->number != '\0')
        number = cr_page_escape (item->number);
      else
        number = g_strdup_printf ("%u", i + 1);
      number_markup = g_strdup_printf ("<span size=\"13pt\" weight=\"bold\">"
                                       "%s</span>", number);

      g_string_append_printf (text, "<span size=\"13pt\">%s</span>",
                              item_title);
      if (item->proposer != NULL && *item->proposer != '\0')
        {
          g_autofree char *proposer = cr_page_escape (item->proposer);
          /* TRANSLATORS: under an agenda item; %s is a person's name. */
          g_autofree char *line = g_strdup_printf (_("Proposed by %s"),
                                                   proposer);

          g_string_append_printf (text, "\n<span size=\"11pt\" "
                                  "foreground=\"#4d4d4d\">%s</span>", line);
        }
      cells[0] = number_markup;
      cells[1] = text->str;
      cr_page_table_add_row (table, cells);
    }
  return doc;
}

/**
 * cr_print_agenda_get_n_pages:
 * @data: the agenda
 *
 * Returns: how many pages the agenda takes, at least 1
 */
int
cr_print_agenda_get_n_pages (const CrAgendaData *data)
{
  g_autoptr (CrPageDoc) doc = NULL;

  g_return_val_if_fail (data != NULL, 0);

  doc = build (data, NULL);
  return cr_page_doc_get_n_pages (doc);
}

/**
 * cr_print_agenda_draw_page:
 * @data: the agenda
 * @cr: where to draw, in points
 * @page: the page, from 0 to one less than cr_print_agenda_get_n_pages()
 * @width: the page's width on @cr
 * @height: its height
 *
 * Draws one page of the agenda, as cr_page_doc_draw_page() does; pages
 * may be drawn in any order.
 */
void
cr_print_agenda_draw_page (const CrAgendaData *data,
                           cairo_t            *cr,
                           int                 page,
                           double              width,
                           double              height)
{
  g_autoptr (CrPageDoc) doc = NULL;

  g_return_if_fail (data != NULL);
  g_return_if_fail (cr != NULL);

  doc = build (data, NULL);
  cr_page_doc_draw_page (doc, cr, page, width, height);
}

/**
 * cr_print_agenda_to_pdf:
 * @data: the agenda
 * @path: where to save the PDF; replaced only once the new one is whole
 * @error: return location for a #CR_PRINT_ERROR
 *
 * Returns: %TRUE if the PDF was saved
 */
gboolean
cr_print_agenda_to_pdf (const CrAgendaData  *data,
                        const char          *path,
                        GError             **error)
{
  g_autoptr (CrPageDoc) doc = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  doc = build (data, &title);
  return cr_page_doc_write_pdf (doc, path, title, error);
}
