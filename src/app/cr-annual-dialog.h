/* cr-annual-dialog.h: the council pack for a year, from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_ANNUAL_DIALOG (cr_annual_dialog_get_type ())

G_DECLARE_FINAL_TYPE (
    CrAnnualDialog, cr_annual_dialog, CR, ANNUAL_DIALOG, AdwWindow)

CrAnnualDialog *cr_annual_dialog_new (CrStore *store, int year);
int             cr_annual_dialog_get_year (CrAnnualDialog *self);
void            cr_annual_dialog_set_year (CrAnnualDialog *self, int year);
gboolean        cr_annual_dialog_get_busy (CrAnnualDialog *self);
guint           cr_annual_dialog_get_n_met (CrAnnualDialog *self);
void
cr_annual_dialog_save (CrAnnualDialog *self, const char *path, gboolean pdf);

G_END_DECLS
