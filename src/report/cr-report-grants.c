/* cr-report-grants.c: the treasurer's grants and cash book workbook
 *
 * What councils ask a treasurer for, per period:
 *
 * - "Summary": each grant awarded (or closed) with its award, what was
 *   spent in the period and to its end, and what remains; totals as
 *   formulas; and under it a native column chart of spending by category.
 * - "By category": income and spending per category in the period; the
 *   chart's data.
 * - One sheet per grant: every entry naming it in the period, with its
 *   receipt reference, so each penny can be traced to a receipt.
 * - "Cash book": every entry of the period, in date order, with its
 *   income or spending and the running balance of all accounts, then the
 *   totals, the opening balance and the closing balance as a formula
 *   (opening + income - spending).
 *
 * Every total carries the value the app worked out, so a preview shows it
 * without recalculating; the grants test recalculates in LibreOffice and
 * compares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-report"

#include "config.h"

#include "cr-report-grants.h"

#include "cr-date.h"
#include "cr-store-money.h"
#include "cr-xlsx.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static void
translate (const CrXlsxColumn *columns, CrXlsxColumn *out, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      out[i] = columns[i];
      out[i].title = _ (columns[i].title);
    }
}

static gboolean
in_period (const char *date, const char *from, const char *to)
{
  return (from == NULL || strcmp (date, from) >= 0) &&
         (to == NULL || strcmp (date, to) <= 0);
}

/* Income and spending of one category in the period. */
typedef struct
{
  char  *name;
  gint64 income;
  gint64 spent;
} CategoryTotal;

static void
category_total_free (CategoryTotal *c)
{
  g_free (c->name);
  g_free (c);
}

/* Spending by category as columns, under the summary's totals. */
static void
add_chart (CrXlsxSheet *summary, CrXlsxSheet *by_category, guint at_row)
{
  const CrXlsxChart chart = {
    .kind = CR_XLSX_CHART_COLUMN,
    .title = _ ("Spending by category"),
    .series_name = _ ("Spent"),
    .category_column = 0,
    .value_column = 2,
  };

  cr_xlsx_sheet_add_chart (summary, by_category, &chart, at_row, 0);
}

/**
 * cr_report_grants:
 * @store: the association file
 * @path: where to write the .xlsx; an existing file is replaced only once
 *   the new one is complete
 * @from: (nullable): ISO first day of the period
 * @to: (nullable): ISO last day of the period
 * @totals: (out) (optional): the figures the totals carry
 * @error: return location for a #CR_STORE_ERROR or a #CR_XLSX_ERROR
 *
 * Writes the grants workbook described at the top of this file.
 *
 * Returns: %TRUE if it was saved
 */
