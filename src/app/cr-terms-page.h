/* cr-terms-page.h: a group's terms of reference: versions, sections, rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_TERMS_PAGE (cr_terms_page_get_type ())

G_DECLARE_FINAL_TYPE (CrTermsPage, cr_terms_page, CR, TERMS_PAGE, GtkWidget)

void     cr_terms_page_set_store (CrTermsPage *self, CrStore *store);
void     cr_terms_page_reload (CrTermsPage *self);
gint64   cr_terms_page_get_group_id (CrTermsPage *self);
void     cr_terms_page_set_group_id (CrTermsPage *self, gint64 group_id);
gint64   cr_terms_page_get_version_id (CrTermsPage *self);
gboolean cr_terms_page_is_editable (CrTermsPage *self);
gboolean cr_terms_page_edit (CrTermsPage *self);
gboolean cr_terms_page_set_rule_text (CrTermsPage *self,
                                      const char  *key,
                                      const char  *value,
                                      char       **problem);
void     cr_terms_page_print (CrTermsPage *self);

G_END_DECLS
