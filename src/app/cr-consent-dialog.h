/* cr-consent-dialog.h: a person's consents, and what is held about them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

/* Called after a consent was recorded or withdrawn, with the person's
 * "consent to contact" as it now is, so a form showing it can follow. */
typedef void (*CrConsentChanged) (GtkWidget  *near,
                                  gboolean    consent_to_contact,
                                  const char *consent_date);

void cr_consent_dialog_present      (GtkWidget        *near,
                                     CrStore          *store,
                                     gint64            person_id,
                                     const char       *name,
                                     CrConsentChanged  changed);
void cr_consent_save_subject_access (GtkWidget  *near,
                                     CrStore    *store,
                                     gint64      person_id,
                                     const char *name);

G_END_DECLS
