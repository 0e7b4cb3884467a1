/* cr-xlsx.c: the house format every council report is written in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-report"

#include "config.h"

#include "cr-xlsx.h"
#include "cr-xlsx-private.h"

#include "cr-date.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

/* Every sheet has the same shape, so a reader (and a test) always finds the
 * header in row 4 and the first record in row 5, frozen below the header. */
#define TITLE_ROW      CR_XLSX_TITLE_ROW
#define PERIOD_ROW     CR_XLSX_PERIOD_ROW
#define HEADER_ROW     CR_XLSX_HEADER_ROW
#define FIRST_DATA_ROW CR_XLSX_FIRST_DATA_ROW

/* Excel's paper code for A4, and the total column width beyond which a
 * sheet prints across the page rather than down it. */
#define PAPER_A4        9
#define LANDSCAPE_WIDTH 100.0

#define MIN_FIT_WIDTH   6.0
#define MAX_FIT_WIDTH   60.0

/* The one place money becomes a double: a workbook stores every number as
 * one, so the cell holds pounds. Sums stay exact in integer pence, and the
 * pounds are exact for amounts under £10 trillion. */
static inline double
cell_pounds (gint64 pence)
{
  return (double) pence / 100.0;
}

/* A sheet longer than Excel allows goes on in further worksheets, "Name
 * (2)" and on, each laid out like the first: a part is one of them. */
typedef struct
{
  lxw_worksheet *worksheet;
  char          *name;
  guint          first;      /* the sheet's record number it starts with */
} SheetPart;

struct _CrXlsxSheet
{
  CrXlsx        *owner;
  lxw_worksheet *worksheet;  /* the part being written */
  char          *name;       /* the first part's name */
  GArray        *parts;      /* of SheetPart, the first one included */
  char          *title;
  char          *period;
  char         **headings;

  guint          n_columns;
  CrXlsxKind    *kinds;
  double        *widths;     /* as asked; 0 means fit */
  guint         *fit;        /* widest text seen, in characters */
  gint64        *sums;       /* of money and integer cells, exactly */

  lxw_row_t      row;        /* the row being written */
  lxw_col_t      col;        /* the next cell in it */
  lxw_row_t      last_row;   /* the cell last claimed, for a reference */
  lxw_col_t      last_col;
  guint          row_lines; /* wrapped lines of the tallest cell */
  guint          n_data_rows;
  guint          form : 1; /* label/value rows: no filter */
  guint          has_last : 1;
  guint          row_open : 1;
  guint          data_ended : 1;
  guint          in_totals : 1;
};

struct _CrXlsx
{
  lxw_workbook  *workbook;
  char          *path;
  char          *tmp_path;
  char          *tmpdir;
  char          *display_name;
  char          *association;
  char          *report;
  GPtrArray     *sheets;
  GHashTable    *used_names; /* casefolded, as Excel compares them */
  char          *period;     /* for sheets added without one */
  GError        *error;      /* the first failure; later writes do nothing */
  guint          max_rows;   /* Excel's limit; lower in tests */

  lxw_format    *title_format;
  lxw_format    *period_format;
  lxw_format    *header_format;
  lxw_format    *date_format;
  lxw_format    *datetime_format;
  lxw_format    *money_format;
  lxw_format    *integer_format;
  lxw_format    *percent_format;
  lxw_format    *bold_format;
  lxw_format    *total_money_format;
  lxw_format    *total_integer_format;
  lxw_format    *wrap_format;
  lxw_format    *top_format;
  lxw_format    *link_format;
  lxw_format    *good_format;
  lxw_format    *bad_format;

  guint          closed : 1;
};

G_DEFINE_QUARK (cr-xlsx-error-quark, cr_xlsx_error)

/* libxlsxwriter formats numbers with printf ("%.16G"), which follows
 * LC_NUMERIC: under a French or German locale 1234.5 would become "1234,5"
 * and Excel would refuse the file. Each call into the library therefore
 * runs under the C locale, switched for this thread only, so a report
 * written in a worker thread never disturbs the window's locale. */
static locale_t
c_locale (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      locale_t locale = newlocale (LC_ALL_MASK, "C", (locale_t) 0);

      g_once_init_leave (&once, (gsize) locale);
    }
  return (locale_t) once;
}

static void
sheet_free (CrXlsxSheet *sheet)
{
  for (guint i = 0; sheet->parts != NULL && i < sheet->parts->len; i++)
    g_free (g_array_index (sheet->parts, SheetPart, i).name);
  g_clear_pointer (&sheet->parts, g_array_unref);
  g_free (sheet->title);
  g_free (sheet->period);
  g_strfreev (sheet->headings);
  g_free (sheet->name);
  g_free (sheet->kinds);
  g_free (sheet->widths);
  g_free (sheet->fit);
  g_free (sheet->sums);
  g_free (sheet);
}

static void
fail (CrXlsx      *self,
      CrXlsxError  code,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static void
fail (CrXlsx      *self,
      CrXlsxError  code,
      const char  *format,
      ...)
{
  va_list args;

  if (self->error != NULL)
    return;

  va_start (args, format);
  self->error = g_error_new_valist (CR_XLSX_ERROR, code, format, args);
  va_end (args);
  g_debug ("%s", self->error->message);
}

static gboolean
errno_is_no_space (int saved_errno)
{
  return saved_errno == ENOSPC || saved_errno == EDQUOT ||
         saved_errno == EFBIG;
}

static void
fail_errno (CrXlsx *self,
            int     saved_errno)
{
  if (errno_is_no_space (saved_errno))
    fail (self, CR_XLSX_ERROR_NO_SPACE,
          _("The disk is full or not writable; nothing was saved to “%s”. "
            "Free some space or choose another folder. (%s)"),
          self->display_name, g_strerror (saved_errno));
  else
    fail (self, CR_XLSX_ERROR_WRITE,
          _("Could not save “%s”: %s. Nothing was saved; check the folder "
            "or choose another one."),
          self->display_name, g_strerror (saved_errno));
}

/* Turns one of libxlsxwriter's error codes into a sentence a volunteer can
 * act on, keeping the library's own words in brackets for a bug report. */
static void
fail_lxw (CrXlsx    *self,
          lxw_error  err)
{
  switch (err)
    {
    case LXW_NO_ERROR:
      return;

    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      fail (self, CR_XLSX_ERROR_NO_SPACE,
            _("The disk is full or not writable; nothing was saved to “%s”. "
              "Free some space or choose another folder. (%s)"),
            self->display_name, lxw_strerror (err));
      break;

    case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
      fail (self, CR_XLSX_ERROR_TOO_LARGE,
            _("The report has more rows or columns than a spreadsheet can "
              "hold (1,048,576 rows, 16,384 columns); nothing was saved to "
              "“%s”. Choose a shorter period."),
            self->display_name);
      break;

    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      fail (self, CR_XLSX_ERROR_WRITE,
            _("There was not enough memory to make the spreadsheet; nothing "
              "was saved to “%s”."),
            self->display_name);
      break;

    default:
      fail (self, CR_XLSX_ERROR_WRITE,
            _("Could not write the spreadsheet; nothing was saved to “%s”. "
              "(%s)"),
            self->display_name, lxw_strerror (err));
      break;
    }
}

static gboolean
usable (CrXlsx *self)
{
  return self->error == NULL && !self->closed;
}

/* Excel counts a sheet name in UTF-16 units, so a character outside the
 * Basic Multilingual Plane costs two. */
static guint
utf16_length (gunichar c)
{
  return c > 0xFFFF ? 2 : 1;
}

/**
 * cr_xlsx_sanitize_sheet_name:
 * @name: (nullable): the name a report would like its sheet to have
 *
 * Makes @name acceptable to Excel: no `[ ] : * ? / \`, no control
 * characters, no apostrophe at either end, at most 31 characters, not the
 * reserved "History", never empty. It does not make names unique; a
 * workbook does that as it adds sheets.
 *
 * Returns: (transfer full): the name to use
 */
char *
cr_xlsx_sanitize_sheet_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name != NULL ? name : "", -1);
  GString *out = g_string_new (NULL);
  guint units = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\", (int) c) != NULL && c < 0x80)
        c = '-';
      else if (g_unichar_iscntrl (c))
        c = ' ';
      if (units + utf16_length (c) > CR_XLSX_MAX_SHEET_NAME)
        break;
      units += utf16_length (c);
      g_string_append_unichar (out, c);
    }

  g_strstrip (out->str);
  out->len = strlen (out->str);
  while (out->len > 0 && out->str[out->len - 1] == '\'')
    g_string_truncate (out, out->len - 1);
  while (out->len > 0 && out->str[0] == '\'')
    g_string_erase (out, 0, 1);
  g_strstrip (out->str);
  out->len = strlen (out->str);

  if (out->len == 0)
    g_string_assign (out, _("Sheet"));
  else if (g_ascii_strcasecmp (out->str, "History") == 0)
    g_string_append (out, " (1)");

  return g_string_free (out, FALSE);
}

