/* cr-transaction-import.c: a bank statement or cash book saved as CSV
 *
 * The columns are found by their headings, as banks and treasurers name
 * them: a date, a description, and either one signed Amount or two columns
 * Paid out / Paid in (Debit / Credit, Money out / Money in); optionally a
 * payee, a category, a grant and a receipt reference. Anything else (a
 * Balance column, say) is ignored. The CSV reader (cr-csv.c) has already
 * dealt with encodings and delimiters. Every row is checked before any is
 * imported, and each problem is kept with the line it starts on, so the
 * user can correct them all at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-core"

#include "config.h"

#include "cr-transaction-import.h"

#include "cr-date.h"
#include "cr-money.h"

#include <glib/gi18n-lib.h>

struct _CrTransactionImport
{
  CrCsv     *csv;
  GPtrArray *rows;     /* CrTransactionRow */
  GPtrArray *problems; /* CrImportProblem */
  gboolean   checked;
};

static const char *const date_names[] = { "Date",         "Transaction date",
                                          "Posting date", "Posted",
                                          "Value date",   NULL };
static const char *const description_names[] = {
  "Description", "Details",     "Narrative", "Transaction description",
  "Memo",        "Particulars", NULL
};
static const char *const amount_names[] = { "Amount", "Value", "Amount (GBP)",
                                            "Amount GBP", NULL };
static const char *const out_names[] = { "Paid out", "Money out",   "Debit",
                                         "Debits",   "Withdrawals", "Out",
                                         "Payments", "Spent",       NULL };
static const char *const in_names[] = { "Paid in",  "Money in", "Credit",
                                        "Credits",  "Deposits", "In",
                                        "Receipts", "Received", NULL };
static const char *const party_names[] = { "Payee",   "Payer", "Payee or payer",
                                           "Paid to", "Name",  "Counterparty",
                                           NULL };
static const char *const category_names[] = { "Category", "Budget line", "Head",
                                              NULL };
static const char *const grant_names[] = { "Grant", "Fund", NULL };
static const char *const receipt_names[] = { "Receipt",     "Receipt reference",
                                             "Receipt ref", "Receipt no",
                                             "Voucher",     "Reference",
                                             NULL };

static void
row_free (CrTransactionRow *row)
{
  g_free (row->date);
  g_free (row->description);
  g_free (row->party);
  g_free (row->category);
  g_free (row->grant);
  g_free (row->receipt);
  g_free (row);
}

static void
problem_free (CrImportProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

/**
 * cr_transaction_import_new:
 * @csv: (transfer full): the parsed file
 *
 * Returns: (transfer full): an importer for @csv; call
 *   cr_transaction_import_check() next
 */
CrTransactionImport *
cr_transaction_import_new (CrCsv *csv)
{
  CrTransactionImport *self;

  g_return_val_if_fail (csv != NULL, NULL);

  self = g_new0 (CrTransactionImport, 1);
  self->csv = csv;
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->problems =
      g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  return self;
}

/**
 * cr_transaction_import_new_from_data:
 * @data: (array length=length): the file's bytes, in any encoding
 *   cr_csv_parse() reads
 *
 * The importer over a buffer, for the window's preview and for fuzzing.
 *
 * Returns: (transfer full) (nullable): an importer, or %NULL with a
 *   #CR_CSV_ERROR when the bytes are not a CSV file at all
 */
CrTransactionImport *
cr_transaction_import_new_from_data (const char *data,
                                     gsize       length,
                                     GError    **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, length);
  CrCsv *csv = cr_csv_parse (bytes, error);

  if (csv == NULL)
    return NULL;
  return cr_transaction_import_new (csv);
}

void
cr_transaction_import_free (CrTransactionImport *self)
{
  if (self == NULL)
    return;
  cr_csv_free (self->csv);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->problems);
  g_free (self);
}

/**
 * cr_transaction_import_add_problem:
 * @line: the file's line, from 1
 * @message: a sentence, without the file and line
 *
 * Adds a problem found later, by the store (a grant the file names that
 * the association doesn't have), so that every problem is listed together.
 */
