/* cr-meetings-page.h: meetings, their attendance, agenda, minutes and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_MEETINGS_PAGE (cr_meetings_page_get_type ())

G_DECLARE_FINAL_TYPE (CrMeetingsPage, cr_meetings_page, CR, MEETINGS_PAGE,
                      GtkWidget)

void      cr_meetings_page_set_store      (CrMeetingsPage *self,
                                           CrStore        *store);
guint     cr_meetings_page_get_n_meetings (CrMeetingsPage *self);
gboolean  cr_meetings_page_select_meeting (CrMeetingsPage *self,
                                           gint64          meeting_id);
gint64    cr_meetings_page_get_meeting_id (CrMeetingsPage *self);
gboolean  cr_meetings_page_set_group_id   (CrMeetingsPage *self,
                                           gint64          group_id);
gboolean  cr_meetings_page_mark           (CrMeetingsPage *self,
                                           guint           row,
                                           int             mark);
const char *cr_meetings_page_get_quorum_text (CrMeetingsPage *self);

G_END_DECLS
