/* fuzz-transaction-import.c: libFuzzer target for the bank statement
 * importer
 *
 * Any bytes read as a bank statement or cash book: rows whose amounts are
 * never zero, or problems each with a sentence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-transaction-import.h"

#include <stdint.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrTransactionImport) import = NULL;
  g_autofree char *text = NULL;
  GPtrArray       *problems;
  GPtrArray       *rows;
  gboolean         ok;

  import =
      cr_transaction_import_new_from_data ((const char *) data, size, &error);
  if (import == NULL)
    {
      if (error == NULL || error->message == NULL || error->message[0] == '\0')
        __builtin_trap ();
      return 0;
    }

  ok = cr_transaction_import_check (import);
  problems = cr_transaction_import_get_problems (import);
  rows = cr_transaction_import_get_rows (import);
  if (ok != (problems->len == 0))
    __builtin_trap ();
  for (guint i = 0; i < problems->len; i++)
    {
      CrImportProblem *problem = g_ptr_array_index (problems, i);

      if (problem->message == NULL || problem->message[0] == '\0')
        __builtin_trap ();
    }
  for (guint i = 0; ok && i < rows->len; i++)
    {
      CrTransactionRow *row = g_ptr_array_index (rows, i);

      /* DESIGN.md: money in is positive, money out negative, never zero,
       * and every row has a date. */
      if (row->amount == 0 || row->date == NULL)
        __builtin_trap ();
    }
  text = cr_transaction_import_describe_problems (import, "fuzz.csv", 20);
  return 0;
}
