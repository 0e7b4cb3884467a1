/* cr-print-meeting.h: a meeting's printed pages, filled from the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-print-data.h"
#include "cr-store.h"

G_BEGIN_DECLS

CrSheetData   *cr_print_meeting_get_sheet   (CrStore  *store,
                                             gint64    meeting_id,
                                             GError  **error);
CrAgendaData  *cr_print_meeting_get_agenda  (CrStore  *store,
                                             gint64    meeting_id,
                                             GError  **error);
CrMinutesData *cr_print_meeting_get_minutes (CrStore  *store,
                                             gint64    meeting_id,
                                             GError  **error);

G_END_DECLS