/* Cuts @name so that @suffix still fits in Excel's 31 units. */
static char *
name_with_suffix (const char *name,
                  const char *suffix)
{
  GString *out = g_string_new (NULL);
  guint units = (guint) g_utf8_strlen (suffix, -1);

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (units + utf16_length (c) > CR_XLSX_MAX_SHEET_NAME)
        break;
      units += utf16_length (c);
      g_string_append_unichar (out, c);
    }
  g_string_append (out, suffix);
  return g_string_free (out, FALSE);
}

static char *
unique_sheet_name (CrXlsx     *self,
                   const char *wanted)
{
  g_autofree char *base = cr_xlsx_sanitize_sheet_name (wanted);
  char *name = g_strdup (base);

  for (guint i = 2; ; i++)
    {
      char *folded = g_utf8_casefold (name, -1);
      g_autofree char *suffix = NULL;

      if (!g_hash_table_contains (self->used_names, folded))
        {
          g_hash_table_add (self->used_names, folded);
          return name;
        }
      g_free (folded);
      g_free (name);
      suffix = g_strdup_printf (" (%u)", i);
      name = name_with_suffix (base, suffix);
    }
}

static lxw_format *
add_format (CrXlsx     *self,
            gboolean    bold,
            const char *num_format)
{
  lxw_format *format = workbook_add_format (self->workbook);

  /* Only a failed allocation gives no format; every later write would
   * then be unformatted, so the workbook fails instead. */
  if (format == NULL)
    {
      fail_lxw (self, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return NULL;
    }
  if (bold)
    format_set_bold (format);
  if (num_format != NULL)
    format_set_num_format (format, num_format);
  /* A row made tall by wrapped text reads from its top, every cell of it
   * (Excel's default is the bottom). */
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  return format;
}

/**
 * cr_xlsx_new:
 * @path: where the finished file should end up; an existing file there is
 *   replaced, but only once the new one is complete
 * @association: (nullable): the association's name, for the document
 *   properties and the "About" sheet
 * @report: (nullable): the report's name, as above
 * @error: return location for a #CR_XLSX_ERROR
 *
 * Starts a workbook. It is written to a hidden temporary file beside @path
 * (so the final rename stays on one file system) with libxlsxwriter's own
 * scratch files in the app's private cache folder, never in a shared /tmp.
 * Nothing appears at @path until cr_xlsx_close() succeeds.
 *
 * Returns: (transfer full) (nullable): the workbook, or %NULL if the folder
 *   cannot be written to; free with cr_xlsx_free()
 */
CrXlsx *
cr_xlsx_new (const char  *path,
             const char  *association,
             const char  *report,
             GError     **error)
{
  g_autoptr (CrXlsx) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  lxw_workbook_options options = { 0 };
  int fd;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (CrXlsx, 1);
  self->path = g_strdup (path);
  self->display_name = g_filename_display_basename (path);
  self->association = g_strdup (association != NULL ? association : "");
  self->report = g_strdup (report != NULL ? report : "");
  self->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_free);
  self->max_rows = CR_XLSX_MAX_ROWS;
  self->used_names = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, NULL);

  self->tmpdir = g_build_filename (g_get_user_cache_dir (), "commonroom",
                                   "tmp", NULL);
  if (g_mkdir_with_parents (self->tmpdir, 0700) != 0)
    {
      fail_errno (self, errno);
      g_propagate_error (error, g_steal_pointer (&self->error));
      return NULL;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  template = g_strdup_printf (".%s.XXXXXX.part", base);
  self->tmp_path = g_build_filename (dir, template, NULL);
  fd = g_mkstemp_full (self->tmp_path, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      fail_errno (self, errno);
      g_clear_pointer (&self->tmp_path, g_free);
      g_propagate_error (error, g_steal_pointer (&self->error));
      return NULL;
    }
  close (fd);

  options.constant_memory = LXW_TRUE;
  options.tmpdir = self->tmpdir;
  self->workbook = workbook_new_opt (self->tmp_path, &options);
  if (self->workbook == NULL)
    {
      fail_lxw (self, LXW_ERROR_MEMORY_MALLOC_FAILED);
      g_propagate_error (error, g_steal_pointer (&self->error));
      return NULL;
    }

  self->title_format = add_format (self, TRUE, NULL);
  if (self->title_format != NULL)
    format_set_font_size (self->title_format, 14);
  self->period_format = add_format (self, FALSE, NULL);
  if (self->period_format != NULL)
    format_set_italic (self->period_format);
  self->header_format = add_format (self, TRUE, NULL);
  if (self->header_format != NULL)
    format_set_bottom (self->header_format, LXW_BORDER_THIN);
  self->date_format = add_format (self, FALSE, "dd/mm/yyyy");
  self->datetime_format = add_format (self, FALSE, "dd/mm/yyyy hh:mm");
  self->money_format = add_format (self, FALSE, "£#,##0.00");
  self->integer_format = add_format (self, FALSE, "0");
  self->percent_format = add_format (self, FALSE, "0%");
  self->bold_format = add_format (self, TRUE, NULL);
  self->total_money_format = add_format (self, TRUE, "£#,##0.00");
  if (self->total_money_format != NULL)
    format_set_top (self->total_money_format, LXW_BORDER_THIN);
  self->total_integer_format = add_format (self, TRUE, "0");
  if (self->total_integer_format != NULL)
    format_set_top (self->total_integer_format, LXW_BORDER_THIN);
  self->wrap_format = add_format (self, FALSE, NULL);
  if (self->wrap_format != NULL)
    format_set_text_wrap (self->wrap_format);
  /* Plain text is written without a format (the fast path); in a tall
   * row it takes the row's, which puts it at the top too. */
  self->top_format = add_format (self, FALSE, NULL);
  /* GNOME's own blue, green and red, as a link and good or bad news. */
  self->link_format = add_format (self, FALSE, NULL);
  if (self->link_format != NULL)
    {
      format_set_underline (self->link_format, LXW_UNDERLINE_SINGLE);
      format_set_font_color (self->link_format, 0x1A5FB4);
    }
  self->good_format = add_format (self, TRUE, NULL);
  if (self->good_format != NULL)
    format_set_font_color (self->good_format, 0x26A269);
  self->bad_format = add_format (self, TRUE, NULL);
  if (self->bad_format != NULL)
    format_set_font_color (self->bad_format, 0xC01C28);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * cr_xlsx_free:
 * @self: (nullable) (transfer full): a workbook
 *
 * Frees @self. A workbook that was never closed is abandoned: its
 * temporary file is removed and nothing is written at its path.
 */
void
cr_xlsx_free (CrXlsx *self)
{
  if (self == NULL)
    return;

  if (self->workbook != NULL)
    lxw_workbook_free (self->workbook);
  if (self->tmp_path != NULL)
    g_unlink (self->tmp_path);

  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&self->used_names, g_hash_table_unref);
  g_clear_error (&self->error);
  g_free (self->path);
  g_free (self->tmp_path);
  g_free (self->tmpdir);
  g_free (self->display_name);
  g_free (self->association);
  g_free (self->report);
  g_free (self->period);
  g_free (self);
}

/**
 * cr_xlsx_get_path:
 * @self: a workbook
 *
 * Returns: (transfer none): the path the workbook will be saved to
 */
