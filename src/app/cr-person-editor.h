/* cr-person-editor.h: add or change one person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cr-person.h"
#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_PERSON_EDITOR (cr_person_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrPersonEditor, cr_person_editor, CR, PERSON_EDITOR,
                      AdwWindow)

CrPersonEditor *cr_person_editor_new            (CrStore         *store,
                                                 CrPerson        *person);
gboolean        cr_person_editor_save           (CrPersonEditor  *self,
                                                 GError         **error);
gboolean        cr_person_editor_join           (CrPersonEditor  *self,
                                                 gint64           group_id,
                                                 int              kind,
                                                 const char      *start_date,
                                                 GError         **error);
gboolean        cr_person_editor_end_membership (CrPersonEditor  *self,
                                                 gint64           membership_id,
                                                 const char      *end_date,
                                                 int              reason,
                                                 GError         **error);
gboolean        cr_person_editor_is_valid       (CrPersonEditor  *self);
gboolean        cr_person_editor_erase          (CrPersonEditor  *self,
                                                 GError         **error);

G_END_DECLS
