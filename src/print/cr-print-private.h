/* cr-print-private.h: what the printed pages share, inside src/print only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-page.h"
#include "cr-print-data.h"

G_BEGIN_DECLS

CrPageDoc *_cr_print_begin        (const CrPrintMeeting  *meeting,
                                   const char            *what,
                                   char                 **title);
char      *_cr_print_date_long    (const char            *iso);
char      *_cr_print_date_short   (const char            *iso);

G_END_DECLS
