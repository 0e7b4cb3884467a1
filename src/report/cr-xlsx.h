/* cr-xlsx.h: the house format every council report is written in
 *
 * One CrXlsx is one workbook on its way to a file. Each sheet opens with a
 * title, an optional period and a bold, frozen header row; rows are then
 * written in order, one cell at a time from the left, and may end with a
 * totals row whose sums are formulas carrying their computed values. Closing
 * adds an "About" sheet and moves the finished file onto its path in one
 * step, so a failure never leaves half a report or spoils an older one.
 *
 * Rows are streamed to disk as they are finished (libxlsxwriter's
 * constant-memory mode), so a sheet of a million cells costs a few
 * megabytes; the price is that a row cannot be revisited once the next one
 * has begun.
 *
 * Errors are sticky, as in cairo: once a write fails, later writes do
 * nothing, cr_xlsx_sheet_end_row() returns %FALSE so a long loop can stop,
 * and cr_xlsx_close() reports the first failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CR_XLSX_ERROR (cr_xlsx_error_quark ())

typedef enum
{
  CR_XLSX_ERROR_WRITE,     /* the file or a temporary could not be written */
  CR_XLSX_ERROR_NO_SPACE,  /* the disk (or the user's quota) is full */
  CR_XLSX_ERROR_TOO_LARGE, /* more rows or columns than a sheet can hold */
} CrXlsxError;

/* What a column holds; it chooses the number format of the cells written
 * into it, the default width, and what a totals row sums. */
typedef enum
{
  CR_XLSX_TEXT = 0,  /* always stored as text, never as a formula */
  CR_XLSX_DATE,      /* ISO `YYYY-MM-DD` in, a real date out, dd/mm/yyyy */
  CR_XLSX_MONEY,     /* gint64 pence in, a number out, £#,##0.00 */
  CR_XLSX_INTEGER,   /* gint64 in, a whole number out */
  CR_XLSX_PERCENT,   /* part and whole in, a fraction out, 0% */
} CrXlsxKind;

/* One column of a sheet. A @width of 0 means "fit": the widest of the title
 * and the text written into the column, within sensible bounds. Widths are
 * in Excel's units (about one digit of the default font). */
typedef struct
{
  const char *title;
  CrXlsxKind  kind;
  double      width;
} CrXlsxColumn;

/* The limits of one sheet, Excel's own. */
#define CR_XLSX_MAX_ROWS        1048576
#define CR_XLSX_MAX_COLUMNS     16384
#define CR_XLSX_MAX_TEXT        32767
#define CR_XLSX_MAX_SHEET_NAME  31

typedef struct _CrXlsx      CrXlsx;
typedef struct _CrXlsxSheet CrXlsxSheet;

GQuark        cr_xlsx_error_quark            (void);

CrXlsx       *cr_xlsx_new                    (const char          *path,
                                              const char          *association,
                                              const char          *report,
                                              GError             **error);
CrXlsxSheet  *cr_xlsx_add_sheet              (CrXlsx              *self,
                                              const char          *name,
                                              const char          *title,
                                              const char          *period,
                                              const CrXlsxColumn  *columns,
                                              guint                n_columns);
gboolean      cr_xlsx_close                  (CrXlsx              *self,
                                              const char          *source_file,
                                              GError             **error);
void          cr_xlsx_free                   (CrXlsx              *self);

const char   *cr_xlsx_get_path               (CrXlsx              *self);

void          cr_xlsx_sheet_add_text         (CrXlsxSheet         *sheet,
                                              const char          *text);
void          cr_xlsx_sheet_add_date_iso     (CrXlsxSheet         *sheet,
                                              const char          *iso);
void          cr_xlsx_sheet_add_money        (CrXlsxSheet         *sheet,
                                              gint64               pence);
void          cr_xlsx_sheet_add_integer      (CrXlsxSheet         *sheet,
                                              gint64               value);
void          cr_xlsx_sheet_add_percent      (CrXlsxSheet         *sheet,
                                              gint64               part,
                                              gint64               whole);
void          cr_xlsx_sheet_add_blank        (CrXlsxSheet         *sheet);
gboolean      cr_xlsx_sheet_end_row          (CrXlsxSheet         *sheet);

void          cr_xlsx_sheet_begin_totals     (CrXlsxSheet         *sheet,
                                              const char          *label);
void          cr_xlsx_sheet_add_sum          (CrXlsxSheet         *sheet);
void          cr_xlsx_sheet_add_count_if     (CrXlsxSheet         *sheet,
                                              const char          *text,
                                              gint64               count);

void          cr_xlsx_sheet_add_formula_money (CrXlsxSheet        *sheet,
                                              const char          *formula,
                                              gint64               pence);
guint         cr_xlsx_sheet_get_row          (CrXlsxSheet         *sheet);

const char   *cr_xlsx_sheet_get_name         (CrXlsxSheet         *sheet);
guint         cr_xlsx_sheet_get_n_data_rows  (CrXlsxSheet         *sheet);
gint64        cr_xlsx_sheet_get_sum          (CrXlsxSheet         *sheet,
                                              guint                column);

char         *cr_xlsx_sanitize_sheet_name    (const char          *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrXlsx, cr_xlsx_free)

G_END_DECLS
