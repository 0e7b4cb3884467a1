/* cr-group.h: the association, or one of its committees, panels and groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CR_TYPE_GROUP (cr_group_get_type ())

G_DECLARE_FINAL_TYPE (CrGroup, cr_group, CR, GROUP, GObject)

CrGroup    *cr_group_new                   (gint64      id,
                                            const char *name,
                                            const char *kind,
                                            gint64      parent_id);
gint64      cr_group_get_id                (CrGroup    *self);
const char *cr_group_get_name              (CrGroup    *self);
const char *cr_group_get_kind              (CrGroup    *self);
gint64      cr_group_get_parent_id         (CrGroup    *self);
const char *cr_group_get_end_date          (CrGroup    *self);
void        cr_group_set_end_date          (CrGroup    *self,
                                            const char *end_date);
gboolean    cr_group_get_one_per_household (CrGroup    *self);
void        cr_group_set_one_per_household (CrGroup    *self,
                                            gboolean    one);

G_END_DECLS