void
cr_transaction_import_add_problem (CrTransactionImport *self,
                                   guint                line,
                                   const char          *message)
{
  CrImportProblem *problem = g_new0 (CrImportProblem, 1);

  g_return_if_fail (self != NULL);

  problem->line = line;
  problem->message = g_strdup (message);
  g_ptr_array_add (self->problems, problem);
}

static char *
field (CrTransactionImport *self, guint record, int column)
{
  char *text;

  if (column < 0 ||
      (guint) column >= cr_csv_record_get_n_fields (self->csv, record))
    return NULL;
  text = cr_csv_dup_field_stripped (self->csv, record, (guint) column);
  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Reads one side of a Paid out / Paid in pair as a magnitude. */
static gboolean
parse_side (const char *text, gint64 *pence, GError **error)
{
  if (text == NULL)
    {
      *pence = 0;
      return TRUE;
    }
  if (!cr_money_parse (text, pence, error))
    return FALSE;
  if (*pence < 0)
    *pence = -*pence;
  return TRUE;
}

/**
 * cr_transaction_import_check:
 *
 * Finds the columns and reads every row.
 *
 * Returns: %TRUE if there are no problems; the rows are then ready
 */
gboolean
cr_transaction_import_check (CrTransactionImport *self)
{
  guint n_records;
  int   c_date, c_desc, c_amount, c_out, c_in, c_party, c_cat, c_grant, c_rec;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->checked)
    return self->problems->len == 0;
  self->checked = TRUE;

  n_records = cr_csv_get_n_records (self->csv);
  if (n_records == 0)
    {
      cr_transaction_import_add_problem (self, 1, _ ("The file is empty."));
      return FALSE;
    }

  c_date = cr_csv_find_column (self->csv, date_names);
  c_desc = cr_csv_find_column (self->csv, description_names);
  c_amount = cr_csv_find_column (self->csv, amount_names);
  c_out = cr_csv_find_column (self->csv, out_names);
  c_in = cr_csv_find_column (self->csv, in_names);
  c_party = cr_csv_find_column (self->csv, party_names);
  c_cat = cr_csv_find_column (self->csv, category_names);
  c_grant = cr_csv_find_column (self->csv, grant_names);
  c_rec = cr_csv_find_column (self->csv, receipt_names);

  if (c_date < 0)
    cr_transaction_import_add_problem (
        self, cr_csv_get_line (self->csv, 0),
        _ ("No column is headed “Date”; the first "
           "row must name the columns."));
  if (c_desc < 0)
    cr_transaction_import_add_problem (
        self, cr_csv_get_line (self->csv, 0),
        _ ("No column is headed “Description”."));
  if (c_amount < 0 && (c_out < 0 || c_in < 0))
    cr_transaction_import_add_problem (self, cr_csv_get_line (self->csv, 0),
                                       _ ("No column is headed “Amount”, and "
                                          "there are not both “Paid out” and "
                                          "“Paid in” columns."));
  if (self->problems->len > 0)
    return FALSE;

  for (guint r = 1; r < n_records; r++)
    {
      g_autofree char *date_text = NULL;
      g_autofree char *amount_text = NULL;
      g_autofree char *out_text = NULL;
      g_autofree char *in_text = NULL;
      g_autofree char *description = NULL;
      g_autoptr (GError) error = NULL;
      CrTransactionRow *row;
      guint             line = cr_csv_get_line (self->csv, r);
      GDate             date;
      gint64            amount = 0;
      gboolean          ok = TRUE;

      if (cr_csv_record_is_blank (self->csv, r))
        continue;

      date_text = field (self, r, c_date);
      description = field (self, r, c_desc);

      if (date_text == NULL)
        {
          cr_transaction_import_add_problem (self, line,
                                             _ ("The date is missing."));
          ok = FALSE;
        }
      else if (!cr_date_parse (date_text, &date, &error))
        {
          cr_transaction_import_add_problem (self, line, error->message);
          g_clear_error (&error);
          ok = FALSE;
        }

      if (description == NULL)
        {
          cr_transaction_import_add_problem (self, line,
                                             _ ("The description is missing; "
                                                "say what the money was for."));
          ok = FALSE;
        }

      if (c_amount >= 0)
        {
          amount_text = field (self, r, c_amount);
          if (amount_text == NULL)
            {
              cr_transaction_import_add_problem (self, line,
                                                 _ ("The amount is missing."));
              ok = FALSE;
            }
          else if (!cr_money_parse (amount_text, &amount, &error))
            {
              cr_transaction_import_add_problem (self, line, error->message);
              g_clear_error (&error);
              ok = FALSE;
            }
        }
      else
        {
          gint64 out = 0, in = 0;

          out_text = field (self, r, c_out);
          in_text = field (self, r, c_in);
          if (out_text != NULL && in_text != NULL)
            {
              cr_transaction_import_add_problem (self, line,
                                                 _ ("Both “Paid out” and “Paid "
                                                    "in” are filled; a row is "
                                                    "one or the other."));
              ok = FALSE;
            }
          else if (out_text == NULL && in_text == NULL)
            {
              cr_transaction_import_add_problem (self, line,
                                                 _ ("The amount is missing: "
                                                    "neither “Paid out” nor "
                                                    "“Paid in” is filled."));
              ok = FALSE;
            }
          else if (!parse_side (out_text, &out, &error) ||
                   !parse_side (in_text, &in, &error))
            {
              cr_transaction_import_add_problem (self, line, error->message);
              g_clear_error (&error);
              ok = FALSE;
            }
          amount = in - out;
        }

      if (ok && amount == 0)
        {
          cr_transaction_import_add_problem (self, line,
                                             _ ("The amount is £0.00; a row "
                                                "in the cash book moves some "
                                                "money."));
          ok = FALSE;
        }
      if (!ok)
        continue;

      row = g_new0 (CrTransactionRow, 1);
      row->line = line;
      row->date = cr_date_to_iso (&date);
      row->description = g_steal_pointer (&description);
      row->party = field (self, r, c_party);
      row->amount = amount;
      row->category = field (self, r, c_cat);
      row->grant = field (self, r, c_grant);
      row->receipt = field (self, r, c_rec);
      g_ptr_array_add (self->rows, row);
    }

  if (self->problems->len == 0 && self->rows->len == 0)
    cr_transaction_import_add_problem (self, cr_csv_get_line (self->csv, 0),
                                       _ ("The file has a heading row but no "
                                          "transactions."));
  return self->problems->len == 0;
}

