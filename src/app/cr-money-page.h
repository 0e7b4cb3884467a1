/* cr-money-page.h: grants, funds, the cash book and expenses claims
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_MONEY_PAGE (cr_money_page_get_type ())

G_DECLARE_FINAL_TYPE (CrMoneyPage, cr_money_page, CR, MONEY_PAGE, GtkWidget)

void  cr_money_page_set_store (CrMoneyPage *self, CrStore *store);
void  cr_money_page_reload (CrMoneyPage *self);
void  cr_money_page_show_cash_book (CrMoneyPage *self);
void  cr_money_page_show_grants (CrMoneyPage *self);
void  cr_money_page_show_claims (CrMoneyPage *self);
guint cr_money_page_get_n_grants (CrMoneyPage *self);
guint cr_money_page_get_n_entries (CrMoneyPage *self);
void  cr_money_page_set_filter (
     CrMoneyPage *self, guint account, guint fund, guint category, guint period);

GtkEditable *cr_money_page_get_period_entry (CrMoneyPage *self,
                                             gboolean     last);

G_END_DECLS
