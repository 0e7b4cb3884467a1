/* cr-transaction-import.h: a bank statement or cash book saved as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-csv.h"
#include "cr-member-import.h"

G_BEGIN_DECLS

/* One entry ready to import. Amount is pence: money in positive, money
 * out negative, never zero. Category, grant and receipt are as the file
 * writes them (NULL when empty); the store finds the category and grant. */
typedef struct
{
  guint  line;
  char  *date; /* ISO */
  char  *description;
  char  *party; /* payee or payer, or NULL */
  gint64 amount;
  char  *category;
  char  *grant;
  char  *receipt;
} CrTransactionRow;

typedef struct _CrTransactionImport CrTransactionImport;

CrTransactionImport *cr_transaction_import_new (CrCsv *csv);
CrTransactionImport *cr_transaction_import_new_from_data (const char *data,
                                                          gsize       length,
                                                          GError    **error);
void                 cr_transaction_import_free (CrTransactionImport *self);

gboolean   cr_transaction_import_check (CrTransactionImport *self);
GPtrArray *cr_transaction_import_get_rows (CrTransactionImport *self);
GPtrArray *cr_transaction_import_get_problems (CrTransactionImport *self);
void       cr_transaction_import_add_problem (CrTransactionImport *self,
                                              guint                line,
                                              const char          *message);
char      *cr_transaction_import_describe_problems (CrTransactionImport *self,
                                                    const char          *filename,
                                                    guint                max);
CrCsv     *cr_transaction_import_get_csv (CrTransactionImport *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrTransactionImport, cr_transaction_import_free)

G_END_DECLS
