/* cr-print-annual.h: the annual return's summary for the AGM, printed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "cr-page.h"
#include "cr-store-annual.h"
#include "cr-store.h"

G_BEGIN_DECLS

int  cr_print_annual_get_n_pages (const CrAnnual *annual);
void cr_print_annual_draw_page (
    const CrAnnual *annual, cairo_t *cr, int page, double width, double height);
gboolean cr_print_annual_to_pdf (CrStore    *store,
                                 const char *path,
                                 const char *from,
                                 const char *to,
                                 GError    **error);

G_END_DECLS