const char *
cr_xlsx_get_path (CrXlsx *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

/* A header or footer string: '&' starts a code there, so a literal one is
 * doubled, and Excel allows 255 characters in all. */
static char *
escape_header (const char *text,
               glong       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *cut = g_utf8_substring (valid, 0,
                                           MIN (g_utf8_strlen (valid, -1),
                                                max_chars));
  GString *out = g_string_new (NULL);

  for (const char *p = cut; *p != '\0'; p++)
    {
      if (*p == '&')
        g_string_append_c (out, '&');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static double
default_width (CrXlsxKind kind)
{
  switch (kind)
    {
    case CR_XLSX_DATE:
      return 11.0;
    case CR_XLSX_MONEY:
      return 14.0;
    case CR_XLSX_INTEGER:
    case CR_XLSX_PERCENT:
      return 8.0;
    case CR_XLSX_TEXT:
    default:
      return 10.0;
    }
}

static void
write_header_footer (CrXlsxSheet *sheet,
                     const char  *title)
{
  CrXlsx *self = sheet->owner;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");
  g_autofree char *escaped_title = escape_header (title, 100);
  g_autofree char *made = NULL;
  g_autofree char *escaped_made = NULL;
  g_autofree char *header = NULL;
  g_autofree char *footer = NULL;

  /* TRANSLATORS: the left of each printed page's footer; %s is a date. */
  made = g_strdup_printf (_("Made by Common Room on %s"), today);
  escaped_made = escape_header (made, 80);
  header = g_strdup_printf ("&C%s", escaped_title);
  /* TRANSLATORS: keep &P (this page) and &N (the number of pages). */
  footer = g_strdup_printf ("&L%s&R%s", escaped_made, _("Page &P of &N"));

  fail_lxw (self, worksheet_set_header (sheet->worksheet, header));
  fail_lxw (self, worksheet_set_footer (sheet->worksheet, footer));
}

/* Writes text that is already valid UTF-8 and short enough. It is always
 * a string cell: text that looks like a formula stays text. */
static void
write_string (CrXlsxSheet *sheet,
              lxw_row_t    row,
              lxw_col_t    col,
              const char  *text,
              lxw_format  *format)
{
  locale_t old = uselocale (c_locale ());
  lxw_error err = worksheet_write_string (sheet->worksheet, row, col, text,
                                          format);

  uselocale (old);
  fail_lxw (sheet->owner, err);
}

static void
write_number (CrXlsxSheet *sheet,
              lxw_col_t    col,
              double       value,
              lxw_format  *format)
{
  locale_t old = uselocale (c_locale ());
  lxw_error err = worksheet_write_number (sheet->worksheet, sheet->row, col,
                                          value, format);

  uselocale (old);
  fail_lxw (sheet->owner, err);
}

/* Starts a worksheet for @sheet named @name (taken), laid out in the house
 * style, and makes it the one written to. */
static void
add_part (CrXlsxSheet *sheet,
          char        *name)
{
  CrXlsx *self = sheet->owner;
  SheetPart part = { NULL, name, sheet->n_data_rows };
  locale_t old;

  old = uselocale (c_locale ());
  part.worksheet = workbook_add_worksheet (self->workbook, name);
  uselocale (old);
  g_array_append_val (sheet->parts, part);
  sheet->worksheet = part.worksheet;
  sheet->row = FIRST_DATA_ROW;
  sheet->col = 0;
  if (sheet->worksheet == NULL)
    {
      /* In constant-memory mode the only likely cause is the scratch
       * file for the sheet's rows. */
      fail_lxw (self, LXW_ERROR_CREATING_TMPFILE);
      return;
    }

  if (*sheet->title != '\0')
    write_string (sheet, TITLE_ROW, 0, sheet->title, self->title_format);
  if (*sheet->period != '\0')
    write_string (sheet, PERIOD_ROW, 0, sheet->period, self->period_format);
  for (guint i = 0; i < sheet->n_columns; i++)
    write_string (sheet, HEADER_ROW, (lxw_col_t) i, sheet->headings[i],
                  self->header_format);

  worksheet_freeze_panes (sheet->worksheet, FIRST_DATA_ROW, 0);
  worksheet_set_paper (sheet->worksheet, PAPER_A4);
  worksheet_fit_to_pages (sheet->worksheet, 1, 0);
  fail_lxw (self, worksheet_repeat_rows (sheet->worksheet, HEADER_ROW,
                                         HEADER_ROW));
  write_header_footer (sheet, sheet->title);
}

static SheetPart *
current_part (CrXlsxSheet *sheet)
{
  return &g_array_index (sheet->parts, SheetPart, sheet->parts->len - 1);
}

/* Records of the part being written. */
static guint
part_rows (CrXlsxSheet *sheet)
{
  return sheet->n_data_rows - current_part (sheet)->first;
}

static void
filter_part (CrXlsxSheet *sheet)
{
  guint rows = part_rows (sheet);
  lxw_row_t last = rows > 0 ? FIRST_DATA_ROW + rows - 1 : HEADER_ROW;

  if (sheet->n_columns == 0)
    return;
  fail_lxw (sheet->owner,
            worksheet_autofilter (sheet->worksheet, HEADER_ROW, 0, last,
                                  (lxw_col_t) (sheet->n_columns - 1)));
}

/* The part is full: filter it and go on in a new one, "Members (2)". */
static void
continue_on_new_part (CrXlsxSheet *sheet)
{
  g_autofree char *suffix = NULL;
  g_autofree char *wanted = NULL;

  if (!sheet->data_ended && !sheet->form)
    filter_part (sheet);
  suffix = g_strdup_printf (" (%u)", sheet->parts->len + 1);
  wanted = name_with_suffix (sheet->name, suffix);
  add_part (sheet, unique_sheet_name (sheet->owner, wanted));
}

/**
 * cr_xlsx_add_sheet:
 * @self: a workbook not yet closed
 * @name: the sheet's tab name; made acceptable to Excel and unique
 * @title: the first line of the sheet, e.g. "Ashbourne Vale TRA —
 *   Membership register"; also the printed page header
 * @period: (nullable): the second line, e.g. "1 April 2026 to 31 March 2027"
 * @columns: (array length=n_columns): the columns, left to right
 * @n_columns: how many
 *
 * Adds a sheet laid out in the house style: title in row 1, period in
 * row 2, column headings in row 4 (bold, underlined, frozen and repeated
 * on each printed page), records from row 5. Sheets may be written in any
 * order, each one's rows in order.
 *
 * Returns: (transfer none): the sheet, owned by @self. It is never %NULL:
 *   if the sheet could not be made, the failure is kept for cr_xlsx_close()
 *   and writes to the sheet do nothing.
 */
CrXlsxSheet *
cr_xlsx_add_sheet (CrXlsx             *self,
                   const char         *name,
                   const char         *title,
                   const char         *period,
                   const CrXlsxColumn *columns,
                   guint               n_columns)
{
  CrXlsxSheet *sheet;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (!self->closed, NULL);
  g_return_val_if_fail (columns != NULL || n_columns == 0, NULL);
  g_return_val_if_fail (n_columns <= CR_XLSX_MAX_COLUMNS, NULL);

  sheet = g_new0 (CrXlsxSheet, 1);
  sheet->owner = self;
  sheet->name = unique_sheet_name (self, name);
  sheet->n_columns = n_columns;
  sheet->kinds = g_new0 (CrXlsxKind, MAX (n_columns, 1));
  sheet->widths = g_new0 (double, MAX (n_columns, 1));
  sheet->fit = g_new0 (guint, MAX (n_columns, 1));
  sheet->sums = g_new0 (gint64, MAX (n_columns, 1));
  sheet->headings = g_new0 (char *, n_columns + 1);
  sheet->parts = g_array_new (FALSE, TRUE, sizeof (SheetPart));
  sheet->title = g_utf8_make_valid (title != NULL ? title : "", -1);
  /* A report without a period is a snapshot: say of when. */
  if ((period == NULL || *period == '\0') && self->period != NULL)
    sheet->period = g_strdup (self->period);
  else if (period == NULL || *period == '\0')
    sheet->period = cr_xlsx_describe_as_at (NULL);
  else
    sheet->period = g_utf8_make_valid (period, -1);
  sheet->row = FIRST_DATA_ROW;
  g_ptr_array_add (self->sheets, sheet);

  if (!usable (self))
    return sheet;

  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *valid = g_utf8_make_valid (columns[i].title != NULL ?
                                                  columns[i].title : "", -1);

      sheet->kinds[i] = columns[i].kind;
      sheet->widths[i] = MAX (columns[i].width, 0.0);
      /* Wrapping needs a width to wrap at. */
      if (columns[i].kind == CR_XLSX_WRAP && sheet->widths[i] <= 0)
        sheet->widths[i] = 40.0;
      sheet->fit[i] = (guint) g_utf8_strlen (valid, -1);
      sheet->headings[i] = g_steal_pointer (&valid);
    }

  add_part (sheet, g_strdup (sheet->name));
  return sheet;
}

/* Claims the next cell of the current row, or says why not. */
static gboolean
next_cell (CrXlsxSheet *sheet,
           lxw_col_t   *col)
{
  CrXlsx *self = sheet->owner;

  if (!usable (self) || sheet->worksheet == NULL)
    return FALSE;

  /* A full sheet goes on in a new one rather than losing rows; only a
   * row begun at its very end can't (there is no such row: rows begin at
   * their first cell). */
  if (sheet->row >= self->max_rows && sheet->col == 0 && !sheet->row_open)
    {
      continue_on_new_part (sheet);
      if (!usable (self) || sheet->worksheet == NULL)
        return FALSE;
    }

  if (sheet->row >= self->max_rows || sheet->col >= CR_XLSX_MAX_COLUMNS)
    {
      fail_lxw (self, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);
      return FALSE;
    }

  *col = sheet->col++;
  sheet->row_open = TRUE;
  sheet->last_row = sheet->row;
  sheet->last_col = *col;
  sheet->has_last = TRUE;
  return TRUE;
}

static void
note_width (CrXlsxSheet *sheet,
            lxw_col_t    col,
            const char  *text,
            gsize        n_bytes)
{
  glong n_chars;

  /* A string has no more characters than bytes, so most cells are
   * dismissed without counting. */
  if (col >= sheet->n_columns || sheet->widths[col] > 0 ||
      n_bytes <= sheet->fit[col])
    return;

  n_chars = g_utf8_strlen (text, (gssize) n_bytes);
  sheet->fit[col] = MAX (sheet->fit[col], (guint) MIN (n_chars, 255));
}

/* How many lines @text takes wrapped in a column @width characters wide:
 * LibreOffice does not grow a row for wrapped text on its own, so the
 * row's height is set from this. */
static guint
wrapped_lines (const char *text, double width)
{
  guint per_line = (guint) MAX (width - 1, 8);
  guint lines = 0, run = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (*p == '\n' || ++run > per_line)
        {
          lines++;
          run = *p == '\n' ? 0 : 1;
        }
    }
  return lines + 1;
}

static void
add_text_at (CrXlsxSheet *sheet,
             lxw_col_t    col,
             const char  *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *cut = NULL;
  gsize n_bytes = strlen (text);

  if (!g_utf8_validate_len (text, n_bytes, NULL))
    {
      valid = g_utf8_make_valid (text, (gssize) n_bytes);
      text = valid;
      n_bytes = strlen (text);
    }

  /* Longer text than a cell holds keeps its beginning and says it was cut,
   * rather than losing the whole report. */
  if (n_bytes > CR_XLSX_MAX_TEXT &&
      g_utf8_strlen (text, (gssize) n_bytes) > CR_XLSX_MAX_TEXT)
    {
      g_autofree char *head = g_utf8_substring (text, 0,
                                                CR_XLSX_MAX_TEXT - 1);

      cut = g_strconcat (head, "…", NULL);
      text = cut;
      n_bytes = strlen (text);
    }

  if (col < sheet->n_columns && sheet->kinds[col] == CR_XLSX_WRAP)
    {
      sheet->row_lines =
          MAX (sheet->row_lines, wrapped_lines (text, sheet->widths[col]));
      write_string (sheet, sheet->row, col, text, sheet->owner->wrap_format);
      return;
    }
  note_width (sheet, col, text, n_bytes);
  write_string (sheet, sheet->row, col, text, NULL);
}

/**
 * cr_xlsx_sheet_add_text:
 * @sheet: a sheet
 * @text: (nullable): the cell's text; %NULL or empty leaves the cell blank
 *
 * Writes @text into the next cell of the current row. It is always stored
 * as text: "=SUM(A1)", "+44 7700 900123", "-5" and "@x" stay exactly what
 * was typed, never formulas or numbers. Invalid UTF-8 is repaired; text
 * longer than a cell holds (32,767 characters) is cut short with "…".
 */
void
cr_xlsx_sheet_add_text (CrXlsxSheet *sheet,
                        const char  *text)
{
  lxw_col_t col;

  g_return_if_fail (sheet != NULL);

  if (!next_cell (sheet, &col) || text == NULL || *text == '\0')
    return;

  add_text_at (sheet, col, text);
}

/**
 * cr_xlsx_sheet_add_date_iso:
 * @sheet: a sheet
 * @iso: (nullable): a date as the store keeps it, `YYYY-MM-DD`
 *
 * Writes a real date, shown as dd/mm/yyyy, into the next cell. %NULL or
 * empty leaves the cell blank; anything that is not a valid date from 1900
 * on is written as the text it was, so nothing is silently lost.
 */
void
cr_xlsx_sheet_add_date_iso (CrXlsxSheet *sheet,
                            const char  *iso)
{
  lxw_datetime datetime = { 0 };
  GDate date;
  lxw_col_t col;
  locale_t old;
  lxw_error err;

  g_return_if_fail (sheet != NULL);

  if (!next_cell (sheet, &col) || iso == NULL || *iso == '\0')
    return;

  g_date_clear (&date, 1);
  if (!cr_date_parse_iso (iso, &date) || g_date_get_year (&date) < 1900)
    {
      add_text_at (sheet, col, iso);
      return;
    }

  datetime.year = g_date_get_year (&date);
  datetime.month = g_date_get_month (&date);
  datetime.day = g_date_get_day (&date);

  old = uselocale (c_locale ());
  err = worksheet_write_datetime (sheet->worksheet, sheet->row, col,
                                  &datetime, sheet->owner->date_format);
  uselocale (old);
  fail_lxw (sheet->owner, err);
}

static void
add_to_sum (CrXlsxSheet *sheet,
            lxw_col_t    col,
            gint64       value)
{
  if (col >= sheet->n_columns)
    return;

  if (__builtin_add_overflow (sheet->sums[col], value, &sheet->sums[col]))
    fail (sheet->owner, CR_XLSX_ERROR_TOO_LARGE,
          _("A total in the report is too large to write; nothing was saved "
            "to “%s”."),
          sheet->owner->display_name);
}

/**
 * cr_xlsx_sheet_add_money:
 * @sheet: a sheet
 * @pence: an amount in pence, negative for money out
 *
 * Writes an amount of money, shown as £#,##0.00, into the next cell, and
 * adds it to the column's exact total for cr_xlsx_sheet_add_sum().
 *
 * The pence become pounds only here, on the way into the file: the double
 * nearest to @pence / 100 prints (libxlsxwriter writes 16 significant
 * digits) as the exact decimal for any amount under £10 trillion, so the
 * file holds "1234567.89", not an approximation. All arithmetic, the
 * totals included, stays in integer pence.
 */
void
cr_xlsx_sheet_add_money (CrXlsxSheet *sheet,
                         gint64       pence)
{
  lxw_col_t col;

  g_return_if_fail (sheet != NULL);

  if (!next_cell (sheet, &col))
    return;

  add_to_sum (sheet, col, pence);
  write_number (sheet, col, cell_pounds (pence),
                sheet->owner->money_format);
}

/**
 * cr_xlsx_sheet_add_integer:
 * @sheet: a sheet
 * @value: a whole number (a count, a year, a number of hours)
 *
 * Writes a whole number into the next cell, and adds it to the column's
 * total for cr_xlsx_sheet_add_sum(). Exact up to 2^53.
 */
void
cr_xlsx_sheet_add_integer (CrXlsxSheet *sheet,
                           gint64       value)
{
  lxw_col_t col;

  g_return_if_fail (sheet != NULL);

  if (!next_cell (sheet, &col))
    return;

  add_to_sum (sheet, col, value);
  write_number (sheet, col, (double) value, sheet->owner->integer_format);
}

/**
 * cr_xlsx_sheet_add_percent:
 * @sheet: a sheet
 * @part: how many (meetings attended)
 * @whole: out of how many (meetings held); 0 or less leaves the cell blank
 *
 * Writes @part / @whole as a fraction shown as a percentage (0%): Excel
 * keeps the exact ratio for sorting and sums, and shows it rounded.
 */
void
cr_xlsx_sheet_add_percent (CrXlsxSheet *sheet,
                           gint64       part,
                           gint64       whole)
{
  lxw_col_t col;

  g_return_if_fail (sheet != NULL);

  if (!next_cell (sheet, &col) || whole <= 0)
    return;

  write_number (sheet, col, (double) part / (double) whole,
                sheet->owner->percent_format);
}

/**
 * cr_xlsx_sheet_add_blank:
 * @sheet: a sheet
 *
 * Leaves the next cell of the current row empty.
 */
void
cr_xlsx_sheet_add_blank (CrXlsxSheet *sheet)
{
  lxw_col_t col;

  g_return_if_fail (sheet != NULL);

  next_cell (sheet, &col);
}

/**
 * cr_xlsx_sheet_end_row:
 * @sheet: a sheet
 *
 * Finishes the current row; the next cell written starts a new row. A
 * finished row cannot be changed.
 *
 * Returns: %FALSE if the workbook has already failed, so a long loop can
 *   stop early; cr_xlsx_close() says why
 */
gboolean
cr_xlsx_sheet_end_row (CrXlsxSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, FALSE);

  if (!usable (sheet->owner))
    return FALSE;

  /* libxlsxwriter still holds the row being written even in constant-
   * memory mode, so its height can be set once its cells are known. */
  if (sheet->row_lines > 1 && sheet->worksheet != NULL)
    fail_lxw (sheet->owner,
              worksheet_set_row (sheet->worksheet, sheet->row,
                                 15.0 * MIN (sheet->row_lines, 20),
                                 sheet->owner->top_format));
  sheet->row_lines = 0;
  if (!sheet->in_totals)
    sheet->n_data_rows++;
  sheet->row++;
  sheet->col = 0;
  sheet->row_open = FALSE;
  return TRUE;
}

