/* cr-import-dialog.h: preview and import people from a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_IMPORT_DIALOG (cr_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrImportDialog, cr_import_dialog, CR, IMPORT_DIALOG,
                      AdwWindow)

CrImportDialog *cr_import_dialog_new          (CrStore         *store,
                                               const char      *path,
                                               GError         **error);
guint           cr_import_dialog_get_n_problems (CrImportDialog *self);
guint           cr_import_dialog_get_n_to_add (CrImportDialog  *self);
guint           cr_import_dialog_get_n_present (CrImportDialog *self);
void            cr_import_dialog_set_column   (CrImportDialog  *self,
                                               guint            column,
                                               int              field);
gboolean        cr_import_dialog_run          (CrImportDialog  *self,
                                               GError         **error);

G_END_DECLS
