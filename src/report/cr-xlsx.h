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
 * has begun, and that cells cannot be merged (libxlsxwriter refuses merged
 * ranges in that mode). There is deliberately no random-access mode: every
 * report, the small annual return included, is written sheet by sheet, top
 * to bottom. A sheet written first that points at figures further on (a
 * cover) works their addresses out in advance with cr_xlsx_ref() and
 * %CR_XLSX_FIRST_DATA_ROW: a totals row's place follows from the number of
 * records. Charts and links are drawn beside the cells, so they may be
 * added at any time.
 *
 * Every report goes through here, and only here, so each one gets the
 * same title block, fonts, number and date formats, print setup and About
 * sheet; no report calls libxlsxwriter itself. Besides plain tables a
 * sheet can hold formulas that carry their value (counts, money, sums
 * and references to cells of other sheets), links to a cell of another
 * sheet, wrapped text that sets its row's height, good/bad marked text,
 * label/value "form" sheets (a cover) and native charts of its records.
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
  CR_XLSX_WRAP,      /* text wrapped in a column of a fixed width, the
                      * row made tall enough for its lines */
} CrXlsxKind;

/* How a marked cell is shown: a "Yes" that is good news, a "No" that
 * needs attention. */
typedef enum
{
  CR_XLSX_MARK_NONE = 0,
  CR_XLSX_MARK_GOOD,  /* bold green */
  CR_XLSX_MARK_BAD,   /* bold red */
} CrXlsxMark;

typedef enum
{
  CR_XLSX_CHART_COLUMN,
  CR_XLSX_CHART_BAR,   /* horizontal bars, the first record at the top */
  CR_XLSX_CHART_LINE,
} CrXlsxChartKind;

/* A native chart of one column of a sheet's records. The value axis takes
 * the column's number format (money, percent) and starts at 0; a percent
 * axis ends at 100%. */
typedef struct
{
  CrXlsxChartKind  kind;
  const char      *title;
  const char      *series_name;
  const char      *category_axis_name; /* nullable */
  int              category_column;    /* -1: the records are numbered */
  guint            value_column;
  double           x_scale;            /* 0 means 1 */
  double           y_scale;
} CrXlsxChart;

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

/* The house layout, counting rows from 0 as cr_xlsx_sheet_get_row() does:
 * title, period, a blank row, the header, then the records. A report that
 * points at a cell of a sheet it has not written yet (a cover written
 * first) works its address out from these. */
#define CR_XLSX_TITLE_ROW       0
#define CR_XLSX_PERIOD_ROW      1
#define CR_XLSX_HEADER_ROW      3
#define CR_XLSX_FIRST_DATA_ROW  4

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
CrXlsxSheet  *cr_xlsx_add_form_sheet         (CrXlsx              *self,
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
void          cr_xlsx_sheet_add_formula      (CrXlsxSheet         *sheet,
                                              const char          *formula,
                                              CrXlsxKind           kind,
                                              gint64               value);
void          cr_xlsx_sheet_add_count_all    (CrXlsxSheet         *sheet,
                                              gint64               count);
void          cr_xlsx_sheet_add_label        (CrXlsxSheet         *sheet,
                                              const char          *text);
void          cr_xlsx_sheet_add_heading      (CrXlsxSheet         *sheet,
                                              const char          *text);
void          cr_xlsx_sheet_add_marked_text  (CrXlsxSheet         *sheet,
                                              const char          *text,
                                              CrXlsxMark           mark);
void          cr_xlsx_sheet_add_link         (CrXlsxSheet         *sheet,
                                              const char          *text,
                                              const char          *target);
void          cr_xlsx_sheet_add_note         (CrXlsxSheet         *sheet,
                                              const char          *text);
void          cr_xlsx_sheet_add_chart        (CrXlsxSheet         *sheet,
                                              CrXlsxSheet         *data,
                                              const CrXlsxChart   *chart,
                                              guint                row,
                                              guint                col);
guint         cr_xlsx_sheet_get_row          (CrXlsxSheet         *sheet);
char         *cr_xlsx_sheet_get_last_ref     (CrXlsxSheet         *sheet);

char         *cr_xlsx_ref                    (const char          *sheet_name,
                                              guint                row,
                                              guint                col);
char         *cr_xlsx_range_ref              (const char          *sheet_name,
                                              guint                first_row,
                                              guint                last_row,
                                              guint                col);
char         *cr_xlsx_cell                   (guint                row,
                                              guint                col);
char         *cr_xlsx_describe_as_at         (const char          *iso);
char         *cr_xlsx_describe_period        (const char          *from,
                                              const char          *to);
void          cr_xlsx_set_period             (CrXlsx              *self,
                                              const char          *period);

const char   *cr_xlsx_sheet_get_name         (CrXlsxSheet         *sheet);
guint         cr_xlsx_sheet_get_n_data_rows  (CrXlsxSheet         *sheet);
gint64        cr_xlsx_sheet_get_sum          (CrXlsxSheet         *sheet,
                                              guint                column);

char         *cr_xlsx_sanitize_sheet_name    (const char          *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrXlsx, cr_xlsx_free)

G_END_DECLS