/* The records are complete: filter them. libxlsxwriter only records the
 * range, but in constant-memory mode it refuses a range that ends above a
 * row already begun, so this must happen before the totals row is written
 * (checked with libxlsxwriter 1.1.4). */
static void
end_data (CrXlsxSheet *sheet)
{
  if (sheet->data_ended)
    return;
  sheet->data_ended = TRUE;

  if (sheet->row_open && !sheet->in_totals)
    cr_xlsx_sheet_end_row (sheet);

  if (!usable (sheet->owner) || sheet->worksheet == NULL ||
      sheet->n_columns == 0 || sheet->form)
    return;

  filter_part (sheet);
}

/**
 * cr_xlsx_sheet_begin_totals:
 * @sheet: a sheet
 * @label: (nullable): the text of the row's first cell; %NULL for "Total"
 *
 * Ends the records (finishing the current row if need be) and starts a
 * totals row: @label in bold in the first column, then the cursor in the
 * second. Fill it with cr_xlsx_sheet_add_sum() and
 * cr_xlsx_sheet_add_blank(), and end it with cr_xlsx_sheet_end_row(). The
 * totals row is outside the filter, so sorting never moves it.
 */
void
cr_xlsx_sheet_begin_totals (CrXlsxSheet *sheet,
                            const char  *label)
{
  lxw_col_t col;

  g_return_if_fail (sheet != NULL);

  end_data (sheet);
  if (sheet->row_open)
    cr_xlsx_sheet_end_row (sheet);
  sheet->in_totals = TRUE;

  if (!next_cell (sheet, &col))
    return;

  if (label == NULL)
    label = _("Total");
  if (*label != '\0')
    {
      g_autofree char *valid = g_utf8_make_valid (label, -1);

      write_string (sheet, sheet->row, col, valid, sheet->owner->bold_format);
    }
}

