/* cr-attention-page.h: where the groups are not keeping their own rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_ATTENTION_PAGE (cr_attention_page_get_type ())

G_DECLARE_FINAL_TYPE (
    CrAttentionPage, cr_attention_page, CR, ATTENTION_PAGE, GtkWidget)

void   cr_attention_page_set_store (CrAttentionPage *self, CrStore *store);
void   cr_attention_page_reload (CrAttentionPage *self);
guint  cr_attention_page_get_n_items (CrAttentionPage *self);
void   cr_attention_page_set_group_id (CrAttentionPage *self, gint64 group_id);
gint64 cr_attention_page_get_group_id (CrAttentionPage *self);
AdwMessageDialog *cr_attention_page_ask_erase (CrAttentionPage *self,
                                               gint64           person_id);

const char *cr_attention_rule_title (const char *rule);

G_END_DECLS
