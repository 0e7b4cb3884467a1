/* cr-print-minutes.h: the minutes, printed
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

int       cr_print_minutes_get_n_pages (const CrMinutesData  *data);
void      cr_print_minutes_draw_page   (const CrMinutesData  *data,
                                        cairo_t              *cr,
                                        int                   page,
                                        double                width,
                                        double                height);
gboolean  cr_print_minutes_to_pdf      (const CrMinutesData  *data,
                                        const char           *path,
                                        GError              **error);

G_END_DECLS