/* The records of @sheet's part @index in @col, as a formula names them: the
 * part being written as "C5:C104", another as "'Members (2)'!C5:C104";
 * %NULL for a part without records. */
static GString *
part_range (CrXlsxSheet *sheet,
            guint        index,
            lxw_col_t    col)
{
  const SheetPart *part = &g_array_index (sheet->parts, SheetPart, index);
  guint next = index + 1 < sheet->parts->len ?
               g_array_index (sheet->parts, SheetPart, index + 1).first :
               sheet->n_data_rows;
  char range[LXW_MAX_CELL_RANGE_LENGTH];
  GString *out;

  if (next == part->first)
    return NULL;
  lxw_rowcol_to_range (range, FIRST_DATA_ROW, col,
                       FIRST_DATA_ROW + (next - part->first) - 1, col);
  out = g_string_new (NULL);
  if (index + 1 < sheet->parts->len)
    {
      /* A quote in a sheet's name is doubled inside the quotes. */
      g_string_append_c (out, '\'');
      for (const char *p = part->name; *p != '\0'; p++)
        {
          if (*p == '\'')
            g_string_append_c (out, '\'');
          g_string_append_c (out, *p);
        }
      g_string_append (out, "'!");
    }
  g_string_append (out, range);
  return out;
}

/* Every part's records in @col, comma-separated, for a SUM. */
static GString *
data_ranges (CrXlsxSheet *sheet,
             lxw_col_t    col)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sheet->parts->len; i++)
    {
      g_autoptr (GString) range = part_range (sheet, i, col);

      if (range == NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ',');
      g_string_append (out, range->str);
    }
  return out;
}

/**
 * cr_xlsx_sheet_add_sum:
 * @sheet: a sheet in its totals row (see cr_xlsx_sheet_begin_totals())
 *
 * Writes the total of the column under the cursor, which must be a money
 * or integer column, as the formula `=SUM(C5:C104)` over the records,
 * carrying the total counted exactly as the cells were written, so
 * previews and LibreOffice show it without recalculating and the figure
 * always agrees with the cells above it.
 */
void
cr_xlsx_sheet_add_sum (CrXlsxSheet *sheet)
{
  CrXlsx *self;
  g_autoptr (GString) ranges = NULL;
  g_autofree char *formula = NULL;
  lxw_format *format;
  CrXlsxKind kind;
  lxw_col_t col;
  double value;
  locale_t old;
  lxw_error err;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (sheet->in_totals);
  g_return_if_fail (sheet->col < sheet->n_columns);

  self = sheet->owner;
  kind = sheet->kinds[sheet->col];
  g_return_if_fail (kind == CR_XLSX_MONEY || kind == CR_XLSX_INTEGER);

  if (!next_cell (sheet, &col))
    return;

  if (kind == CR_XLSX_MONEY)
    {
      format = self->total_money_format;
      value = cell_pounds (sheet->sums[col]);
    }
  else
    {
      format = self->total_integer_format;
      value = (double) sheet->sums[col];
    }

  /* With no records a SUM over an empty range would have to name the
   * header or the total itself; a plain zero says the same. */
  if (sheet->n_data_rows == 0)
    {
      write_number (sheet, col, 0.0, format);
      return;
    }

  ranges = data_ranges (sheet, col);
  formula = g_strdup_printf ("=SUM(%s)", ranges->str);

  old = uselocale (c_locale ());
  err = worksheet_write_formula_num (sheet->worksheet, sheet->row, col,
                                     formula, format, value);
  uselocale (old);
  fail_lxw (self, err);
}

/**
 * cr_xlsx_sheet_add_count_if:
 * @sheet: a sheet in its totals row (see cr_xlsx_sheet_begin_totals())
 * @text: the text to count, such as "P"
 * @count: how many of the column's records the caller wrote as @text
 *
 * Writes, in the column under the cursor, how many of the records above
 * hold @text, as the formula `=COUNTIF(C5:C104,"P")` carrying @count, so
 * previews and LibreOffice show it without recalculating. cr-xlsx does
 * not keep the text it writes, so the caller counts as it writes; Excel
 * compares case-insensitively, so count that way too.
 */
void
cr_xlsx_sheet_add_count_if (CrXlsxSheet *sheet,
                            const char  *text,
                            gint64       count)
{
  g_autoptr (GString) counts = NULL;
  g_autofree char *formula = NULL;
  GString *quoted;
  lxw_col_t col;
  locale_t old;
  lxw_error err;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (sheet->in_totals);
  g_return_if_fail (count >= 0);

  if (!next_cell (sheet, &col))
    return;

  if (sheet->n_data_rows == 0)
    {
      write_number (sheet, col, 0.0, sheet->owner->total_integer_format);
      return;
    }

  /* A quote inside a formula's string is doubled. */
  quoted = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  /* COUNTIF takes one range: a sheet in parts adds one for each. */
  counts = g_string_new ("=");
  for (guint i = 0; i < sheet->parts->len; i++)
    {
      g_autoptr (GString) range = part_range (sheet, i, col);

      if (range == NULL)
        continue;
      g_string_append_printf (counts, "%sCOUNTIF(%s,\"%s\")",
                              counts->len > 1 ? "+" : "", range->str,
                              quoted->str);
    }
  formula = g_string_free (g_steal_pointer (&counts), FALSE);
  g_string_free (quoted, TRUE);

  old = uselocale (c_locale ());
  err = worksheet_write_formula_num (sheet->worksheet, sheet->row, col,
                                     formula,
                                     sheet->owner->total_integer_format,
                                     (double) count);
  uselocale (old);
  fail_lxw (sheet->owner, err);
}

/**
 * cr_xlsx_sheet_get_name:
 * @sheet: a sheet
 *
 * Returns: (transfer none): the sheet's tab name, as made acceptable to
 *   Excel and unique in the workbook
 */
const char *
cr_xlsx_sheet_get_name (CrXlsxSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, NULL);

  return sheet->name;
}

/**
 * cr_xlsx_sheet_get_n_data_rows:
 * @sheet: a sheet
 *
 * Returns: how many records (rows above the totals) have been finished
 */
guint
cr_xlsx_sheet_get_n_data_rows (CrXlsxSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);

  return sheet->n_data_rows;
}

/**
 * cr_xlsx_sheet_get_sum:
 * @sheet: a sheet
 * @column: a column, counting from 0
 *
 * Returns: the exact total of the money (in pence) or integers written
 *   into @column so far, as cr_xlsx_sheet_add_sum() will store it
 */
gint64
cr_xlsx_sheet_get_sum (CrXlsxSheet *sheet,
                       guint        column)
{
  g_return_val_if_fail (sheet != NULL, 0);
  g_return_val_if_fail (column < sheet->n_columns, 0);

  return sheet->sums[column];
}

static void
finish_sheet (CrXlsxSheet *sheet)
{
  double total_width = 0;

  end_data (sheet);
  if (sheet->row_open)
    cr_xlsx_sheet_end_row (sheet);

  if (!usable (sheet->owner) || sheet->worksheet == NULL)
    return;

  for (guint i = 0; i < sheet->n_columns; i++)
    {
      double width = sheet->widths[i];

      if (width <= 0)
        width = CLAMP (MAX ((double) sheet->fit[i] + 2.0,
                            default_width (sheet->kinds[i])),
                       MIN_FIT_WIDTH, MAX_FIT_WIDTH);
      total_width += width;
      for (guint p = 0; p < sheet->parts->len; p++)
        fail_lxw (sheet->owner,
                  worksheet_set_column (g_array_index (sheet->parts, SheetPart,
                                                       p).worksheet,
                                        (lxw_col_t) i, (lxw_col_t) i, width,
                                        NULL));
    }

  for (guint p = 0; p < sheet->parts->len; p++)
    {
      lxw_worksheet *worksheet = g_array_index (sheet->parts, SheetPart,
                                                p).worksheet;

      if (total_width > LANDSCAPE_WIDTH)
        worksheet_set_landscape (worksheet);
      else
        worksheet_set_portrait (worksheet);
    }
}

static void
about_row (CrXlsxSheet *about,
           const char  *label,
           const char  *value)
{
  lxw_col_t col;

  if (next_cell (about, &col))
    write_string (about, about->row, col, label, about->owner->bold_format);
  cr_xlsx_sheet_add_text (about, value);
  cr_xlsx_sheet_end_row (about);
}

/* The last sheet says when, by what and from which file the report was
 * made, so a council officer can tell two versions apart. */
