/* cr-print-agenda.h: the agenda, printed
 *
 * One page layout for the window's print dialog and for
 * `commonroom-cli print`: count the pages, then draw any of them, or write
 * them all to a PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "cr-page.h"
#include "cr-print-data.h"

G_BEGIN_DECLS

int       cr_print_agenda_get_n_pages (const CrAgendaData   *data);
void      cr_print_agenda_draw_page   (const CrAgendaData   *data,
                                       cairo_t              *cr,
                                       int                   page,
                                       double                width,
                                       double                height);
gboolean  cr_print_agenda_to_pdf      (const CrAgendaData   *data,
                                       const char           *path,
                                       GError              **error);

G_END_DECLS
