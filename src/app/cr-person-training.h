/* cr-person-training.h: one person's training record, in its own window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

GtkWidget *
cr_person_training_show (GtkWidget *near, CrStore *store, gint64 person_id);

G_END_DECLS