static void
add_about_sheet (CrXlsx     *self,
                 const char *source_file)
{
  const CrXlsxColumn columns[] = {
    { _("About this report"), CR_XLSX_TEXT, 24 },
    { "", CR_XLSX_TEXT, 70 },
  };
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *made_on = g_date_time_format (now, "%d/%m/%Y %H:%M");
  g_autofree char *made_by = g_strdup_printf ("%s %s", PACKAGE_NAME,
                                              PACKAGE_VERSION);
  g_autofree char *source_name = NULL;
  g_autofree char *source_path = NULL;
  guint n_sheets = self->sheets->len;
  CrXlsxSheet *about;
  lxw_col_t col;

  /* A few rows, whatever limit a test set for the report's own sheets. */
  self->max_rows = CR_XLSX_MAX_ROWS;
  about = cr_xlsx_add_sheet (self, _("About"), self->report,
                             self->association, columns,
                             G_N_ELEMENTS (columns));

  about_row (about, _("Report"), self->report);
  about_row (about, _("Association"), self->association);

  if (next_cell (about, &col))
    write_string (about, about->row, col, _("Made on"), self->bold_format);
  if (next_cell (about, &col))
    {
      lxw_datetime datetime = {
        g_date_time_get_year (now), g_date_time_get_month (now),
        g_date_time_get_day_of_month (now), g_date_time_get_hour (now),
        g_date_time_get_minute (now), 0
      };
      locale_t old = uselocale (c_locale ());
      lxw_error err = worksheet_write_datetime (about->worksheet, about->row,
                                                col, &datetime,
                                                self->datetime_format);

      uselocale (old);
      fail_lxw (self, err);
    }
  note_width (about, 1, made_on, strlen (made_on));
  cr_xlsx_sheet_end_row (about);

  about_row (about, _("Made by"), made_by);
  if (source_file != NULL && *source_file != '\0')
    {
      source_name = g_filename_display_basename (source_file);
      source_path = g_filename_display_name (source_file);
    }
  about_row (about, _("From file"),
             source_name != NULL ? source_name : _("(none)"));
  about_row (about, _("Full path"), source_path);
  cr_xlsx_sheet_end_row (about);

  for (guint i = 0; i < n_sheets; i++)
    {
      CrXlsxSheet *sheet = g_ptr_array_index (self->sheets, i);
      g_autofree char *label = NULL;

      /* A form's rows are not records. */
      if (sheet->form)
        continue;

      if (sheet->parts->len > 1)
        /* Translators: a sheet too long for Excel, continued in others. */
        label = g_strdup_printf (_("Rows in “%s” and the %u sheets after it"),
                                 sheet->name, sheet->parts->len - 1);
      else
        label = g_strdup_printf (_("Rows in “%s”"), sheet->name);

      if (next_cell (about, &col))
        write_string (about, about->row, col, label, self->bold_format);
      cr_xlsx_sheet_add_integer (about, sheet->n_data_rows);
      cr_xlsx_sheet_end_row (about);
    }

  /* A plain list, not a table: no filter on it. */
  about->data_ended = TRUE;
  finish_sheet (about);
}

/* libxlsxwriter writes finished rows to its scratch files without looking
 * at the result; a full disk there would only show as a damaged sheet
 * inside a file that seems fine. Ask each scratch file before zipping. */
static void
check_scratch_files (CrXlsx *self)
{
  for (guint i = 0; i < self->sheets->len && usable (self); i++)
    {
      CrXlsxSheet *sheet = g_ptr_array_index (self->sheets, i);

      for (guint p = 0; p < sheet->parts->len && usable (self); p++)
        {
      lxw_worksheet *worksheet = g_array_index (sheet->parts, SheetPart,
                                                p).worksheet;
      FILE *file;

      if (worksheet == NULL)
        continue;
      file = worksheet->optimize_tmpfile;
      if (file == NULL)
        continue;

      errno = 0;
      if (fflush (file) != 0 || ferror (file))
        {
          int saved_errno = errno != 0 ? errno : EIO;

          fail (self, CR_XLSX_ERROR_NO_SPACE,
                _("The disk is full or not writable; nothing was saved to "
                  "“%s”. Free some space or choose another folder. (%s)"),
                self->display_name, g_strerror (saved_errno));
        }
        }
    }
}

static gboolean
sync_path (const char *path,
           int        *saved_errno)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      *saved_errno = errno;
      if (fd >= 0)
        close (fd);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/**
 * cr_xlsx_close:
 * @self: a workbook
 * @source_file: (nullable): the `.commonroom` file the report was made
 *   from, named on the "About" sheet
 * @error: return location for a #CR_XLSX_ERROR
 *
 * Finishes every sheet (filter, column widths, orientation), adds the
 * "About" sheet, writes the workbook, flushes it to the disk and only then
 * renames it onto the path given to cr_xlsx_new(), replacing any file
 * there in one step. On failure the temporary file is removed and a file
 * already at the path is left as it was.
 *
 * Either way @self is finished; free it with cr_xlsx_free().
 *
 * Returns: %TRUE if the report was saved
 */
gboolean
cr_xlsx_close (CrXlsx      *self,
               const char  *source_file,
               GError     **error)
{
  lxw_doc_properties properties = { 0 };
  g_autofree char *comments = NULL;
  g_autofree char *dir = NULL;
  locale_t old;
  lxw_error err;
  int saved_errno = 0;
  int dir_fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->closed, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < self->sheets->len; i++)
    finish_sheet (g_ptr_array_index (self->sheets, i));

  if (usable (self))
    add_about_sheet (self, source_file);

  if (source_file != NULL)
    {
      g_autofree char *name = g_filename_display_basename (source_file);

      comments = g_strdup_printf (_("Made by Common Room from %s"), name);
    }
  properties.title = self->report;
  properties.author = (char *) PACKAGE_NAME;
  properties.company = self->association;
  properties.comments = comments;
  if (usable (self))
    fail_lxw (self, workbook_set_properties (self->workbook, &properties));

  if (usable (self))
    check_scratch_files (self);

  self->closed = TRUE;

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }

  /* workbook_close() frees the workbook whatever it returns. */
  old = uselocale (c_locale ());
  err = workbook_close (g_steal_pointer (&self->workbook));
  uselocale (old);
  fail_lxw (self, err);

  if (self->error == NULL && !sync_path (self->tmp_path, &saved_errno))
    fail_errno (self, saved_errno);

  if (self->error == NULL && g_rename (self->tmp_path, self->path) != 0)
    fail_errno (self, errno);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }

  /* Renamed: there is no temporary left to remove. */
  g_clear_pointer (&self->tmp_path, g_free);

  /* The rename itself lives in the folder; without this a power cut could
   * bring back the old file. Best effort: some file systems refuse it. */
  dir = g_path_get_dirname (self->path);
  dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }

  return TRUE;
}

/**
 * cr_xlsx_sheet_add_formula_money:
 * @sheet: a sheet in a totals row (see cr_xlsx_sheet_begin_totals())
 * @formula: a formula over cells of the workbook, such as `=B7+I6-J6`
 * @pence: the value the formula gives, worked out by the caller
 *
 * Writes a money total that is not a plain SUM (a closing balance) in the
 * next cell, in the totals' format, carrying its value as
 * cr_xlsx_sheet_add_sum() does.
 */
void
cr_xlsx_sheet_add_formula_money (CrXlsxSheet *sheet,
                                 const char  *formula,
                                 gint64       pence)
{
  lxw_col_t col;
  locale_t old;
  lxw_error err;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (formula != NULL);

  if (!next_cell (sheet, &col))
    return;
  old = uselocale (c_locale ());
  err = worksheet_write_formula_num (sheet->worksheet, sheet->row, col,
                                     formula, sheet->owner->total_money_format,
                                     cell_pounds (pence));
  uselocale (old);
  fail_lxw (sheet->owner, err);
}

/**
 * cr_xlsx_sheet_get_row:
 * @sheet: a sheet
 *
 * Returns: the row being written, counting from 0 as libxlsxwriter does
 *   (1 less than Excel's row number)
 */
guint
cr_xlsx_sheet_get_row (CrXlsxSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);

  return sheet->row;
}

/**
 * _cr_xlsx_set_max_rows: (skip)
 * @max_rows: rows a sheet may have, its title and header included
 *
 * Lowers Excel's 1,048,576 rows a sheet, so that tests can see a long
 * report continue on further sheets without writing a million rows.
 */
void
_cr_xlsx_set_max_rows (CrXlsx *self, guint max_rows)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (max_rows > FIRST_DATA_ROW && max_rows <= CR_XLSX_MAX_ROWS);

  self->max_rows = max_rows;
}

/**
 * cr_xlsx_add_form_sheet:
 * @self: a workbook not yet closed
 * @name: the sheet's tab name
 * @title: (nullable): its first line, as for cr_xlsx_add_sheet()
 * @period: (nullable): its second line
 * @columns: (array length=n_columns): the columns, left to right
 * @n_columns: how many
 *
 * Adds a sheet laid out like every other (title, period, bold frozen
 * header, A4, About) that is read as a form rather than a table: rows of
 * a label (cr_xlsx_sheet_add_label()) and its value, sub-headings
 * (cr_xlsx_sheet_add_heading()) and blank rows, so it gets no filter. A
 * cover is one.
 *
 * Returns: (transfer none): the sheet, owned by @self
 */
CrXlsxSheet *
cr_xlsx_add_form_sheet (CrXlsx             *self,
                        const char         *name,
                        const char         *title,
                        const char         *period,
                        const CrXlsxColumn *columns,
                        guint               n_columns)
{
  CrXlsxSheet *sheet =
      cr_xlsx_add_sheet (self, name, title, period, columns, n_columns);

  if (sheet != NULL)
    sheet->form = TRUE;
  return sheet;
}

