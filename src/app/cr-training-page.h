/* cr-training-page.h: the Training page: completion against the
 * threshold, expiring certificates, the skills audit and the catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_TRAINING_PAGE (cr_training_page_get_type ())

G_DECLARE_FINAL_TYPE (
    CrTrainingPage, cr_training_page, CR, TRAINING_PAGE, GtkWidget)

void   cr_training_page_set_store (CrTrainingPage *self, CrStore *store);
void   cr_training_page_reload (CrTrainingPage *self);
void   cr_training_page_set_group_id (CrTrainingPage *self, gint64 group_id);
gint64 cr_training_page_get_group_id (CrTrainingPage *self);
guint  cr_training_page_get_n_people (CrTrainingPage *self);
gboolean cr_training_page_get_loading (CrTrainingPage *self);
GtkWidget *cr_training_page_record_session_dialog (CrTrainingPage *self);
GtkWidget *cr_training_page_required_courses_dialog (CrTrainingPage *self);

G_END_DECLS
