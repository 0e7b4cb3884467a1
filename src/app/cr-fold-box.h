/* cr-fold-box.h: two widgets side by side, or the second under the first
 * when the width runs short
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CR_TYPE_FOLD_BOX (cr_fold_box_get_type ())

G_DECLARE_FINAL_TYPE (CrFoldBox, cr_fold_box, CR, FOLD_BOX, GtkWidget)

GtkWidget *cr_fold_box_new (GtkWidget *start, GtkWidget *end, int start_wanted);
gboolean   cr_fold_box_get_folded (CrFoldBox *self);

G_END_DECLS