static lxw_format *
kind_format (CrXlsx *self, CrXlsxKind kind, gboolean total)
{
  switch (kind)
    {
      case CR_XLSX_MONEY:
        return total ? self->total_money_format : self->money_format;
      case CR_XLSX_INTEGER:
        return total ? self->total_integer_format : self->integer_format;
      case CR_XLSX_PERCENT:
        return self->percent_format;
      case CR_XLSX_DATE:
        return self->date_format;
      case CR_XLSX_TEXT:
      case CR_XLSX_WRAP:
      default:
        return total ? self->bold_format : NULL;
    }
}

/**
 * cr_xlsx_sheet_add_formula:
 * @sheet: a sheet
 * @formula: a formula over cells of the workbook, such as `=E5-F5` or
 *   `='Membership'!$E$9` (see cr_xlsx_ref())
 * @kind: what the formula gives, for its number format
 * @value: the value it gives, worked out by the caller: pence for
 *   %CR_XLSX_MONEY, a whole number for %CR_XLSX_INTEGER, hundredths of a
 *   percent for %CR_XLSX_PERCENT
 *
 * Writes a formula in the next cell carrying its value, so previews and
 * LibreOffice show the figure without recalculating. In a totals row it
 * takes the totals' bold format. A money or integer value also counts
 * towards its column's sum, so a SUM under a column of formulas carries
 * the right total.
 */
void
cr_xlsx_sheet_add_formula (CrXlsxSheet *sheet,
                           const char  *formula,
                           CrXlsxKind   kind,
                           gint64       value)
{
  lxw_col_t col;
  double    number;
  locale_t  old;
  lxw_error err;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (formula != NULL);

  if (!next_cell (sheet, &col))
    return;

  switch (kind)
    {
      case CR_XLSX_MONEY:
        number = cell_pounds (value);
        break;
      case CR_XLSX_PERCENT:
        number = (double) value / 10000.0;
        break;
      default:
        number = (double) value;
        break;
    }
  if (!sheet->in_totals && col < sheet->n_columns &&
      sheet->kinds[col] == kind &&
      (kind == CR_XLSX_MONEY || kind == CR_XLSX_INTEGER))
    add_to_sum (sheet, col, value);

  old = uselocale (c_locale ());
  err = worksheet_write_formula_num (
      sheet->worksheet, sheet->row, col, formula,
      kind_format (sheet->owner, kind, sheet->in_totals), number);
  uselocale (old);
  fail_lxw (sheet->owner, err);
}

/**
 * cr_xlsx_sheet_add_count_all:
 * @sheet: a sheet in its totals row (see cr_xlsx_sheet_begin_totals())
 * @count: how many of the column's records the caller wrote non-empty
 *
 * Writes, in the column under the cursor, how many records above are not
 * empty, as `=COUNTA(C5:C104)` carrying @count.
 */
void
cr_xlsx_sheet_add_count_all (CrXlsxSheet *sheet, gint64 count)
{
  g_autoptr (GString) ranges = NULL;
  g_autofree char *formula = NULL;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (sheet->in_totals);

  if (sheet->n_data_rows == 0)
    {
      lxw_col_t col;

      if (next_cell (sheet, &col))
        write_number (sheet, col, 0.0, sheet->owner->total_integer_format);
      return;
    }
  ranges = data_ranges (sheet, sheet->col);
  formula = g_strdup_printf ("=COUNTA(%s)", ranges->str);
  cr_xlsx_sheet_add_formula (sheet, formula, CR_XLSX_INTEGER, count);
}

static void
add_formatted_text (CrXlsxSheet *sheet, const char *text, lxw_format *format)
{
  g_autofree char *valid = NULL;
  lxw_col_t        col;

  if (!next_cell (sheet, &col) || text == NULL || *text == '\0')
    return;
  valid = g_utf8_make_valid (text, -1);
  if (g_utf8_strlen (valid, -1) > CR_XLSX_MAX_TEXT)
    {
      /* Rare enough to go the plain way, which cuts it short. */
      add_text_at (sheet, col, valid);
      return;
    }
  note_width (sheet, col, valid, strlen (valid));
  write_string (sheet, sheet->row, col, valid, format);
}

/**
 * cr_xlsx_sheet_add_label:
 * @sheet: a sheet
 * @text: (nullable): a label, such as "Members at the end"
 *
 * Writes @text in bold into the next cell: the left of a form's row.
 */
void
cr_xlsx_sheet_add_label (CrXlsxSheet *sheet, const char *text)
{
  g_return_if_fail (sheet != NULL);

  add_formatted_text (sheet, text, sheet->owner->bold_format);
}

/**
 * cr_xlsx_sheet_add_heading:
 * @sheet: a sheet
 * @text: (nullable): a sub-heading, such as "Officers on 31/12/2026"
 *
 * Writes @text in the header's format (bold, underlined) into the next
 * cell, to open a block of a form.
 */
void
cr_xlsx_sheet_add_heading (CrXlsxSheet *sheet, const char *text)
{
  g_return_if_fail (sheet != NULL);

  add_formatted_text (sheet, text, sheet->owner->header_format);
}

/**
 * cr_xlsx_sheet_add_marked_text:
 * @sheet: a sheet
 * @text: (nullable): the text, such as "Yes" or "No: to be ratified"
 * @mark: good news, bad news, or neither
 *
 * Writes @text into the next cell in green for good news and red for
 * what needs attention, both bold, so a council officer's eye finds the
 * "No"s; the words themselves always say it too.
 */
void
cr_xlsx_sheet_add_marked_text (CrXlsxSheet *sheet,
                               const char  *text,
                               CrXlsxMark   mark)
{
  CrXlsx *self;

  g_return_if_fail (sheet != NULL);

  self = sheet->owner;
  if (mark == CR_XLSX_MARK_NONE)
    cr_xlsx_sheet_add_text (sheet, text);
  else
    add_formatted_text (sheet, text,
                        mark == CR_XLSX_MARK_GOOD ? self->good_format
                                                  : self->bad_format);
}

/**
 * cr_xlsx_sheet_add_link:
 * @sheet: a sheet
 * @text: what the link says, such as "See Membership"
 * @target: a cell of the workbook, as cr_xlsx_ref() names it
 *
 * Writes a link in the next cell that opens @target, so a reader can
 * click from a figure to where it comes from.
 */
void
cr_xlsx_sheet_add_link (CrXlsxSheet *sheet,
                        const char  *text,
                        const char  *target)
{
  g_autofree char *url = NULL;
  g_autofree char *valid = NULL;
  lxw_col_t        col;
  locale_t         old;
  lxw_error        err;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (target != NULL);

  if (!next_cell (sheet, &col))
    return;
  valid = g_utf8_make_valid (text, -1);
  url = g_strdup_printf ("internal:%s", target);
  note_width (sheet, col, valid, strlen (valid));
  old = uselocale (c_locale ());
  err = worksheet_write_url_opt (sheet->worksheet, sheet->row, col, url,
                                 sheet->owner->link_format, valid, NULL);
  uselocale (old);
  fail_lxw (sheet->owner, err);
}

/**
 * cr_xlsx_sheet_add_note:
 * @sheet: a sheet
 * @text: one sentence explaining the table
 *
 * Ends the records (as cr_xlsx_sheet_begin_totals() does) and writes
 * @text on a row of its own, in the first column, where it runs on over
 * the empty cells to its right. Keep it shorter than the table is wide:
 * merged cells, which would wrap it, cannot be streamed.
 */
void
cr_xlsx_sheet_add_note (CrXlsxSheet *sheet, const char *text)
{
  g_autofree char *valid = NULL;
  lxw_col_t        col;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (text != NULL);

  end_data (sheet);
  if (sheet->row_open)
    cr_xlsx_sheet_end_row (sheet);
  sheet->in_totals = TRUE;
  if (!next_cell (sheet, &col))
    return;
  valid = g_utf8_make_valid (text, -1);
  write_string (sheet, sheet->row, col, valid, sheet->owner->period_format);
  cr_xlsx_sheet_end_row (sheet);
}

/* 'Name'!, a sheet named in a formula: quoted, its quotes doubled. */
static void
append_sheet_name (GString *out, const char *name)
{
  g_string_append_c (out, '\'');
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (out, '\'');
      g_string_append_c (out, *p);
    }
  g_string_append (out, "'!");
}

/**
 * cr_xlsx_ref:
 * @sheet_name: a sheet's tab name (cr_xlsx_sheet_get_name())
 * @row: a row, counting from 0 (see %CR_XLSX_FIRST_DATA_ROW)
 * @col: a column, counting from 0
 *
 * Names a cell for a formula or a link on another sheet. The sheet need
 * not be written yet: a cover written first can point at its figures.
 *
 * Returns: (transfer full): such as `'Membership'!$E$9`
 */
char *
cr_xlsx_ref (const char *sheet_name, guint row, guint col)
{
  char     cell[LXW_MAX_CELL_NAME_LENGTH];
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (sheet_name != NULL, NULL);

  lxw_rowcol_to_cell_abs (cell, row, (lxw_col_t) col, 1, 1);
  append_sheet_name (out, sheet_name);
  g_string_append (out, cell);
  return g_string_free (out, FALSE);
}

/**
 * cr_xlsx_range_ref:
 * @sheet_name: a sheet's tab name
 * @first_row: the first row, counting from 0
 * @last_row: the last row
 * @col: a column, counting from 0
 *
 * Returns: (transfer full): a part of a column for a formula, such as
 *   `'Decisions'!$D$5:$D$6`
 */