/**
 * cr_transaction_import_get_rows:
 *
 * Returns: (transfer none) (element-type CrTransactionRow): the rows read
 *   without a problem, in file order
 */
GPtrArray *
cr_transaction_import_get_rows (CrTransactionImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->rows;
}

/**
 * cr_transaction_import_get_problems:
 *
 * Returns: (transfer none) (element-type CrImportProblem): every problem
 */
GPtrArray *
cr_transaction_import_get_problems (CrTransactionImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->problems;
}

/**
 * cr_transaction_import_get_csv:
 *
 * Returns: (transfer none): the file being imported
 */
CrCsv *
cr_transaction_import_get_csv (CrTransactionImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->csv;
}

static int
compare_problems (gconstpointer a, gconstpointer b)
{
  const CrImportProblem *pa = *(CrImportProblem *const *) a;
  const CrImportProblem *pb = *(CrImportProblem *const *) b;

  return pa->line < pb->line ? -1 : (pa->line > pb->line ? 1 : 0);
}

/**
 * cr_transaction_import_describe_problems:
 * @filename: the file's name as the user knows it
 * @max: how many to list before "and N more", or 0 for all
 *
 * Returns: (transfer full): the problems in line order, one a line, as
 *   "FILE:LINE: reason"
 */
char *
cr_transaction_import_describe_problems (CrTransactionImport *self,
                                         const char          *filename,
                                         guint                max)
{
  GString *out = g_string_new (NULL);
  guint    n;

  g_return_val_if_fail (self != NULL, NULL);

  /* Stable: problems of one line keep the order they were found in. */
  g_ptr_array_sort (self->problems, compare_problems);
  n = self->problems->len;
  for (guint i = 0; i < n && (max == 0 || i < max); i++)
    {
      CrImportProblem *p = g_ptr_array_index (self->problems, i);

      g_string_append_printf (out, "%s:%u: %s\n", filename, p->line,
                              p->message);
    }
  if (max > 0 && n > max)
    g_string_append_printf (out,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "… and %u more problem.\n",
                                         "… and %u more problems.\n", n - max),
                            n - max);
  return g_string_free (out, FALSE);
}