gboolean
cr_report_grants (CrStore              *store,
                  const char           *path,
                  const char           *from,
                  const char           *to,
                  CrGrantsReportTotals *totals,
                  GError              **error)
{
  static const CrXlsxColumn summary_columns[] = {
    { N_ ("Grant"), CR_XLSX_TEXT, 0 },
    { N_ ("Funder"), CR_XLSX_TEXT, 0 },
    { N_ ("Status"), CR_XLSX_TEXT, 0 },
    { N_ ("Period from"), CR_XLSX_DATE, 0 },
    { N_ ("Period to"), CR_XLSX_DATE, 0 },
    { N_ ("Awarded"), CR_XLSX_MONEY, 0 },
    { N_ ("Spent in period"), CR_XLSX_MONEY, 0 },
    { N_ ("Spent to date"), CR_XLSX_MONEY, 0 },
    { N_ ("Remaining"), CR_XLSX_MONEY, 0 },
  };
  static const CrXlsxColumn category_columns[] = {
    { N_ ("Category"), CR_XLSX_TEXT, 0 },
    { N_ ("Income"), CR_XLSX_MONEY, 0 },
    { N_ ("Spent"), CR_XLSX_MONEY, 0 },
  };
  static const CrXlsxColumn grant_columns[] = {
    { N_ ("Date"), CR_XLSX_DATE, 0 },
    { N_ ("Description"), CR_XLSX_TEXT, 40 },
    { N_ ("Payee or payer"), CR_XLSX_TEXT, 0 },
    { N_ ("Category"), CR_XLSX_TEXT, 0 },
    { N_ ("Receipt"), CR_XLSX_TEXT, 0 },
    { N_ ("Account"), CR_XLSX_TEXT, 0 },
    { N_ ("Method"), CR_XLSX_TEXT, 0 },
    { N_ ("Income"), CR_XLSX_MONEY, 0 },
    { N_ ("Spent"), CR_XLSX_MONEY, 0 },
  };
  static const CrXlsxColumn book_columns[] = {
    { N_ ("Date"), CR_XLSX_DATE, 0 },
    { N_ ("Account"), CR_XLSX_TEXT, 0 },
    { N_ ("Payee or payer"), CR_XLSX_TEXT, 0 },
    { N_ ("Description"), CR_XLSX_TEXT, 40 },
    { N_ ("Category"), CR_XLSX_TEXT, 0 },
    { N_ ("Grant"), CR_XLSX_TEXT, 0 },
    { N_ ("Method"), CR_XLSX_TEXT, 0 },
    { N_ ("Receipt"), CR_XLSX_TEXT, 0 },
    { N_ ("Income"), CR_XLSX_MONEY, 0 },
    { N_ ("Spent"), CR_XLSX_MONEY, 0 },
    { N_ ("Balance"), CR_XLSX_MONEY, 0 },
  };
  CrXlsxColumn summary_t[G_N_ELEMENTS (summary_columns)];
  CrXlsxColumn category_t[G_N_ELEMENTS (category_columns)];
  CrXlsxColumn grant_t[G_N_ELEMENTS (grant_columns)];
  CrXlsxColumn book_t[G_N_ELEMENTS (book_columns)];
  g_autoptr (GPtrArray) grants = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GPtrArray) categories =
      g_ptr_array_new_with_free_func ((GDestroyNotify) category_total_free);
  g_autoptr (GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) spent_in =
      g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (GHashTable) spent_by =
      g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (CrXlsx) xlsx = NULL;
  g_autofree char     *period = NULL;
  g_autofree char     *title = NULL;
  CrGrantsReportTotals local = { 0 };
  CrXlsxSheet         *summary, *by_category, *book;
  const char          *association;
  GError              *local_error = NULL;
  gint64               balance;
  guint                chart_row;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (totals == NULL)
    totals = &local;
  memset (totals, 0, sizeof *totals);

  grants = cr_store_list_grants (store, error);
  if (grants == NULL)
    return FALSE;
  entries = cr_store_list_entries (store, NULL, error);
  if (entries == NULL)
    return FALSE;
  totals->opening = cr_store_get_balance_before (
      store, from != NULL ? from : "0000-01-01", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  /* One pass over the cash book: per grant, per category, totals. */
  for (guint i = 0; i < entries->len; i++)
    {
      CrCashEntry *e = g_ptr_array_index (entries, i);
      gboolean     inside = in_period (e->date, from, to);
      gboolean     before_end = to == NULL || strcmp (e->date, to) <= 0;

      if (e->grant_id > 0 && e->amount < 0 && before_end)
        {
          gint64 *by = g_hash_table_lookup (spent_by, &e->grant_id);

          if (by == NULL)
            {
              by = g_new0 (gint64, 1);
              g_hash_table_insert (
                  spent_by, g_memdup2 (&e->grant_id, sizeof (gint64)), by);
            }
          *by -= e->amount;
          if (inside)
            {
              gint64 *in = g_hash_table_lookup (spent_in, &e->grant_id);

              if (in == NULL)
                {
                  in = g_new0 (gint64, 1);
                  g_hash_table_insert (
                      spent_in, g_memdup2 (&e->grant_id, sizeof (gint64)), in);
                }
              *in -= e->amount;
            }
        }
      if (!inside)
        continue;

      if (e->amount > 0)
        totals->income += e->amount;
      else
        totals->expenditure -= e->amount;

      {
        const char *name =
            e->category != NULL ? e->category : _ ("Uncategorised");
        CategoryTotal *c = g_hash_table_lookup (by_name, name);

        if (c == NULL)
          {
            c = g_new0 (CategoryTotal, 1);
            c->name = g_strdup (name);
            g_ptr_array_add (categories, c);
            g_hash_table_insert (by_name, c->name, c);
          }
        if (e->amount > 0)
          c->income += e->amount;
        else
          c->spent -= e->amount;
      }
    }
  totals->closing = totals->opening + totals->income - totals->expenditure;

  translate (summary_columns, summary_t, G_N_ELEMENTS (summary_t));
  translate (category_columns, category_t, G_N_ELEMENTS (category_t));
  translate (grant_columns, grant_t, G_N_ELEMENTS (grant_t));
  translate (book_columns, book_t, G_N_ELEMENTS (book_t));

  association = cr_store_get_association_name (store);
  period = cr_xlsx_describe_period (from, to);
  xlsx = cr_xlsx_new (path, association, _ ("Grants and cash book"), error);
  if (xlsx == NULL)
    return FALSE;

  /* Summary. */
  title = g_strdup_printf (_ ("%s: grants and spending"), association);
  summary = cr_xlsx_add_sheet (xlsx, _ ("Summary"), title, period, summary_t,
                               G_N_ELEMENTS (summary_t));
  for (guint i = 0; i < grants->len; i++)
    {
      CrGrant *g = g_ptr_array_index (grants, i);
      gint64  *in = g_hash_table_lookup (spent_in, &g->id);
      gint64  *by = g_hash_table_lookup (spent_by, &g->id);

      if (g->status != CR_GRANT_AWARDED && g->status != CR_GRANT_CLOSED)
        continue;
      cr_xlsx_sheet_add_text (summary, g->name);
      cr_xlsx_sheet_add_text (summary, g->funder);
      cr_xlsx_sheet_add_text (summary, cr_grant_status_get_label (g->status));
      cr_xlsx_sheet_add_date_iso (summary, g->period_start);
      cr_xlsx_sheet_add_date_iso (summary, g->period_end);
      cr_xlsx_sheet_add_money (summary, g->awarded);
      cr_xlsx_sheet_add_money (summary, in ? *in : 0);
      cr_xlsx_sheet_add_money (summary, by ? *by : 0);
      cr_xlsx_sheet_add_money (summary, g->awarded - (by ? *by : 0));
      cr_xlsx_sheet_end_row (summary);
      totals->awarded += g->awarded;
      totals->spent_in_period += in ? *in : 0;
    }
  cr_xlsx_sheet_begin_totals (summary, NULL);
  for (guint c = 1; c < 5; c++)
    cr_xlsx_sheet_add_blank (summary);
  for (guint c = 5; c < G_N_ELEMENTS (summary_t); c++)
    cr_xlsx_sheet_add_sum (summary);
  cr_xlsx_sheet_end_row (summary);
  chart_row = cr_xlsx_sheet_get_row (summary) + 1;

  /* By category, spending heads with the most spent first. */
  g_free (title);
  title =
      g_strdup_printf (_ ("%s: income and spending by category"), association);
  by_category = cr_xlsx_add_sheet (xlsx, _ ("By category"), title, period,
                                   category_t, G_N_ELEMENTS (category_t));
  for (guint i = 0; i < categories->len; i++)
    {
      CategoryTotal *c = g_ptr_array_index (categories, i);

      cr_xlsx_sheet_add_text (by_category, c->name);
      cr_xlsx_sheet_add_money (by_category, c->income);
      cr_xlsx_sheet_add_money (by_category, c->spent);
      cr_xlsx_sheet_end_row (by_category);
    }
  cr_xlsx_sheet_begin_totals (by_category, NULL);
  cr_xlsx_sheet_add_sum (by_category);
  cr_xlsx_sheet_add_sum (by_category);
  cr_xlsx_sheet_end_row (by_category);
  add_chart (summary, by_category, chart_row);

  /* One sheet per grant with entries in the period. */
  for (guint i = 0; i < grants->len; i++)
    {
      CrGrant         *g = g_ptr_array_index (grants, i);
      g_autofree char *grant_title = NULL;
      CrXlsxSheet     *sheet = NULL;

      for (guint j = 0; j < entries->len; j++)
        {
          CrCashEntry *e = g_ptr_array_index (entries, j);

          if (e->grant_id != g->id || !in_period (e->date, from, to))
            continue;
          if (sheet == NULL)
            {
              /* Translators: a grant's sheet: the association, the
               * grant and its funder. */
              grant_title = g_strdup_printf (_ ("%s: %s, from %s"), association,
                                             g->name, g->funder);
              sheet = cr_xlsx_add_sheet (xlsx, g->name, grant_title, period,
                                         grant_t, G_N_ELEMENTS (grant_t));
            }
          cr_xlsx_sheet_add_date_iso (sheet, e->date);
          cr_xlsx_sheet_add_text (sheet, e->description);
          cr_xlsx_sheet_add_text (sheet, e->party);
          cr_xlsx_sheet_add_text (sheet, e->category);
          cr_xlsx_sheet_add_text (sheet, e->receipt);
          cr_xlsx_sheet_add_text (sheet, e->account);
          cr_xlsx_sheet_add_text (sheet, cr_pay_method_get_label (e->method));
          if (e->amount > 0)
            {
              cr_xlsx_sheet_add_money (sheet, e->amount);
              cr_xlsx_sheet_add_blank (sheet);
            }
          else
            {
              cr_xlsx_sheet_add_blank (sheet);
              cr_xlsx_sheet_add_money (sheet, -e->amount);
            }
          if (!cr_xlsx_sheet_end_row (sheet))
            break;
        }
      if (sheet != NULL)
        {
          cr_xlsx_sheet_begin_totals (sheet, NULL);
          for (guint c = 1; c < 7; c++)
            cr_xlsx_sheet_add_blank (sheet);
          cr_xlsx_sheet_add_sum (sheet);
          cr_xlsx_sheet_add_sum (sheet);
          cr_xlsx_sheet_end_row (sheet);
        }
    }

  /* The cash book of the period. */
  g_free (title);
  title = g_strdup_printf (_ ("%s: cash book"), association);
  book = cr_xlsx_add_sheet (xlsx, _ ("Cash book"), title, period, book_t,
                            G_N_ELEMENTS (book_t));
  balance = totals->opening;
  for (guint i = 0; i < entries->len; i++)
    {
      CrCashEntry *e = g_ptr_array_index (entries, i);

      if (!in_period (e->date, from, to))
        continue;
      balance += e->amount;
      cr_xlsx_sheet_add_date_iso (book, e->date);
      cr_xlsx_sheet_add_text (book, e->account);
      cr_xlsx_sheet_add_text (book, e->party);
      cr_xlsx_sheet_add_text (book, e->description);
      cr_xlsx_sheet_add_text (book, e->category);
      cr_xlsx_sheet_add_text (book, e->grant);
      cr_xlsx_sheet_add_text (book, cr_pay_method_get_label (e->method));
      cr_xlsx_sheet_add_text (book, e->receipt);
      if (e->amount > 0)
        {
          cr_xlsx_sheet_add_money (book, e->amount);
          cr_xlsx_sheet_add_blank (book);
        }
      else
        {
          cr_xlsx_sheet_add_blank (book);
          cr_xlsx_sheet_add_money (book, -e->amount);
        }
      cr_xlsx_sheet_add_money (book, balance);
      if (!cr_xlsx_sheet_end_row (book))
        break;
    }

  {
    guint            totals_row, opening_row;
    g_autofree char *formula = NULL;

    /* Totals of income and spending (Excel rows count from 1). */
    cr_xlsx_sheet_begin_totals (book, _ ("Total"));
    totals_row = cr_xlsx_sheet_get_row (book) + 1;
    for (guint c = 1; c < 8; c++)
      cr_xlsx_sheet_add_blank (book);
    cr_xlsx_sheet_add_sum (book);
    cr_xlsx_sheet_add_sum (book);
    cr_xlsx_sheet_end_row (book);

    cr_xlsx_sheet_begin_totals (book, _ ("Opening balance"));
    opening_row = cr_xlsx_sheet_get_row (book) + 1;
    for (guint c = 1; c < 10; c++)
      cr_xlsx_sheet_add_blank (book);
    cr_xlsx_sheet_add_money (book, totals->opening);
    cr_xlsx_sheet_end_row (book);

    cr_xlsx_sheet_begin_totals (book, _ ("Closing balance"));
    for (guint c = 1; c < 10; c++)
      cr_xlsx_sheet_add_blank (book);
    formula =
        g_strdup_printf ("=K%u+I%u-J%u", opening_row, totals_row, totals_row);
    cr_xlsx_sheet_add_formula_money (book, formula, totals->closing);
    cr_xlsx_sheet_end_row (book);
  }

  return cr_xlsx_close (xlsx, cr_store_get_path (store), error);
}