char *
cr_xlsx_range_ref (const char *sheet_name,
                   guint       first_row,
                   guint       last_row,
                   guint       col)
{
  char     range[LXW_MAX_CELL_RANGE_LENGTH];
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (sheet_name != NULL, NULL);

  lxw_rowcol_to_range_abs (range, first_row, (lxw_col_t) col, last_row,
                           (lxw_col_t) col);
  append_sheet_name (out, sheet_name);
  g_string_append (out, range);
  return g_string_free (out, FALSE);
}

/**
 * cr_xlsx_cell:
 * @row: a row, counting from 0
 * @col: a column, counting from 0
 *
 * Returns: (transfer full): a cell of the same sheet, such as `E5`, for a
 *   formula over the row being written
 */
char *
cr_xlsx_cell (guint row, guint col)
{
  char cell[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell (cell, row, (lxw_col_t) col);
  return g_strdup (cell);
}

/**
 * cr_xlsx_sheet_get_last_ref:
 * @sheet: a sheet
 *
 * Returns: (transfer full) (nullable): the cell last written (or left
 *   blank) on @sheet, as cr_xlsx_ref() names it, for a formula elsewhere
 *   that points at it; %NULL before the first
 */
char *
cr_xlsx_sheet_get_last_ref (CrXlsxSheet *sheet)
{
  const char *name;

  g_return_val_if_fail (sheet != NULL, NULL);

  if (!sheet->has_last)
    return NULL;
  name =
      sheet->parts->len > 0
          ? g_array_index (sheet->parts, SheetPart, sheet->parts->len - 1).name
          : sheet->name;
  return cr_xlsx_ref (name, sheet->last_row, sheet->last_col);
}

/**
 * cr_xlsx_describe_as_at:
 * @iso: (nullable): a date, ISO; today (cr_date_today()) if %NULL
 *
 * The period line of a report that shows how things stand on a day rather
 * than over a period; cr_xlsx_add_sheet() writes it for today when given
 * no period.
 *
 * Returns: (transfer full): such as "As at 25/11/2026"
 */
char *
cr_xlsx_describe_as_at (const char *iso)
{
  g_autofree char *today = NULL;
  g_autofree char *uk = NULL;

  if (iso == NULL)
    iso = today = cr_date_today_iso ();
  uk = cr_date_iso_to_uk (iso);
  /* Translators: the period line of a snapshot; %s is a date. */
  return g_strdup_printf (_ ("As at %s"), uk != NULL ? uk : iso);
}

/**
 * cr_xlsx_describe_period:
 * @from: (nullable): the period's first day, ISO
 * @to: (nullable): its last day, ISO
 *
 * The period line every report writes under its title, dates in the same
 * dd/mm/yyyy as its date cells.
 *
 * Returns: (transfer full): "01/04/2026 to 31/03/2027", "From 01/04/2026",
 *   "Up to 31/03/2027" or "All dates"
 */
char *
cr_xlsx_describe_period (const char *from, const char *to)
{
  g_autofree char *uk_from = from != NULL ? cr_date_iso_to_uk (from) : NULL;
  g_autofree char *uk_to = to != NULL ? cr_date_iso_to_uk (to) : NULL;

  if (uk_from != NULL && uk_to != NULL)
    /* Translators: the period of a report: "01/04/2026 to 31/03/2027" */
    return g_strdup_printf (_ ("%s to %s"), uk_from, uk_to);
  if (uk_from != NULL)
    return g_strdup_printf (_ ("From %s"), uk_from);
  if (uk_to != NULL)
    return g_strdup_printf (_ ("Up to %s"), uk_to);
  return g_strdup (_ ("All dates"));
}

/**
 * cr_xlsx_set_period:
 * @self: a workbook
 * @period: (nullable): a period line, such as cr_xlsx_describe_as_at()
 *   gives; %NULL for today's
 *
 * Sets the period line of the sheets added from now on without one of
 * their own, so a report of several sheets says it once.
 */
void
cr_xlsx_set_period (CrXlsx *self, const char *period)
{
  g_return_if_fail (self != NULL);

  g_free (self->period);
  self->period = period != NULL ? g_utf8_make_valid (period, -1) : NULL;
}

static int
chart_type (CrXlsxChartKind kind)
{
  switch (kind)
    {
      case CR_XLSX_CHART_BAR:
        return LXW_CHART_BAR;
      case CR_XLSX_CHART_LINE:
        return LXW_CHART_LINE;
      case CR_XLSX_CHART_COLUMN:
      default:
        return LXW_CHART_COLUMN;
    }
}

/**
 * cr_xlsx_sheet_add_chart:
 * @sheet: the sheet the chart is drawn on
 * @data: the sheet whose records it shows (may be @sheet); its records
 *   must be finished
 * @chart: what to draw
 * @row: the cell of @sheet its top left corner is anchored to, from 0
 * @col: likewise
 *
 * Draws a native chart of one column of @data's records (of its first
 * part, for a sheet continued on others), its value axis in the column's
 * number format and starting at 0. Charts are drawings beside the cells,
 * so this does not disturb the order rows are streamed in. Nothing is
 * drawn for a sheet without records.
 */
void
cr_xlsx_sheet_add_chart (CrXlsxSheet       *sheet,
                         CrXlsxSheet       *data,
                         const CrXlsxChart *chart,
                         guint              row,
                         guint              col)
{
  CrXlsx           *self;
  const SheetPart  *part;
  g_autofree char  *values = NULL;
  g_autofree char  *categories = NULL;
  lxw_chart_options options = { 0 };
  lxw_chart_series *series;
  lxw_chart        *native;
  guint             n_rows;
  CrXlsxKind        value_kind;
  locale_t          old;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (chart != NULL);
  g_return_if_fail (chart->value_column < data->n_columns);
  g_return_if_fail (chart->category_column < (int) data->n_columns);

  self = sheet->owner;
  if (!usable (self) || sheet->worksheet == NULL || data->worksheet == NULL)
    return;

  part = &g_array_index (data->parts, SheetPart, 0);
  n_rows = data->parts->len > 1
               ? g_array_index (data->parts, SheetPart, 1).first
               : data->n_data_rows;
  if (n_rows == 0)
    return;

  /* A chart's ranges are formulas. */
  {
    g_autofree char *range =
        cr_xlsx_range_ref (part->name, FIRST_DATA_ROW,
                           FIRST_DATA_ROW + n_rows - 1, chart->value_column);

    values = g_strconcat ("=", range, NULL);
  }
  if (chart->category_column >= 0)
    {
      g_autofree char *range = cr_xlsx_range_ref (
          part->name, FIRST_DATA_ROW, FIRST_DATA_ROW + n_rows - 1,
          (guint) chart->category_column);

      categories = g_strconcat ("=", range, NULL);
    }
  value_kind = data->kinds[chart->value_column];

  old = uselocale (c_locale ());
  native =
      workbook_add_chart (self->workbook, (uint8_t) chart_type (chart->kind));
  if (native == NULL)
    {
      uselocale (old);
      fail_lxw (self, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
  series = chart_add_series (native, categories, values);
  if (series != NULL && chart->series_name != NULL)
    chart_series_set_name (series, chart->series_name);
  if (series != NULL && chart->kind == CR_XLSX_CHART_LINE)
    chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
  if (chart->title != NULL)
    chart_title_set_name (native, chart->title);
  chart_legend_set_position (native, LXW_CHART_LEGEND_NONE);
  if (chart->kind == CR_XLSX_CHART_COLUMN)
    chart_set_series_gap (native, 40);

  {
    /* A bar chart lies on its side: its value axis is the x axis. */
    lxw_chart_axis *value_axis =
        chart->kind == CR_XLSX_CHART_BAR ? native->x_axis : native->y_axis;
    lxw_chart_axis *category_axis =
        chart->kind == CR_XLSX_CHART_BAR ? native->y_axis : native->x_axis;

    switch (value_kind)
      {
        case CR_XLSX_MONEY:
          chart_axis_set_num_format (value_axis, "£#,##0");
          break;
        case CR_XLSX_PERCENT:
          chart_axis_set_num_format (value_axis, "0%");
          chart_axis_set_max (value_axis, 1);
          break;
        default:
          chart_axis_set_num_format (value_axis, "0");
          break;
      }
    chart_axis_set_min (value_axis, 0);
    if (chart->category_column >= 0 &&
        data->kinds[chart->category_column] == CR_XLSX_DATE)
      chart_axis_set_num_format (category_axis, "mmm yy");
    if (chart->category_axis_name != NULL)
      chart_axis_set_name (category_axis, chart->category_axis_name);
    /* Read from the top, as the table is. */
    if (chart->kind == CR_XLSX_CHART_BAR)
      chart_axis_set_reverse (category_axis);
  }

  options.x_scale = chart->x_scale > 0 ? chart->x_scale : 1.0;
  options.y_scale = chart->y_scale > 0 ? chart->y_scale : 1.0;
  fail_lxw (self,
            worksheet_insert_chart_opt (sheet->worksheet, row, (lxw_col_t) col,
                                        native, &options));
  uselocale (old);
}
