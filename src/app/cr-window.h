/* cr-window.h: one window, showing one association file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cr-application.h"
#include "cr-meetings-page.h"
#include "cr-members-page.h"
#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_WINDOW (cr_window_get_type ())

G_DECLARE_FINAL_TYPE (CrWindow, cr_window, CR, WINDOW, AdwApplicationWindow)

CrWindow   *cr_window_new         (CrApplication *application);
void        cr_window_open_file   (CrWindow      *self,
                                   GFile         *file);
void        cr_window_close_file  (CrWindow      *self);
gboolean    cr_window_shows_file  (CrWindow      *self,
                                   GFile         *file);
CrStore    *cr_window_get_store   (CrWindow      *self);
gboolean    cr_window_get_busy    (CrWindow      *self);
const char *cr_window_get_visible_page (CrWindow *self);
CrMembersPage *cr_window_get_members_page (CrWindow *self);
CrMeetingsPage *cr_window_get_meetings_page (CrWindow *self);
gint64      cr_window_get_group_id (CrWindow     *self);
void        cr_window_set_group_id (CrWindow     *self,
                                    gint64        group_id);
void        cr_window_show_person (CrWindow      *self,
                                   gint64         person_id);
void        cr_window_show_meeting (CrWindow     *self,
                                    gint64        meeting_id);
gboolean    cr_window_restore     (CrWindow      *self,
                                   const char    *path,
                                   const char    *backup,
                                   GError       **error);

G_END_DECLS
