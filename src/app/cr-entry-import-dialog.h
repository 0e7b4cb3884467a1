/* cr-entry-import-dialog.h: preview and import a bank statement CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_ENTRY_IMPORT_DIALOG (cr_entry_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrEntryImportDialog,
                      cr_entry_import_dialog,
                      CR,
                      ENTRY_IMPORT_DIALOG,
                      AdwWindow)

CrEntryImportDialog *
cr_entry_import_dialog_new (CrStore *store, const char *path, GError **error);
guint    cr_entry_import_dialog_get_n_problems (CrEntryImportDialog *self);
guint    cr_entry_import_dialog_get_n_to_add (CrEntryImportDialog *self);
gboolean cr_entry_import_dialog_run (CrEntryImportDialog *self, GError **error);

G_END_DECLS
